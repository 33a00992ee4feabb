#include "core/html/template.h"

#include <vector>

#include "core/html/escape.h"
#include "core/strings.h"

namespace wp::html {

struct Node {
  enum class Kind { kRoot, kText, kVar, kRaw, kSection, kInverted, kTranslate, kPartial };
  Kind kind = Kind::kRoot;
  std::string text;                 // literal text, variable path, key or partial name
  std::vector<std::string> path;    // split variable path
  std::vector<std::unique_ptr<Node>> children;
};

namespace {

std::vector<std::string> SplitPath(std::string_view p) {
  std::vector<std::string> out;
  if (p == ".") return out;
  for (auto part : Split(p, '.')) out.emplace_back(part);
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

using Stack = std::vector<const nlohmann::json*>;

const nlohmann::json* Resolve(const Stack& stack, const std::vector<std::string>& path) {
  if (path.empty()) return stack.back();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const nlohmann::json* cur = *it;
    if (!cur->is_object()) continue;
    auto f = cur->find(path[0]);
    if (f == cur->end()) continue;
    cur = &*f;
    for (size_t i = 1; i < path.size(); ++i) {
      if (!cur->is_object()) return nullptr;
      auto g = cur->find(path[i]);
      if (g == cur->end()) return nullptr;
      cur = &*g;
    }
    return cur;
  }
  return nullptr;
}

bool Truthy(const nlohmann::json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  if (v->is_array() || v->is_object()) return !v->empty();
  if (v->is_number_integer()) return v->get<int64_t>() != 0;
  if (v->is_number()) return v->get<double>() != 0;
  return true;
}

std::string ToText(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

}  // namespace

Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

Result<Template> Template::Parse(std::string_view name, std::string_view text) {
  Template t;
  t.name_ = std::string(name);
  t.root_ = std::make_unique<Node>();
  std::vector<Node*> open = {t.root_.get()};
  size_t pos = 0;
  auto line_of = [&](size_t p) { return std::to_string(1 + std::count(text.begin(), text.begin() + p, '\n')); };
  auto fail = [&](size_t p, const std::string& why) -> Error {
    return InvalidInput("template " + std::string(name) + " line " + line_of(p) + ": " + why);
  };
  while (pos < text.size()) {
    size_t open_tag = text.find("{{", pos);
    if (open_tag == std::string_view::npos) open_tag = text.size();
    if (open_tag > pos) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kText;
      n->text = std::string(text.substr(pos, open_tag - pos));
      open.back()->children.push_back(std::move(n));
    }
    if (open_tag >= text.size()) break;
    bool triple = text.substr(open_tag, 3) == "{{{";
    size_t close = text.find(triple ? "}}}" : "}}", open_tag);
    if (close == std::string_view::npos) return fail(open_tag, "unclosed tag");
    std::string_view inner = Trim(text.substr(open_tag + (triple ? 3 : 2), close - open_tag - (triple ? 3 : 2)));
    pos = close + (triple ? 3 : 2);
    auto n = std::make_unique<Node>();
    if (triple) {
      if (!EndsWith(inner, "_html")) return fail(open_tag, "raw output of '" + std::string(inner) + "' (only *_html keys may be raw)");
      n->kind = Node::Kind::kRaw;
      n->text = std::string(inner);
      n->path = SplitPath(inner);
      open.back()->children.push_back(std::move(n));
      continue;
    }
    if (inner.empty()) return fail(open_tag, "empty tag");
    char sigil = inner[0];
    if (sigil == '!') continue;
    if (sigil == '#' || sigil == '^') {
      n->kind = sigil == '#' ? Node::Kind::kSection : Node::Kind::kInverted;
      n->text = std::string(Trim(inner.substr(1)));
      n->path = SplitPath(n->text);
      Node* raw = n.get();
      open.back()->children.push_back(std::move(n));
      open.push_back(raw);
      continue;
    }
    if (sigil == '/') {
      std::string closing(Trim(inner.substr(1)));
      if (open.size() < 2 || open.back()->text != closing) return fail(open_tag, "unexpected {{/" + closing + "}}");
      open.pop_back();
      continue;
    }
    if (sigil == '>') {
      n->kind = Node::Kind::kPartial;
      n->text = std::string(Trim(inner.substr(1)));
      open.back()->children.push_back(std::move(n));
      continue;
    }
    if (inner.size() > 2 && inner[0] == 't' && inner[1] == ' ') {
      n->kind = Node::Kind::kTranslate;
      n->text = std::string(Trim(inner.substr(2)));
      open.back()->children.push_back(std::move(n));
      continue;
    }
    if (sigil == '&' || sigil == '{') return fail(open_tag, "raw output must use {{{name_html}}}");
    n->kind = Node::Kind::kVar;
    n->text = std::string(inner);
    n->path = SplitPath(inner);
    open.back()->children.push_back(std::move(n));
  }
  if (open.size() != 1) return fail(text.size(), "section {{#" + open.back()->text + "}} is not closed");
  return t;
}

Result<void> TemplateSet::Add(std::string name, std::string_view text) {
  WP_ASSIGN_OR_RETURN(Template t, Template::Parse(name, text));
  if (!templates_.emplace(name, std::move(t)).second) return InvalidInput("template " + name + " defined twice");
  return Ok();
}

Result<void> TemplateSet::AddFiles(std::string_view prefix, std::span<const EmbeddedFile> files) {
  for (const auto& f : files) {
    if (!EndsWith(f.path, ".html")) continue;
    std::string_view p = f.path;
    if (p.rfind("views/", 0) == 0) p.remove_prefix(6);
    WP_TRY_VOID(Add(std::string(prefix) + "/" + std::string(p), f.data));
  }
  return Ok();
}

namespace {

struct Renderer {
  const TemplateSet& set;
  const std::map<std::string, Template, std::less<>>& templates;
  const i18n::Catalog& catalog;
  std::string locale;
  std::string& out;
  int depth = 0;

