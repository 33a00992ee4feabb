#include "core/i18n/catalog.h"

#include <gtest/gtest.h>

namespace wp::i18n {
namespace {

TEST(CatalogTest, FormatsWithFallbackToDutchThenTheKey) {
  Catalog c;
  ASSERT_TRUE(
      c.AddJson("nl", R"({"a.votes": "{n, plural, one {# stem} other {# stemmen}}", "a.only_nl": "Alleen"})", "nl.json")
          .has_value());
  ASSERT_TRUE(c.AddJson("en", R"({"a.votes": "{n, plural, one {# vote} other {# votes}}"})", "en.json").has_value());
  EXPECT_EQ(c.Format("nl", "a.votes", {{"n", 1}}), "1 stem");
  EXPECT_EQ(c.Format("en", "a.votes", {{"n", 2000}}), "2,000 votes");
  EXPECT_EQ(c.Format("en", "a.only_nl"), "Alleen");
  EXPECT_EQ(c.Format("en", "a.missing"), "a.missing");
  EXPECT_EQ(c.Lookup("en", "a.only_nl"), "Alleen");
  EXPECT_TRUE(c.Has("nl", "a.only_nl"));
  EXPECT_FALSE(c.Has("en", "a.only_nl"));
  EXPECT_EQ(c.Keys("nl"), (std::vector<std::string>{"a.only_nl", "a.votes"}));
  EXPECT_EQ(c.Inconsistencies(), (std::vector<std::string>{"en: missing a.only_nl"}));
}

TEST(CatalogTest, ABrokenMessageFailsLoadingAndNamesTheKey) {
  Catalog c;
  auto r = c.AddJson("nl", R"({"ok": "Goed", "budgets.count": "{n, plural, one {# plan}}"})", "budgets/i18n/nl.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("budgets/i18n/nl.json: budgets.count: "), std::string::npos) << r.error().detail;
  EXPECT_NE(r.error().detail.find("no 'other' form"), std::string::npos) << r.error().detail;
}

TEST(CatalogTest, RejectsNonStringsDuplicatesAndUnknownLocales) {
  Catalog c;
  EXPECT_FALSE(c.AddJson("nl", R"({"a": 1})", "x").has_value());
  EXPECT_FALSE(c.AddJson("nl", "[]", "x").has_value());
  EXPECT_FALSE(c.AddJson("de", R"({"a": "b"})", "x").has_value());
  ASSERT_TRUE(c.AddJson("nl", R"({"a": "b"})", "x").has_value());
  auto r = c.AddJson("nl", R"({"a": "c"})", "y");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().detail, "y: a: defined twice");
}

TEST(CatalogTest, ReportsDifferentArgumentNamesPerKey) {
  Catalog c;
  ASSERT_TRUE(c.AddJson("nl", R"({"k": "{count} plannen van {name}", "same": "{n, plural, one {#} other {#}}"})", "nl")
                  .has_value());
  ASSERT_TRUE(c.AddJson("en", R"({"k": "{count} plans of {user}", "same": "{n}"})", "en").has_value());
  EXPECT_EQ(c.Inconsistencies(), (std::vector<std::string>{"k: nl uses {count, name}, en uses {count, user}"}));
}

TEST(CatalogTest, FormatsFromALookup) {
  Catalog c;
  ASSERT_TRUE(
      c.AddJson("nl", R"({"k": "{a.b} heeft {n, plural, one {# buurt} other {# buurten}}"})", "nl").has_value());
  ArgLookup lookup = [](std::string_view name) -> std::optional<Arg> {
    if (name == "a.b") return Arg("Schalkwijk");
    if (name == "n") return Arg(1);
    return std::nullopt;
  };
  EXPECT_EQ(c.Format("nl", "k", lookup), "Schalkwijk heeft 1 buurt");
}

}  // namespace
}  // namespace wp::i18n
