// Checks over all UI text, on the catalogs as the app loads them:
// - every plural message renders at 0, 1, 2 and 1,000 in both languages;
// - every key used in views and code exists in both catalogs;
// - page code and views hold no hard-coded user text.
// What these checks can and cannot see: docs/plain-language.md.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "app/ui_text_support_test.h"

namespace wp::app {
namespace {

using i18n::SupportedLocales;

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsProductionCode(const std::string& path) {
  return (EndsWith(path, ".cc") || EndsWith(path, ".h")) && path.find("_test.") == std::string::npos &&
         path.rfind("src/testing/", 0) != 0;
}

// True when the code just before `offset` (spaces skipped) ends with `what`.
bool PrecededBy(const std::string& code, size_t offset, std::string_view what) {
  size_t end = offset;
  while (end > 0 && std::isspace(static_cast<unsigned char>(code[end - 1]))) --end;
  return end >= what.size() && code.compare(end - what.size(), what.size(), what) == 0;
}

// ---------------------------------------------------------------- plurals

TEST(UiTextTest, CatalogsAgreeOnKeysAndArguments) {
  EXPECT_EQ(Join(AppCatalog().Inconsistencies()), "");
  EXPECT_GT(AppCatalog().size("nl"), 500u);
}

TEST(UiTextTest, EveryPluralMessageRendersAtZeroOneTwoAndThousand) {
  const i18n::Catalog& catalog = AppCatalog();
  std::vector<std::string> problems;
  int plural_messages = 0;
  for (const auto& locale : SupportedLocales()) {
    for (const auto& key : catalog.Keys(locale)) {
      const i18n::Message& m = *catalog.Find(locale, key);
      std::vector<i18n::PluralUse> plurals = m.Plurals();
      if (plurals.empty()) continue;
      ++plural_messages;
      std::map<int64_t, std::string> shown;
      for (int64_t n : {0, 1, 2, 1000}) {
        shown[n] = RenderSample(m, locale, n);
        if (shown[n].find_first_of("{}#") != std::string::npos) {
          problems.push_back(locale + " " + key + " at " + std::to_string(n) + ": " + shown[n]);
        }
      }
      bool has_one = std::any_of(plurals.begin(), plurals.end(), [](const auto& p) { return p.has_one; });
      if (has_one && shown[1] == shown[2]) problems.push_back(locale + " " + key + ": the same at 1 and 2");
    }
  }
  EXPECT_EQ(Join(problems), "");
  EXPECT_GE(plural_messages, 2 * 25) << "the catalogs should show their counts through plural messages";
}

// ------------------------------------------------------------ keys in use

// The first parts of catalog keys ("budgets", "web"): a literal like
// "budgets.x.y" is taken for a key.
std::set<std::string> KeyNamespaces() {
  std::set<std::string> out;
  for (const auto& key : AppCatalog().Keys("nl")) out.insert(key.substr(0, key.find('.')));
  return out;
}

bool LooksLikeKey(const std::string& s, const std::set<std::string>& namespaces) {
  static const std::regex kKey("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.?");
  return std::regex_match(s, kKey) && namespaces.count(s.substr(0, s.find('.'))) > 0;
}

// Literals shaped like keys that name something else: background task
// names and log events (the first argument of these calls) ...
constexpr std::string_view kCallsTakingNames[] = {"AddPeriodic(", "AddPoller(", "AddHandler(", "Log("};
// ... and these values.
const std::set<std::string> kNotKeys = {
    "voting.key",      // a file name (voting_world.cc, test support of the voting feature)
    "codes.generate",  // a job kind (core/jobs), codes/commands.h kGenerateJob
    "site.css",        // the stylesheet tools/css builds, and its precompressed forms (app.cc)
    "site.css.gz",    "site.css.br",
};

// Every `{{t key}}` of every view exists in both languages.
TEST(UiTextTest, EveryKeyUsedInViewsExistsInBothLanguages) {
  static const std::regex kTranslate("\\{\\{t\\s+([^}\\s]+)\\s*\\}\\}");
  std::vector<std::string> missing;
  int uses = 0;
  for (const auto& f : SourceFiles([](const std::string& p) { return EndsWith(p, ".html"); })) {
    for (std::sregex_iterator it(f.text.begin(), f.text.end(), kTranslate), end; it != end; ++it) {
      ++uses;
      std::string key = (*it)[1];
      for (const auto& locale : SupportedLocales()) {
        if (!AppCatalog().Has(locale, key)) missing.push_back(f.path + ": " + locale + " has no " + key);
      }
    }
  }
  EXPECT_EQ(Join(missing), "");
  EXPECT_GT(uses, 300);
}

// Every key-shaped literal in production code exists in both languages. A
// literal ending in '.' that is concatenated ("budgets.status." + name) is a
// prefix: some key must start with it. The rest of such a key is only known
// at run time; that is the limit of this check.
TEST(UiTextTest, EveryKeyUsedInCodeExistsInBothLanguages) {
  const std::set<std::string> namespaces = KeyNamespaces();
  std::vector<std::string> missing;
  int keys = 0, prefixes = 0;
  for (const auto& f : SourceFiles(IsProductionCode)) {
    for (const auto& lit : StringLiterals(f.text)) {
      if (!LooksLikeKey(lit.text, namespaces) || kNotKeys.count(lit.text)) continue;
      if (std::any_of(std::begin(kCallsTakingNames), std::end(kCallsTakingNames),
                      [&](std::string_view call) { return PrecededBy(f.text, lit.offset, call); })) {
        continue;
      }
      std::string where = f.path + ":" + std::to_string(lit.line) + ": ";
      for (const auto& locale : SupportedLocales()) {
        if (lit.text.back() == '.') {
          std::vector<std::string> all = AppCatalog().Keys(locale);
          bool any =
              std::any_of(all.begin(), all.end(), [&](const std::string& k) { return k.rfind(lit.text, 0) == 0; });
          if (!any) missing.push_back(where + locale + " has no key starting with " + lit.text);
        } else if (!AppCatalog().Has(locale, lit.text)) {
          missing.push_back(where + locale + " has no " + lit.text);
        }
      }
      ++(lit.text.back() == '.' ? prefixes : keys);
    }
  }
  EXPECT_EQ(Join(missing), "");
  EXPECT_GT(keys, 200);
  EXPECT_GT(prefixes, 5);
}

// ------------------------------------------------------- hard-coded text

// Page code: the files that build what users see. Mail and letter texts are
// composed in commands from catalog messages (checked for B1 in
// plain_language_check_test.cc); CLI reports are for operators.
bool IsPageCode(const std::string& path) {
  if (!IsProductionCode(path) || !EndsWith(path, ".cc")) return false;
  return EndsWith(path, "pages.cc") || EndsWith(path, "/bar_chart.cc") || EndsWith(path, "/map_svg.cc") ||
         path.rfind("src/core/web/", 0) == 0;
}

// What comes just before a string literal whose text is not shown to users:
// error details (for logs; users see the error's i18n key), HTTP header names
// and values, and plain-text answers of machine endpoints (static files,
// photos, the language switch), which browsers fetch for <img> and <link>.
const std::regex kMachineContext(
    "(\\b(InvalidInput|NotFound|Conflict|Forbidden|Unavailable|Internal)\\(|"
    "headers\\.(Set|Add|Has)\\((\"[^\"]*\",)?|Header\\(|Response::Text\\()\\s*$");

// Literals in page code that look like words but are not UI text.
const std::set<std::string> kNotUiText = {
    "Lax",                            // SameSite cookie attribute
    "wijkplatform count stemmen.pb",  // the recount command line shown as code
    // The last-resort page when a view fails to render (web.cc).
    "<!doctype html><title>500</title><p>Internal error</p>",
};

// The text of a literal without markup: tags, attribute fragments
// (class=\"...), paths, URLs and key=value tokens removed.
std::string VisibleText(std::string s) {
  static const std::regex kTag("<[^<>]*>");
  static const std::regex kTagEnd("^[^<]*>");
  static const std::regex kTagStart("<[^>]*$");
  static const std::regex kAttribute("[A-Za-z:-]+=\"[^\"]*\"?");
  s = std::regex_replace(s, kTag, " ");
  s = std::regex_replace(s, kTagEnd, " ");
  s = std::regex_replace(s, kTagStart, " ");
  s = std::regex_replace(s, kAttribute, " ");
  std::string out;
  std::istringstream words(s);
  for (std::string w; words >> w;) {
    if (w.find_first_of("/=\"{}_#&") != std::string::npos) continue;
    out += w + " ";
  }
  return out;
}

// True when `text` reads like words for people: two words in a row, or one
// capitalised word ("Totaal").
bool LooksLikeUserText(const std::string& text) {
  static const std::regex kTwoWords("[A-Za-z\\x80-\\xff]{2,}[,.:;!?]? [A-Za-z\\x80-\\xff]{2,}");
  static const std::regex kCapitalised("(^|[^A-Za-z])[A-Z][a-z]{2,}");
  return std::regex_search(text, kTwoWords) || std::regex_search(text, kCapitalised);
}

TEST(UiTextTest, PageCodeHasNoHardCodedText) {
  std::vector<std::string> found;
  int files = 0;
  for (const auto& f : SourceFiles(IsPageCode)) {
    ++files;
    for (const auto& lit : StringLiterals(f.text)) {
      if (kNotUiText.count(lit.text)) continue;
      size_t from = lit.offset > 120 ? lit.offset - 120 : 0;
      if (std::regex_search(f.text.substr(from, lit.offset - from), kMachineContext)) continue;
      if (LooksLikeUserText(VisibleText(lit.text))) {
        found.push_back(f.path + ":" + std::to_string(lit.line) + ": \"" + lit.text + "\"");
      }
    }
  }
  EXPECT_EQ(Join(found), "") << "\nPut user text in the catalogs (docs/plain-language.md).";
  EXPECT_GT(files, 8);
}

// Views: text between tags and in the attributes people read (alt, title,
// aria-label, placeholder) comes from {{t ...}} or from data, never typed in.
TEST(UiTextTest, ViewsHaveNoHardCodedText) {
  // A comment ends at the first "}}", like in the template engine.
  static const std::regex kComment("\\{\\{!(?:[^}]|\\}(?!\\}))*\\}\\}");
  static const std::regex kMustache("\\{\\{\\{?[^}]*\\}?\\}\\}");
  static const std::regex kReadAttribute("\\b(alt|title|aria-label|placeholder)=\"([^\"]*)\"");
  static const std::regex kLetters("[A-Za-z]{2,}");  // every Dutch or English word has two ASCII letters
  std::vector<std::string> found;
  for (const auto& f : SourceFiles([](const std::string& p) { return EndsWith(p, ".html"); })) {
    std::string text = std::regex_replace(f.text, kComment, "");
    text = std::regex_replace(text, kMustache, " ");
    // Text between tags.
    size_t pos = 0;
    while (pos < text.size()) {
      size_t lt = text.find('<', pos);
      std::string between = text.substr(pos, lt == std::string::npos ? std::string::npos : lt - pos);
      if (std::regex_search(between, kLetters)) found.push_back(f.path + ": text \"" + between + "\"");
      if (lt == std::string::npos) break;
      size_t gt = text.find('>', lt);
      if (gt == std::string::npos) break;
      std::string tag = text.substr(lt, gt - lt + 1);
      for (std::sregex_iterator it(tag.begin(), tag.end(), kReadAttribute), end; it != end; ++it) {
        if (std::regex_search((*it)[2].str(), kLetters)) found.push_back(f.path + ": attribute " + (*it)[0].str());
      }
      pos = gt + 1;
    }
  }
  EXPECT_EQ(Join(found), "") << "\nPut user text in the catalogs (docs/plain-language.md).";
}

// The heuristics above, on examples.
TEST(UiTextTest, HeuristicsSeeWordsButNotMarkup) {
  EXPECT_TRUE(LooksLikeUserText(VisibleText("Stemmen per plan")));
  EXPECT_TRUE(LooksLikeUserText(VisibleText("<p class=\"utrecht-paragraph\">Geen plannen</p>")));
  EXPECT_TRUE(LooksLikeUserText(VisibleText("Totaal")));
  EXPECT_FALSE(LooksLikeUserText(VisibleText("<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/x")));
  EXPECT_FALSE(LooksLikeUserText(VisibleText("\" data-code=\"")));
  EXPECT_FALSE(LooksLikeUserText(VisibleText("text/csv; charset=utf-8")));
  EXPECT_FALSE(LooksLikeUserText(VisibleText("/wijkbudget/")));
  EXPECT_FALSE(LooksLikeUserText(VisibleText("selected")));
  EXPECT_TRUE(std::regex_search("return InvalidInput(", kMachineContext));
  EXPECT_TRUE(std::regex_search("r.headers.Set(\"Cache-Control\", ", kMachineContext));
  EXPECT_FALSE(std::regex_search("data[\"title\"] = ", kMachineContext));
  std::vector<Literal> lits =
      StringLiterals("// \"no\"\nT(\"a.b\", R\"x(raw \"q\")x\"); c = '\"'; n = 1'000; s = \"e\\\"f\";");
  ASSERT_EQ(lits.size(), 3u);
  EXPECT_EQ(lits[0].text, "a.b");
  EXPECT_EQ(lits[0].line, 2);
  EXPECT_EQ(lits[1].text, "raw \"q\"");
  EXPECT_EQ(lits[2].text, "e\"f");
}

}  // namespace
}  // namespace wp::app
