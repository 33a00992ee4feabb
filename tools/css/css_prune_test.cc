#include "css_prune.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wp::css {
namespace {

UsedClasses Used(std::string_view source) {
  UsedClasses used;
  CollectClasses(source, used);
  return used;
}

TEST(CollectClasses, NamesAndRunTimePrefixes) {
  auto used = Used(R"(<a class="utrecht-link wp-nav__item">x</a>
      <div class="wp-flash utrecht-alert--{{kind}}">
      std::string c = "wp-map__area--borough-" + std::to_string(i);  id = "wp-" + id;)");
  EXPECT_TRUE(used.Uses("utrecht-link"));
  EXPECT_TRUE(used.Uses("wp-nav__item"));
  EXPECT_TRUE(used.Uses("utrecht-alert--warning")) << "completed at run time";
  EXPECT_TRUE(used.Uses("wp-map__area--borough-3"));
  EXPECT_FALSE(used.Uses("utrecht-alert")) << "only the name itself, not a prefix";
  EXPECT_FALSE(used.Uses("utrecht-link--visited")) << "a whole name is no prefix";
  EXPECT_FALSE(used.Uses("wp-anything")) << "a bare namespace like \"wp-\" names no class";
  EXPECT_TRUE(used.Uses("other-library-class")) << "we judge only our and NL Design System classes";
}

TEST(SelectorClasses, SkipsFunctionalPseudoClassesAndAttributes) {
  EXPECT_EQ(SelectorClasses(".a .b>.c:hover"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(SelectorClasses(".a:not(.b, .c)::before"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(SelectorClasses("a[href$='.pdf'].x"), (std::vector<std::string>{"x"}));
  EXPECT_EQ(SelectorClasses(":root"), (std::vector<std::string>{}));
  EXPECT_EQ(SelectorClasses(".w-1\\.5"), (std::vector<std::string>{"w-1\\.5"}));
}

TEST(PruneRules, KeepsOnlyMatchingSelectors) {
  auto used = Used("utrecht-button utrecht-link");
  PruneStats stats;
  std::string out = PruneRules(R"(@charset "UTF-8";
/* a comment { with a brace */
.utrecht-button, .utrecht-accordion { color: red;  margin: 0 }
.utrecht-accordion__panel { display: none; }
.utrecht-link:not(.utrecht-link--x) { content: "}"; }
html { font-size: 100%; }
@media (min-width: 40em) {
  .utrecht-accordion { gap: 1px; }
  .utrecht-button:hover { gap: 2px; }
}
@media print { .utrecht-accordion { display: none } }
@keyframes utrecht-spin { to { transform: rotate(1turn); } }
@keyframes utrecht-unused { to { opacity: 0; } }
.utrecht-button--busy { animation: utrecht-spin 1s; }
.utrecht-button { animation: utrecht-spin 1s; }
)",
                               used, &stats);
  EXPECT_EQ(out,
            ".utrecht-button{color: red;margin: 0}\n"
            ".utrecht-link:not(.utrecht-link--x){content: \"}\";}\n"
            "html{font-size: 100%;}\n"
            "@media (min-width: 40em){\n.utrecht-button:hover{gap: 2px;}\n}\n"
            ".utrecht-button{animation: utrecht-spin 1s;}\n"
            "@keyframes utrecht-spin{to{transform: rotate(1turn);}}\n");
  EXPECT_EQ(stats.rules_kept, 5);
  EXPECT_EQ(stats.rules_dropped, 4);
}

TEST(PruneRules, RefusesBrokenInput) {
  UsedClasses used;
  EXPECT_THROW(PruneRules(".a { color: red;", used), std::runtime_error);
  EXPECT_THROW(PruneRules(".a { content: \"x }", used), std::runtime_error);
  EXPECT_THROW(PruneRules("/* open", used), std::runtime_error);
}

TEST(PruneCustomProperties, KeepsWhatIsReadDirectlyOrThroughOthers) {
  PruneStats stats;
  std::string out = PruneCustomProperties(R"(.utrecht-theme {
  --a: 1px; /* px */
  --b: var(--c);
  --c: var( --d, 2px);
  --d: 3px;
  --unused: var(--a);
  color: black;
}
.dark { --unused-too: 0; })",
                                          ".x { margin: var(--a); padding: var(--b, 0) }", &stats);
  EXPECT_EQ(out, ".utrecht-theme{--a: 1px;--b: var(--c);--c: var( --d, 2px);--d: 3px;color: black;}\n");
  EXPECT_EQ(stats.properties_kept, 4);
  EXPECT_EQ(stats.properties_dropped, 2);
}

// The real stylesheet: the NL Design System CSS from node_modules and every
// view and page source. Nothing a page can use is lost.
std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(PruneRealStylesheet, KeepsEveryRuleForAClassThePagesUse) {
  const char* src = std::getenv("WP_SOURCE_DIR");
  if (!src) GTEST_SKIP() << "WP_SOURCE_DIR not set";
  std::filesystem::path root(src);
  std::string components = ReadFile(root / "node_modules/@utrecht/component-library-css/dist/index.css");
  std::string tokens = ReadFile(root / "node_modules/@utrecht/design-tokens/dist/theme.css");
  ASSERT_FALSE(components.empty());
  UsedClasses used;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root / "src")) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.ends_with("_test.cc")) continue;
    if (name.ends_with(".html") || name.ends_with(".cc") || name.ends_with(".h"))
      CollectClasses(ReadFile(e.path()), used);
  }
  ASSERT_TRUE(used.Uses("utrecht-button"));
  ASSERT_TRUE(used.Uses("utrecht-form-field--invalid"));
  ASSERT_TRUE(used.Uses("utrecht-alert--error")) << "from utrecht-alert--{{kind}} in the layout";

  std::string pruned = PruneRules(components, used);
  std::string full = PruneRules(components, UsedClasses{{}, {"utrecht-", "wp-"}});
  // Every selector of the full sheet that can match is in the pruned one.
  // PruneRules writes one rule a line ("selector{body}"), at-rule blocks
  // open and close on lines of their own.
  auto selectors = [](const std::string& css) {
    std::multiset<std::string> out;
    std::istringstream lines(css);
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("@") || !line.ends_with("}") || line.find('{') == std::string::npos) continue;
      out.insert(line.substr(0, line.find('{')));
    }
    return out;
  };
  int checked = 0;
  auto kept = selectors(pruned);
  for (const auto& sel : selectors(full)) {
    if (sel.starts_with("@")) continue;
    bool all_used = true;
    for (const auto& c : SelectorClasses(sel)) all_used = all_used && used.Uses(c);
    if (!all_used) continue;
    ++checked;
    EXPECT_TRUE(kept.count(sel)) << sel;
  }
  EXPECT_GT(checked, 50);
  EXPECT_EQ(pruned.find(".utrecht-accordion"), std::string::npos) << "no page has an accordion";
  EXPECT_LT(pruned.size(), components.size() / 3);

  // Every token the kept rules read and the theme defines is still defined.
  std::string pruned_tokens = PruneCustomProperties(tokens, pruned);
  auto defined = [](const std::string& css, const std::string& name) {
    return css.find(name + ":") != std::string::npos;
  };
  for (const auto& ref : VarReferences(pruned + pruned_tokens)) {
    if (!defined(tokens, ref)) continue;  // defined by ours, or a fallback is given
    EXPECT_TRUE(defined(pruned_tokens, ref)) << ref;
  }
  EXPECT_LT(pruned_tokens.size(), tokens.size() / 2);
}

}  // namespace
}  // namespace wp::css
