// The B1 check over every Dutch message (pages, e-mails, letters) and the
// sentence length of every English one (core/i18n/plain_language.h). The
// rules, and when an exception is right: docs/plain-language.md.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/ui_text_support_test.h"
#include "core/i18n/plain_language.h"

namespace wp::app {
namespace {

using Kind = i18n::PlainLanguageFinding::Kind;

// Messages where a passive sentence is right: nobody in particular does it,
// or naming who does it would be longer and less clear. Keep this short.
const std::map<std::string, std::string> kPassiveAllowed = {};

// The findings of `check` for every message of `locale`, rendered with sample
// arguments at 1 and 2 (so both forms of a plural are read).
template <typename Check>
std::vector<std::string> Findings(std::string_view locale, Check check) {
  std::vector<std::string> out;
  const i18n::Catalog& catalog = AppCatalog();
  for (const auto& key : catalog.Keys(locale)) {
    const i18n::Message& m = *catalog.Find(locale, key);
    std::set<std::string> seen;
    for (int64_t n : {1, 2}) {
      for (const auto& f : check(RenderSample(m, locale, n))) {
        if (f.kind == Kind::kPassive && kPassiveAllowed.count(key)) continue;
        std::string line = key + ": " + f.detail + ": \"" + f.sentence + "\"";
        if (seen.insert(line).second) out.push_back(line);
      }
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

TEST(PlainLanguageCheckTest, DutchMessagesAreAtLevelB1) {
  ASSERT_GT(AppCatalog().size("nl"), 500u);
  auto findings = Findings("nl", [](const std::string& text) { return i18n::CheckPlainDutch(text); });
  EXPECT_EQ(Join(findings), "") << "\nSee docs/plain-language.md.";
}

TEST(PlainLanguageCheckTest, EnglishSentencesAreShort) {
  auto findings = Findings("en", [](const std::string& text) { return i18n::CheckPlainEnglish(text); });
  EXPECT_EQ(Join(findings), "") << "\nSee docs/plain-language.md.";
}

// Every exception names a message that exists.
TEST(PlainLanguageCheckTest, AllowedPassivesAreRealMessages) {
  for (const auto& [key, why] : kPassiveAllowed) {
    EXPECT_TRUE(AppCatalog().Has("nl", key)) << key;
    EXPECT_FALSE(why.empty()) << key;
  }
}

}  // namespace
}  // namespace wp::app
