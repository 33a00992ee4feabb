#include "core/http/router.h"

#include <algorithm>
#include <map>

#include "core/assert.h"
#include "core/strings.h"

namespace wp::http {

namespace {

// Splits "/a/b" into {"a", "b"}; "/" into {}; "/a/" into {"a", ""}.
std::vector<std::string_view> PathSegments(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return {};
  return Split(path, '/');
}

}  // namespace

struct Router::Impl {
  struct Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    std::string param_name;  // set when param_child exists
    std::unique_ptr<Node> param_child;
    std::string catch_all_name;  // set when catch_all exists
    std::unique_ptr<Node> catch_all;
    std::vector<std::pair<Method, Handler>> handlers;
    std::string pattern;

    const Handler* HandlerFor(Method m) const {
      for (const auto& [method, handler] : handlers) {
        if (method == m) return &handler;
      }
      return nullptr;
    }
  };

  Node root;

  // Depth-first search in priority order (literal, parameter, catch-all).
  // Returns true when a node with a handler for `method` was found; collects
  // the methods of every path-matching node into `allowed` otherwise.
  bool Search(const Node& node, const std::vector<std::string_view>& segs, size_t i, Method method, Match& match,
              std::vector<Method>& allowed) const {
    if (i == segs.size()) {
      if (node.handlers.empty()) return false;
      const Handler* h = node.HandlerFor(method);
      if (h == nullptr && method == Method::kHead) h = node.HandlerFor(Method::kGet);
      if (h != nullptr) {
        match.kind = MatchKind::kFound;
        match.handler = h;
        match.pattern = node.pattern;
        return true;
      }
      for (const auto& entry : node.handlers) allowed.push_back(entry.first);
      return false;
    }
    std::string_view seg = segs[i];
    if (auto it = node.literals.find(seg); it != node.literals.end()) {
      if (Search(*it->second, segs, i + 1, method, match, allowed)) return true;
    }
    if (node.param_child != nullptr && !seg.empty()) {
      match.params.emplace_back(node.param_name, std::string(seg));
      if (Search(*node.param_child, segs, i + 1, method, match, allowed)) return true;
      match.params.pop_back();
    }
    if (node.catch_all != nullptr) {
      std::string rest(seg);
      for (size_t k = i + 1; k < segs.size(); ++k) rest.append("/").append(segs[k]);
      match.params.emplace_back(node.catch_all_name, std::move(rest));
      if (Search(*node.catch_all, segs, segs.size(), method, match, allowed)) return true;
      match.params.pop_back();
    }
    return false;
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(Method method, std::string pattern, Handler handler) {
  WP_ASSERT(!pattern.empty() && pattern.front() == '/', "route patterns start with '/'");
  std::vector<std::string_view> segs = PathSegments(pattern);
  Impl::Node* node = &impl_->root;
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view seg = segs[i];
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      std::string_view name = seg.substr(1, seg.size() - 2);
      if (name.size() > 3 && name.substr(name.size() - 3) == "...") {
        WP_ASSERT(i + 1 == segs.size(), "a {name...} catch-all must be the last segment");
        name.remove_suffix(3);
        WP_ASSERT(node->catch_all == nullptr || node->catch_all_name == name, "conflicting catch-all names");
        if (node->catch_all == nullptr) node->catch_all = std::make_unique<Impl::Node>();
        node->catch_all_name = std::string(name);
        node = node->catch_all.get();
      } else {
        WP_ASSERT(!name.empty(), "empty parameter name");
        WP_ASSERT(node->param_child == nullptr || node->param_name == name,
                  "two patterns use different parameter names at the same position");
        if (node->param_child == nullptr) node->param_child = std::make_unique<Impl::Node>();
        node->param_name = std::string(name);
        node = node->param_child.get();
      }
    } else {
      WP_ASSERT(seg.find('{') == std::string_view::npos && seg.find('}') == std::string_view::npos,
                "a parameter must be a whole segment");
      auto& child = node->literals[std::string(seg)];
      if (child == nullptr) child = std::make_unique<Impl::Node>();
      node = child.get();
    }
  }
  WP_ASSERT(node->HandlerFor(method) == nullptr, "duplicate route");
  node->handlers.emplace_back(method, std::move(handler));
  node->pattern = std::move(pattern);
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  std::vector<Method> allowed;
  std::vector<std::string_view> segs = PathSegments(path);
  if (impl_->Search(impl_->root, segs, 0, method, match, allowed)) return match;
  match = Match{};
  if (!allowed.empty()) {
    if (std::find(allowed.begin(), allowed.end(), Method::kGet) != allowed.end()) allowed.push_back(Method::kHead);
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    match.kind = MatchKind::kMethodNotAllowed;
    match.allowed = std::move(allowed);
  }
  return match;
}

Response Router::Handle(Request& request) const {
  Match match = Find(request.method, request.path);
  switch (match.kind) {
    case MatchKind::kFound:
      request.params = std::move(match.params);
      request.route = std::move(match.pattern);
      return (*match.handler)(request);
    case MatchKind::kMethodNotAllowed: {
      Response r = Response::Text("Method Not Allowed\n", 405);
      std::string allow;
      for (Method m : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += MethodName(m);
      }
      r.headers.Set("Allow", std::move(allow));
      return r;
    }
    case MatchKind::kNotFound:
      break;
  }
  return Response::Text("Not Found\n", 404);
}

}  // namespace wp::http
