// Tests of the page cache (page_cache.h): freshness by write generation and
// age, room, and how Web uses it (only anonymous GETs of public_cache pages,
// never a page that holds the visitor's CSRF token).
#include "core/web/page_cache.h"

#include <gtest/gtest.h>

#include "core/html/template.h"
#include "core/i18n/catalog.h"
#include "core/web/web.h"
#include "wp_web_files.h"

namespace wp::web {
namespace {

http::Response Page(std::string body) { return http::Response::Html(std::move(body)); }

TEST(PageCacheTest, FreshWhileNoWriteEndedAndYoungerThanTheMaxAge) {
  PageCache cache({.max_age_ms = 1000});
  cache.Put("nl /", Page("a"), 5000, 7);
  struct Case {
    const char* what;
    int64_t now_ms;
    uint64_t generation;
    bool hit;
  };
  const Case cases[] = {
      {"same moment", 5000, 7, true},
      {"just younger than the max age", 5999, 7, true},
      {"as old as the max age", 6000, 7, false},
      {"a write ended since", 5001, 8, false},
      {"the clock went back", 4999, 7, false},
  };
  for (const Case& c : cases) {
    PageCache one({.max_age_ms = 1000});
    one.Put("nl /", Page("a"), 5000, 7);
    auto r = one.Get("nl /", c.now_ms, c.generation);
    EXPECT_EQ(r.has_value(), c.hit) << c.what;
    if (r) {
      EXPECT_EQ(r->body, "a") << c.what;
    }
  }
  EXPECT_FALSE(cache.Get("en /", 5000, 7).has_value()) << "another key";
  auto s = cache.Stats();
  EXPECT_EQ(s.misses, 1u);
  EXPECT_EQ(s.entries, 1u);
}

TEST(PageCacheTest, AStaleEntryIsDroppedAndAZeroMaxAgeKeepsNothing) {
  PageCache cache({.max_age_ms = 1000});
  cache.Put("k", Page("a"), 0, 1);
  EXPECT_FALSE(cache.Get("k", 0, 2).has_value());
  EXPECT_EQ(cache.Stats().entries, 0u);
  EXPECT_EQ(cache.Stats().bytes, 0u);
  PageCache off({.max_age_ms = 0});
  EXPECT_FALSE(off.enabled());
  off.Put("k", Page("a"), 0, 1);
  EXPECT_FALSE(off.Get("k", 0, 1).has_value());
}

TEST(PageCacheTest, WhenFullStaleEntriesGoFirstThenTheOldest) {
  // Each entry is about 520 bytes (body, key, headers); room for four, and a
  // quarter of the room is the largest page kept.
  PageCache cache({.max_age_ms = 1000, .max_bytes = 2100});
  const std::string body(400, 'x');
  cache.Put("a", Page(body), 100, 1);
  cache.Put("b", Page(body), 200, 2);
  cache.Put("c", Page(body), 300, 2);
  cache.Put("d", Page(body), 400, 2);
  cache.Put("e", Page(body), 500, 2);  // "a" is stale (generation 1): it goes
  for (const char* k : {"b", "c", "d", "e"}) EXPECT_TRUE(cache.Get(k, 500, 2).has_value()) << k;
  cache.Put("f", Page(body), 600, 2);  // all fresh: the oldest, "b", goes
  EXPECT_FALSE(cache.Get("b", 600, 2).has_value());
  for (const char* k : {"c", "d", "e", "f"}) EXPECT_TRUE(cache.Get(k, 600, 2).has_value()) << k;
  EXPECT_LE(cache.Stats().bytes, 2100u);
  cache.Put("huge", Page(std::string(600, 'y')), 600, 2);  // above a quarter: not kept
  EXPECT_FALSE(cache.Get("huge", 600, 2).has_value());
  EXPECT_TRUE(cache.Get("c", 600, 2).has_value()) << "nothing made room for it";
}

class WebPageCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(catalog_.AddFiles(WebFiles()).has_value());
    ASSERT_TRUE(templates_.AddFiles("web", WebFiles()).has_value());
    SiteOptions options;
    options.csrf_secret = std::string(32, 'k');
    web_ = std::make_unique<Web>(options, templates_, catalog_, random_);
    web_->EnablePageCache(
        {.max_age_ms = 1000}, [this] { return generation_; }, [this] { return now_ms_; });
  }
  http::Response Get(const http::Handler& h, std::string target, std::string cookie = "") {
    http::Request req;
    req.method = http::Method::kGet;
    req.path = target.substr(0, target.find('?'));
    req.target = target;
    req.headers.Set("Accept-Language", "nl");
    if (!cookie.empty()) req.headers.Set("Cookie", cookie);
    return h(req);
  }
  // A page that says how often it was rendered.
  http::Handler Counting(PageOptions options = kCachedPublicPage) {
    return web_->Page(
        [this](Context& ctx) -> Result<http::Response> {
          ++renders_;
          return http::Response::Html("render " + std::to_string(renders_) + " of " + ctx.request->target);
        },
        options);
  }

