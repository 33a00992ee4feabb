// Templates: a small logic-less template language (a subset of Mustache)
// that escapes by default. Views live in features/<x>/views/*.html and are
// compiled into the binary.
//
//   {{name}}            value at `name` (dotted paths; `.` = current item), HTML-escaped
//   {{{name_html}}}     raw markup; allowed only for keys ending in "_html", which
//                       handlers fill with markup the server produced itself
//   {{#name}}..{{/name}} section: repeated per array item, entered for an object,
//                       rendered once for another truthy value
//   {{^name}}..{{/name}} inverted section: rendered when `name` is falsy/empty/missing
//   {{t key.name}}      translated message for the context's `locale`, with
//                       {placeholders} filled from context values, HTML-escaped
//   {{> path}}          includes another template with the current context
//   {{! comment }}
//
// Thread-safety: a TemplateSet is immutable after loading; Render is thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/i18n/catalog.h"
#include "core/result.h"

namespace wp::html {

struct Node;

class Template {
 public:
  // Parses `text`. Errors name the template and line: unbalanced sections,
  // unclosed tags, raw output of a key not ending in "_html".
  static Result<Template> Parse(std::string_view name, std::string_view text);
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  ~Template();
  const std::string& name() const { return name_; }
  const Node& root() const { return *root_; }

 private:
  Template() = default;
  std::string name_;
  std::unique_ptr<Node> root_;
};

class TemplateSet {
 public:
  explicit TemplateSet(const i18n::Catalog& catalog) : catalog_(catalog) {}
  // Adds every *.html file, keyed by its path (e.g. "accounts/login.html").
  Result<void> AddFiles(std::string_view prefix, std::span<const EmbeddedFile> files);
  Result<void> Add(std::string name, std::string_view text);
  bool Has(std::string_view name) const { return templates_.count(std::string(name)) > 0; }
  // Renders template `name` with `context`; the context's "locale" string
  // chooses the language of {{t ...}}. Errors: unknown template or partial.
  Result<std::string> Render(std::string_view name, const nlohmann::json& context) const;

 private:
  const i18n::Catalog& catalog_;
  std::map<std::string, Template, std::less<>> templates_;
};

}  // namespace wp::html
