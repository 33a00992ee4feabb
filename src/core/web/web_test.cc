// Tests of Web::Page: errors of a handler map to their status and page in
// one place, forms show their field errors, ids in paths are checked.
#include "core/web/web.h"

#include <gtest/gtest.h>

#include "core/html/template.h"
#include "core/http/error_response.h"
#include "core/i18n/catalog.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "wp_web_files.h"

namespace wp::web {
namespace {

using nlohmann::json;

class WebPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(catalog_.AddFiles(WebFiles()).has_value());
    ASSERT_TRUE(templates_.AddFiles("web", WebFiles()).has_value());
    ASSERT_TRUE(templates_
                    .Add("test/form.html",
                         "{{> web/error_summary.html}}{{#fields.email}}{{> web/field.html}}{{/fields.email}}"
                         "{{#fields.name}}{{> web/field.html}}{{/fields.name}}")
                    .has_value());
    ASSERT_TRUE(templates_.Add("test/plain.html", "<h1>{{title}}</h1>").has_value());
    SiteOptions options;
    options.csrf_secret = std::string(32, 'k');
    web_ = std::make_unique<Web>(options, templates_, catalog_, random_);
  }
  http::Response Call(const Web::Handler& h, std::string path = "/x",
                      std::vector<std::pair<std::string, std::string>> params = {}) {
    http::Request req;
    req.method = http::Method::kGet;
    req.path = path;
    req.target = path;
    req.params = std::move(params);
    req.headers.Set("Accept-Language", "nl");
    return web_->Page(h)(req);
  }

  i18n::Catalog catalog_;
  html::TemplateSet templates_{catalog_};
  SeededRandom random_{3};
  std::unique_ptr<Web> web_;
};

TEST_F(WebPageTest, ErrorsMapToTheirStatusAndAFriendlyPageInOnePlace) {
  struct Case {
    Error error;
    int status;
    std::string text;
  };
  std::vector<Case> cases = {
      {NotFound("no plan 7"), 404, "bestaat niet"},
      {Forbidden("not a member"), 403, "mag dit niet"},
      {Conflict("stale"), 409, "intussen is veranderd"},
      {Unavailable("db busy"), 503, "te druk"},
      {RateLimited("too many"), 429, "te vaak geprobeerd"},
      {InvalidInput("bad"), 400, "formulier niet lezen"},
      {Internal("bug in table secret_stuff"), 500, "ging bij ons iets mis"},
  };
  for (const auto& c : cases) {
    auto r = Call([&](Context&) -> Result<http::Response> { return c.error; });
    EXPECT_EQ(r.status, c.status) << ErrorCodeName(c.error.code);
    EXPECT_NE(r.body.find(c.text), std::string::npos) << ErrorCodeName(c.error.code) << r.body.substr(0, 300);
    EXPECT_EQ(r.body.find(c.error.detail), std::string::npos) << "details are for logs only";
  }
}

TEST_F(WebPageTest, AnUnknownMessageKeyFallsBackToTheGenericTextOfItsCode) {
  auto r = Call([](Context&) -> Result<http::Response> { return NotFound("x", "nobody.defined.this"); });
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("nobody.defined.this"), std::string::npos);
}

TEST_F(WebPageTest, ExceptionsBecomeA500PageWithoutDetails) {
  auto r = Call([](Context&) -> Result<http::Response> { throw std::runtime_error("secret detail"); });
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
}

TEST_F(WebPageTest, IdParamRefusesAnythingButAPlainPositiveNumberWith404) {
  Web::Handler h = [this](Context& ctx) -> Result<http::Response> {
    WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
    return web_->Render(ctx, "test/plain.html", "web.error.title", {{"title", "id " + std::to_string(id)}});
  };
  EXPECT_EQ(Call(h, "/p/12", {{"id", "12"}}).status, 200);
  EXPECT_NE(Call(h, "/p/12", {{"id", "12"}}).body.find("id 12"), std::string::npos);
  for (const char* bad : {"0", "-3", "12abc", "", "99999999999999999999"}) {
    EXPECT_EQ(Call(h, "/p/x", {{"id", bad}}).status, 404) << bad;
  }
}

TEST_F(WebPageTest, FormViewShowsFieldErrorsNextToFieldsAndInTheSummaryInFormOrder) {
  Web::Handler h = [this](Context& ctx) -> Result<http::Response> {
    Error refused = FormInvalid({{"name", "web.required"}, {"email", "web.required"}, {"other", "web.required"}});
    FormView form(ctx, refused.fields);
    form.Field({.name = "email", .label_key = "web.sign_in", .type = "email", .value = "a@b.nl"});
    form.Field({.name = "name", .label_key = "web.register"});
    json data;
    form.AppendTo(data);
    return web_->Render(ctx, "test/form.html", "web.error.title", data, http::StatusForError(refused));
  };
  auto r = Call(h);
  EXPECT_EQ(r.status, 422);
  size_t email = r.body.find("href=\"#f-email\">Inloggen: Vul dit veld in.");
  size_t name = r.body.find("href=\"#f-name\">Account maken: Vul dit veld in.");
  size_t other = r.body.find("href=\"#f-other\">Vul dit veld in.");
  ASSERT_NE(email, std::string::npos) << r.body;
  ASSERT_NE(name, std::string::npos);
  ASSERT_NE(other, std::string::npos) << "an error of a field the form does not name is still listed";
  EXPECT_LT(email, name) << "summary in form order, not error order";
  EXPECT_LT(name, other);
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(r.body.find("aria-describedby=\"f-email-error\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"a@b.nl\""), std::string::npos) << "what was typed stays";
}

TEST_F(WebPageTest, FieldErrorArgumentsKeepTheirTypeSoAmountsAndCountsShowRight) {
  ASSERT_TRUE(catalog_
                  .AddJson("nl", R"({"test.over": "Samen {total}, {count, plural, one {# plan} other {# plannen}}."})",
                           "test")
                  .has_value());
  Web::Handler h = [this](Context& ctx) -> Result<http::Response> {
    FormView form(ctx, {{"name", "test.over", {{"total", Money{2'000'050}}, {"count", int64_t{1}}}}});
    form.Field({.name = "name", .label_key = "web.register"});
    json data;
    form.AppendTo(data);
    return web_->Render(ctx, "test/form.html", "web.error.title", data, 422);
  };
  auto r = Call(h);
  EXPECT_NE(r.body.find("Samen €\u00a020.000,50, 1 plan."), std::string::npos) << r.body;
}

TEST_F(WebPageTest, TheLayoutShowsTheBreadcrumbOfThePage) {
  Web::Handler h = [this](Context& ctx) -> Result<http::Response> {
    json data = {{"breadcrumb", Breadcrumb({{"Start", "/"}, {"Hier", "/x"}})}};
    return web_->Render(ctx, "test/plain.html", "web.error.title", data);
  };
  auto r = Call(h);
  EXPECT_NE(r.body.find("utrecht-breadcrumb-nav__list--html-ol"), std::string::npos) << r.body;
  EXPECT_LT(r.body.find("wp-breadcrumb"), r.body.find("<h1>")) << "above the page's heading";
}

}  // namespace
}  // namespace wp::web