  i18n::Catalog catalog_;
  html::TemplateSet templates_{catalog_};
  SeededRandom random_{5};
  std::unique_ptr<Web> web_;
  uint64_t generation_ = 1;
  int64_t now_ms_ = 1'000'000;
  int renders_ = 0;
};

TEST_F(WebPageCacheTest, AnAnonymousVisitorGetsTheKeptPageUntilAWriteOrTheMaxAge) {
  auto page = Counting();
  auto first = Get(page, "/wijk/WK039201");
  EXPECT_EQ(first.body, "render 1 of /wijk/WK039201");
  EXPECT_TRUE(first.headers.Has("Set-Cookie")) << "a new visitor still gets a session of his own";
  auto second = Get(page, "/wijk/WK039201");
  EXPECT_EQ(second.body, "render 1 of /wijk/WK039201");
  EXPECT_NE(first.headers.Get("Set-Cookie"), second.headers.Get("Set-Cookie"));
  EXPECT_EQ(second.headers.Get("Cache-Control"), "no-store");
  EXPECT_EQ(Get(page, "/wijk/WK039201?pagina=2").body, "render 2 of /wijk/WK039201?pagina=2") << "query in the key";
  ++generation_;  // a write ended
  EXPECT_EQ(Get(page, "/wijk/WK039201").body, "render 3 of /wijk/WK039201");
  now_ms_ += 999;
  EXPECT_EQ(Get(page, "/wijk/WK039201").body, "render 3 of /wijk/WK039201");
  now_ms_ += 1;
  EXPECT_EQ(Get(page, "/wijk/WK039201").body, "render 4 of /wijk/WK039201");
  EXPECT_EQ(Get(page, "/wijk/WK039201", "wp_lang=en").body, "render 5 of /wijk/WK039201") << "language in the key";
  auto stats = web_->page_cache_stats();
  EXPECT_EQ(stats.hits, 2u);
  EXPECT_EQ(stats.stores, 5u);
}

TEST_F(WebPageCacheTest, PagesNotMarkedSignedInVisitorsFlashesAndTheVisitorsOwnTokensAreNeverKept) {
  auto unmarked = Counting(PageOptions{});
  Get(unmarked, "/a");
  EXPECT_EQ(Get(unmarked, "/a").body, "render 2 of /a");

  auto page = Counting();
  Get(page, "/b", "wp_flash=success:web.login_required");
  EXPECT_EQ(Get(page, "/b", "wp_flash=success:web.login_required").body, "render 4 of /b") << "a flash is shown";

  int forms = 0;
  auto form = web_->Page(
      [&forms](Context& ctx) -> Result<http::Response> {
        ++forms;
        return http::Response::Html("<input name=\"_csrf\" value=\"" + ctx.csrf_token + "\">");
      },
      kCachedPublicPage);
  Get(form, "/c");
  Get(form, "/c");
  EXPECT_EQ(forms, 2) << "a page with the visitor's CSRF token is rendered for each visitor";

  int failing = 0;
  auto missing = web_->Page(
      [&failing](Context&) -> Result<http::Response> {
        ++failing;
        return NotFound("no such wijk");
      },
      kCachedPublicPage);
  Get(missing, "/wijk/XX");
  Get(missing, "/wijk/XX");
  EXPECT_EQ(failing, 2) << "only 200 pages are kept";

  int signed_in = 0;
  web_->SetIdentity([](std::string_view) { return std::optional<auth::User>(auth::User{.id = 4}); });
  auto mine = web_->Page(
      [&signed_in](Context&) -> Result<http::Response> {
        ++signed_in;
        return http::Response::Html("hallo");
      },
      kCachedPublicPage);
  const std::string cookie = "wp_session=" + std::string(43, 'A');
  Get(mine, "/d", cookie);
  Get(mine, "/d", cookie);
  EXPECT_EQ(signed_in, 2) << "signed-in visitors get their own page";
}

}  // namespace
}  // namespace wp::web
