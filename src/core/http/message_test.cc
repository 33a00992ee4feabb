#include "core/http/message.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

TEST(MethodTest, ParsesKnownMethodsCaseSensitively) {
  EXPECT_EQ(ParseMethod("GET"), Method::kGet);
  EXPECT_EQ(ParseMethod("HEAD"), Method::kHead);
  EXPECT_EQ(ParseMethod("DELETE"), Method::kDelete);
  EXPECT_EQ(ParseMethod("get"), Method::kOther);
  EXPECT_EQ(ParseMethod("BREW"), Method::kOther);
  EXPECT_EQ(MethodName(Method::kPatch), "PATCH");
}

TEST(HeadersTest, LookupIsCaseInsensitiveAndKeepsDuplicates) {
  Headers h;
  h.Add("Set-Cookie", "a=1");
  h.Add("set-cookie", "b=2");
  h.Set("Content-Type", "text/plain");
  EXPECT_EQ(h.Get("SET-COOKIE"), "a=1");
  EXPECT_EQ(h.All().size(), 3u);
  h.Set("content-type", "text/html");
  EXPECT_EQ(h.Get("Content-Type"), "text/html");
  EXPECT_EQ(h.All().size(), 3u);
  h.Remove("Set-Cookie");
  EXPECT_FALSE(h.Has("set-cookie"));
  EXPECT_EQ(h.Get("missing"), "");
}

TEST(RequestTest, CookieParsing) {
  Request r;
  r.headers.Add("Cookie", "wp_session=abc123; lang=nl;  theme=\"dark\"");
  r.headers.Add("Cookie", "other=1");
  EXPECT_EQ(r.Cookie("wp_session"), "abc123");
  EXPECT_EQ(r.Cookie("lang"), "nl");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("other"), "1");
  EXPECT_EQ(r.Cookie("session"), std::nullopt);  // no prefix matches
  EXPECT_EQ(r.Cookie("missing"), std::nullopt);
}

TEST(RequestTest, QueryParamDecodesAndRejectsGarbage) {
  Request r;
  r.query = "lang=en&q=oude+stad%21&empty=&flag&bad=%zz&utf=%C3%A9&badutf=%C3";
  EXPECT_EQ(r.QueryParam("lang"), "en");
  EXPECT_EQ(r.QueryParam("q"), "oude stad!");
  EXPECT_EQ(r.QueryParam("empty"), "");
  EXPECT_EQ(r.QueryParam("flag"), "");
  EXPECT_EQ(r.QueryParam("bad"), std::nullopt);
  EXPECT_EQ(r.QueryParam("utf"), "\xC3\xA9");
  EXPECT_EQ(r.QueryParam("badutf"), std::nullopt);
  EXPECT_EQ(r.QueryParam("missing"), std::nullopt);
}

TEST(RequestTest, ParamLooksUpRouterParameters) {
  Request r;
  r.params = {{"code", "WK039201"}};
  EXPECT_EQ(r.Param("code"), "WK039201");
  EXPECT_EQ(r.Param("other"), "");
}

TEST(ResponseTest, FactoriesSetStatusAndType) {
  EXPECT_EQ(Response::Html("<p>").headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Response::Json("{}", 201).status, 201);
  Response r = Response::Redirect("/done");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("Location"), "/done");
}

TEST(SetCookieTest, Serialises) {
  CookieOptions o;
  EXPECT_EQ(SetCookieValue("wp_session", "abc", o), "wp_session=abc; Path=/; HttpOnly; SameSite=Lax");
  o.max_age_seconds = 3600;
  o.secure = true;
  o.same_site = "Strict";
  EXPECT_EQ(SetCookieValue("s", "v", o), "s=v; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  CookieOptions del;
  del.max_age_seconds = 0;
  EXPECT_EQ(SetCookieValue("s", "", del),
            "s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
  CookieOptions none;
  none.same_site = "None";
  none.http_only = false;
  EXPECT_EQ(SetCookieValue("s", "v", none), "s=v; Path=/; Secure; SameSite=None");
}

}  // namespace
}  // namespace wp::http
