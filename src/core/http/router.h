// Router: maps (method, path pattern) to a handler. Patterns are literal
// segments and {name} parameters, e.g. "/wijk/{code}" or "/static/{path...}"
// (a trailing {x...} matches the rest of the path). Literal segments win over
// parameters. Thread-safe for lookups after registration is done.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/http/message.h"

namespace wp::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers a route. A HEAD request falls back to the GET route.
  // REQUIRES: no route with the same method and pattern exists.
  void Add(Method method, std::string pattern, Handler handler);
  void Get(std::string pattern, Handler h) { Add(Method::kGet, std::move(pattern), std::move(h)); }
  void Post(std::string pattern, Handler h) { Add(Method::kPost, std::move(pattern), std::move(h)); }

  enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    MatchKind kind = MatchKind::kNotFound;
    const Handler* handler = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::string pattern;             // the matched pattern, for metrics labels
    std::vector<Method> allowed;     // for kMethodNotAllowed (the Allow header)
  };
  // Finds the route for `path` (as in Request::path). The highest-priority
  // pattern that has a handler for `method` wins (HEAD falls back to GET);
  // kMethodNotAllowed when only other methods match, listing them all.
  Match Find(Method method, std::string_view path) const;

  // Finds the route for `request`, fills request.params and request.route and
  // calls the handler. Otherwise returns a plain-text 404, or 405 with an Allow
  // header. For tests and small servers; the application dispatcher renders
  // its own error pages from Find().
  Response Handle(Request& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wp::http
