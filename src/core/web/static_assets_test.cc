#include "core/web/static_assets.h"

#include <gtest/gtest.h>

namespace wp::web {
namespace {

http::Request Get(std::string accept_encoding = "", std::string if_none_match = "") {
  http::Request req;
  req.method = http::Method::kGet;
  if (!accept_encoding.empty()) req.headers.Set("Accept-Encoding", accept_encoding);
  if (!if_none_match.empty()) req.headers.Set("If-None-Match", if_none_match);
  return req;
}

TEST(ChooseEncoding, PrefersBrotliThenGzipAndHonoursQuality) {
  EXPECT_EQ(ChooseEncoding("gzip, deflate, br", true, true), "br");
  EXPECT_EQ(ChooseEncoding("gzip, deflate, br", true, false), "gzip");
  EXPECT_EQ(ChooseEncoding("gzip", true, true), "gzip");
  EXPECT_EQ(ChooseEncoding("br;q=0.5, gzip;q=0.8", true, true), "gzip");
  EXPECT_EQ(ChooseEncoding("br;q=0, gzip;q=0", true, true), "");
  EXPECT_EQ(ChooseEncoding("*", true, true), "br");
  EXPECT_EQ(ChooseEncoding("*;q=0, identity", true, true), "");
  EXPECT_EQ(ChooseEncoding("GZIP", true, true), "gzip");
  EXPECT_EQ(ChooseEncoding("", true, true), "");
  EXPECT_EQ(ChooseEncoding("identity", true, true), "");
}

TEST(StaticAssets, VersionedFilesAreImmutableAndNegotiated) {
  StaticAssets assets;
  std::string url = assets.AddVersioned("site.css", "body{}", {.gzip = "GZ", .brotli = "BR"});
  ASSERT_TRUE(url.starts_with("/static/site.")) << url;
  ASSERT_TRUE(url.ends_with(".css"));
  EXPECT_EQ(url.size(), std::string("/static/site.").size() + 12 + 4);
  std::string name = url.substr(8);
  EXPECT_FALSE(assets.Has("site.css"));

  auto br = assets.Serve(Get("gzip, br"), name);
  EXPECT_EQ(br.status, 200);
  EXPECT_EQ(br.body, "BR");
  EXPECT_EQ(br.headers.Get("Content-Encoding"), "br");
  EXPECT_EQ(br.headers.Get("Vary"), "Accept-Encoding");
  EXPECT_EQ(br.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(br.headers.Get("Content-Type"), "text/css; charset=utf-8");
  auto gz = assets.Serve(Get("gzip"), name);
  EXPECT_EQ(gz.body, "GZ");
  EXPECT_EQ(gz.headers.Get("Content-Encoding"), "gzip");
  auto plain = assets.Serve(Get(), name);
  EXPECT_EQ(plain.body, "body{}");
  EXPECT_EQ(plain.headers.Get("Content-Encoding"), "");
  EXPECT_EQ(assets.Serve(Get("br", std::string(br.headers.Get("ETag"))), name).status, 304);
  // Each encoding has its own ETag: a gzip client never revalidates brotli bytes.
  EXPECT_NE(gz.headers.Get("ETag"), br.headers.Get("ETag"));
  EXPECT_NE(plain.headers.Get("ETag"), gz.headers.Get("ETag"));
  EXPECT_EQ(assets.Serve(Get("gzip", std::string(br.headers.Get("ETag"))), name).status, 200);
  EXPECT_EQ(assets.Serve(Get("gzip", std::string(gz.headers.Get("ETag"))), name).status, 304);

  // Other bytes, another name.
  EXPECT_NE(assets.AddVersioned("site.css", "body{color:red}"), url);
}

TEST(StaticAssets, PlainFilesRevalidate) {
  StaticAssets assets;
  assets.Add("robots.txt", "User-agent: *\n");
  auto r = assets.Serve(Get("br"), "robots.txt");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "User-agent: *\n");
  EXPECT_EQ(r.headers.Get("Cache-Control"), "public, max-age=3600, must-revalidate");
  EXPECT_EQ(r.headers.Get("Vary"), "");
  EXPECT_EQ(assets.Serve(Get(), "nope.txt").status, 404);
}

}  // namespace
}  // namespace wp::web
