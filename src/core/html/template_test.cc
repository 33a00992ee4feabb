#include "core/html/template.h"

#include <gtest/gtest.h>

#include "core/html/escape.h"

namespace wp::html {
namespace {

class TemplateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(catalog_
                    .AddJson("nl", R"({"greet": "Hallo {name}", "bye": "Dag",
        "votes": "{plan.title}: {plan.votes, plural, one {# stem} other {# stemmen}}"})",
                             "nl")
                    .has_value());
    ASSERT_TRUE(catalog_
                    .AddJson("en", R"({"greet": "Hello {name}", "bye": "Bye",
        "votes": "{plan.title}: {plan.votes, plural, one {# vote} other {# votes}}"})",
                             "en")
                    .has_value());
  }
  std::string Render(std::string_view text, const nlohmann::json& ctx) {
    TemplateSet set(catalog_);
    auto added = set.Add("t", text);
    EXPECT_TRUE(added.has_value()) << added.error().detail;
    EXPECT_TRUE(set.Add("p", "[{{name}}]").has_value());
    auto r = set.Render("t", ctx);
    EXPECT_TRUE(r.has_value()) << r.error().detail;
    return r.value_or("");
  }
  i18n::Catalog catalog_;
};

TEST_F(TemplateTest, EscapesVariablesByDefault) {
  nlohmann::json ctx = {{"name", "<script>alert('x')</script>&\""}};
  EXPECT_EQ(Render("<p>{{name}}</p>", ctx), "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</p>");
}

TEST_F(TemplateTest, RawOnlyForHtmlKeys) {
  EXPECT_EQ(Render("{{{map_html}}}", {{"map_html", "<svg/>"}}), "<svg/>");
  TemplateSet set(catalog_);
  auto bad = set.Add("bad", "{{{name}}}");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("only *_html"), std::string::npos);
  EXPECT_FALSE(set.Add("bad2", "{{&name}}").has_value());
}

TEST_F(TemplateTest, SectionsIterateAndInvert) {
  nlohmann::json ctx = {{"items", {{{"n", "a"}}, {{"n", "b"}}}}, {"empty", nlohmann::json::array()}, {"user", {{"name", "Ans"}}}};
  EXPECT_EQ(Render("{{#items}}<li>{{n}}</li>{{/items}}", ctx), "<li>a</li><li>b</li>");
  EXPECT_EQ(Render("{{^empty}}none{{/empty}}", ctx), "none");
  EXPECT_EQ(Render("{{#user}}{{name}}{{/user}}{{user.name}}", ctx), "AnsAns");
  EXPECT_EQ(Render("{{#missing}}x{{/missing}}", ctx), "");
}

TEST_F(TemplateTest, TranslatesWithPlaceholdersEscaped) {
  EXPECT_EQ(Render("{{t greet}}", {{"locale", "nl"}, {"name", "<b>"}}), "Hallo &lt;b&gt;");
  EXPECT_EQ(Render("{{t greet}}", {{"locale", "en"}, {"name", "Jo"}}), "Hello Jo");
  EXPECT_EQ(Render("{{t missing.key}}", {{"locale", "en"}}), "missing.key");
}

// Numbers in the view data stay numbers for {{t}}: plural forms and the
// locale's grouping; text stays text.
TEST_F(TemplateTest, TranslatesNumbersFromTheContextWithPluralForms) {
  nlohmann::json one = {{"locale", "nl"}, {"plan", {{"title", "Bankjes"}, {"votes", 1}}}};
  EXPECT_EQ(Render("{{t votes}}", one), "Bankjes: 1 stem");
  nlohmann::json many = {{"locale", "en"}, {"plan", {{"title", "Benches"}, {"votes", 12000}}}};
  EXPECT_EQ(Render("{{t votes}}", many), "Benches: 12,000 votes");
  EXPECT_EQ(Render("{{#plan}}{{t votes}}{{/plan}}", many), "Benches: 12,000 votes");
  EXPECT_EQ(Render("{{t greet}}", {{"locale", "nl"}, {"name", 1000}}), "Hallo 1.000");
}

TEST_F(TemplateTest, PartialsShareContext) {
  EXPECT_EQ(Render("a{{> p}}b", {{"name", "<x>"}}), "a[&lt;x&gt;]b");
}

TEST_F(TemplateTest, ParseErrorsNameTheLine) {
  TemplateSet set(catalog_);
  auto r = set.Add("broken.html", "line1\n{{#a}}\n{{/b}}");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("broken.html line 3"), std::string::npos) << r.error().detail;
  EXPECT_FALSE(set.Add("x", "{{#a}}open").has_value());
  EXPECT_FALSE(set.Add("y", "{{oops").has_value());
}

TEST(CatalogTest, ReportsMissingKeysAndDuplicates) {
  i18n::Catalog c;
  ASSERT_TRUE(c.AddJson("nl", R"({"a": "A", "b": "B"})", "nl").has_value());
  ASSERT_TRUE(c.AddJson("en", R"({"a": "A"})", "en").has_value());
  auto inc = c.Inconsistencies();
  ASSERT_EQ(inc.size(), 1u);
  EXPECT_EQ(inc[0], "en: missing b");
  EXPECT_FALSE(c.AddJson("nl", R"({"a": "again"})", "nl2").has_value());
  EXPECT_FALSE(c.AddJson("nl", R"([1])", "bad").has_value());
  EXPECT_EQ(c.Lookup("en", "b"), "B") << "falls back to Dutch";
}

}  // namespace
}  // namespace wp::html