  Result<void> RenderNodes(const Node& node, Stack& stack) {
    for (const auto& child : node.children) WP_TRY_VOID(RenderNode(*child, stack));
    return Ok();
  }

  Result<void> RenderNode(const Node& n, Stack& stack) {
    switch (n.kind) {
      case Node::Kind::kRoot: return RenderNodes(n, stack);
      case Node::Kind::kText: out += n.text; return Ok();
      case Node::Kind::kVar: {
        const nlohmann::json* v = Resolve(stack, n.path);
        if (v) AppendEscaped(out, ToText(*v));
        return Ok();
      }
      case Node::Kind::kRaw: {
        const nlohmann::json* v = Resolve(stack, n.path);
        if (v && v->is_string()) out += v->get_ref<const std::string&>();
        return Ok();
      }
      case Node::Kind::kSection: {
        const nlohmann::json* v = Resolve(stack, n.path);
        if (!Truthy(v)) return Ok();
        if (v->is_array()) {
          for (const auto& item : *v) {
            stack.push_back(&item);
            Result<void> r = RenderNodes(n, stack);
            stack.pop_back();
            WP_TRY_VOID(r);
          }
          return Ok();
        }
        stack.push_back(v);
        Result<void> r = RenderNodes(n, stack);
        stack.pop_back();
        return r;
      }
      case Node::Kind::kInverted: {
        const nlohmann::json* v = Resolve(stack, n.path);
        if (Truthy(v)) return Ok();
        return RenderNodes(n, stack);
      }
      case Node::Kind::kTranslate: {
        // Arguments come from the context: numbers stay numbers (plurals,
        // grouping), everything else is text.
        i18n::ArgLookup lookup = [&stack](std::string_view name) -> std::optional<i18n::Arg> {
          const nlohmann::json* v = Resolve(stack, SplitPath(name));
          if (!v) return std::nullopt;
          if (v->is_number_integer()) return i18n::Arg(v->get<int64_t>());
          return i18n::Arg(ToText(*v));
        };
        AppendEscaped(out, catalog.Format(locale, n.text, lookup));
        return Ok();
      }
      case Node::Kind::kPartial: {
        auto it = templates.find(n.text);
        if (it == templates.end()) return InvalidInput("unknown partial " + n.text);
        if (++depth > 20) return InvalidInput("partials nested too deeply at " + n.text);
        Result<void> r = RenderNodes(it->second.root(), stack);
        --depth;
        return r;
      }
    }
    return Ok();
  }
};

}  // namespace

Result<std::string> TemplateSet::Render(std::string_view name, const nlohmann::json& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return NotFound("unknown template " + std::string(name));
  std::string out;
  out.reserve(8192);
  std::string locale = std::string(i18n::kDefaultLocale);
  if (auto l = context.find("locale"); l != context.end() && l->is_string()) locale = l->get<std::string>();
  Renderer r{*this, templates_, catalog_, locale, out};
  Stack stack = {&context};
  WP_TRY_VOID(r.RenderNodes(it->second.root(), stack));
  return out;
}

}  // namespace wp::html
