#include "core/http/router.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(name); };
}

Router TestRouter() {
  Router r;
  r.Get("/", Named("home"));
  r.Get("/wijk", Named("districts"));
  r.Get("/wijk/{code}", Named("district"));
  r.Post("/wijk/{code}", Named("district-post"));
  r.Get("/wijk/nieuw", Named("district-new"));
  r.Get("/wijk/{code}/buurt/{buurt}", Named("neighbourhood"));
  r.Get("/static/{path...}", Named("static"));
  r.Post("/login", Named("login"));
  r.Get("/a/{x}/c", Named("a-x-c"));
  r.Get("/a/b/d", Named("a-b-d"));
  r.Add(Method::kDelete, "/items/{id}", Named("item-delete"));
  return r;
}

struct Case {
  Method method;
  std::string path;
  Router::MatchKind kind;
  std::string pattern;
  std::vector<std::pair<std::string, std::string>> params;
};

TEST(RouterTest, TableOfMatches) {
  using K = Router::MatchKind;
  const std::vector<Case> cases = {
      {Method::kGet, "/", K::kFound, "/", {}},
      {Method::kGet, "/wijk", K::kFound, "/wijk", {}},
      {Method::kGet, "/wijk/WK039201", K::kFound, "/wijk/{code}", {{"code", "WK039201"}}},
      {Method::kPost, "/wijk/WK039201", K::kFound, "/wijk/{code}", {{"code", "WK039201"}}},
      // Literal beats parameter.
      {Method::kGet, "/wijk/nieuw", K::kFound, "/wijk/nieuw", {}},
      // A literal that only has GET does not hide the parameter route for POST.
      {Method::kPost, "/wijk/nieuw", K::kFound, "/wijk/{code}", {{"code", "nieuw"}}},
      {Method::kGet, "/wijk/WK1/buurt/BU2", K::kFound, "/wijk/{code}/buurt/{buurt}", {{"code", "WK1"}, {"buurt", "BU2"}}},
      {Method::kGet, "/static/css/site.css", K::kFound, "/static/{path...}", {{"path", "css/site.css"}}},
      {Method::kGet, "/static/x", K::kFound, "/static/{path...}", {{"path", "x"}}},
      {Method::kGet, "/static/", K::kFound, "/static/{path...}", {{"path", ""}}},
      {Method::kGet, "/static", K::kNotFound, "", {}},
      // Backtracking: /a/b/c is not under the literal /a/b, but /a/{x}/c matches.
      {Method::kGet, "/a/b/c", K::kFound, "/a/{x}/c", {{"x", "b"}}},
      {Method::kGet, "/a/b/d", K::kFound, "/a/b/d", {}},
      // HEAD falls back to GET.
      {Method::kHead, "/wijk", K::kFound, "/wijk", {}},
      {Method::kGet, "/wijk/", K::kNotFound, "", {}},  // empty parameter does not match
      {Method::kGet, "/nope", K::kNotFound, "", {}},
      {Method::kGet, "/wijk/WK1/extra", K::kNotFound, "", {}},
      {Method::kGet, "/login", K::kMethodNotAllowed, "", {}},
      {Method::kPost, "/wijk", K::kMethodNotAllowed, "", {}},
      {Method::kGet, "/items/3", K::kMethodNotAllowed, "", {}},
      {Method::kDelete, "/items/3", K::kFound, "/items/{id}", {{"id", "3"}}},
  };
  Router router = TestRouter();
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(MethodName(c.method)) + " " + c.path);
    Router::Match m = router.Find(c.method, c.path);
    EXPECT_EQ(m.kind, c.kind);
    EXPECT_EQ(m.pattern, c.pattern);
    EXPECT_EQ(m.params, c.params);
    EXPECT_EQ(m.handler != nullptr, c.kind == K::kFound);
  }
}

TEST(RouterTest, MethodNotAllowedListsAllowedMethods) {
  Router router = TestRouter();
  Router::Match m = router.Find(Method::kPut, "/wijk/WK1");
  ASSERT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::kGet, Method::kHead, Method::kPost}));
  m = router.Find(Method::kGet, "/login");
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::kPost}));
}

TEST(RouterTest, HandleCallsHandlerAndFillsRequest) {
  Router router = TestRouter();
  Request req;
  req.method = Method::kGet;
  req.path = "/wijk/WK039201";
  Response res = router.Handle(req);
  EXPECT_EQ(res.body, "district");
  EXPECT_EQ(req.Param("code"), "WK039201");
  EXPECT_EQ(req.route, "/wijk/{code}");

  Request post_login;
  post_login.method = Method::kPatch;
  post_login.path = "/login";
  res = router.Handle(post_login);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.headers.Get("Allow"), "POST");

  Request missing;
  missing.path = "/missing";
  EXPECT_EQ(router.Handle(missing).status, 404);
  EXPECT_EQ(missing.route, "");
}

TEST(RouterTest, MovedRouterStillRoutes) {
  Router a = TestRouter();
  Router b = std::move(a);
  EXPECT_EQ(b.Find(Method::kGet, "/").kind, Router::MatchKind::kFound);
}

}  // namespace
}  // namespace wp::http
