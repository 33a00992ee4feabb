// Build-time CSS pruning: keeps only the NL Design System rules whose class
// names the pages can produce, and only the design-token custom properties
// those rules (and ours) read. Pure functions on strings; the tool
// (css_tool.cc) does the file I/O.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wp::css {

// The class names pages may use, from their sources.
struct UsedClasses {
  std::set<std::string, std::less<>> names;     // e.g. "utrecht-button"
  std::set<std::string, std::less<>> prefixes;  // e.g. "utrecht-button--" from "utrecht-button--{{kind}}"
  bool Uses(std::string_view class_name) const;
};

// Adds every token `utrecht-...` or `wp-...` of `source` (a view, a C++ file).
// A token ending in '-' or '_' (a name completed at run time, as in
// `utrecht-alert--{{kind}}` or `"wp-map__area--borough-" + n`) is a prefix.
void CollectClasses(std::string_view source, UsedClasses& used);

// The class names in one selector, outside functional pseudo-classes such as
// :not(.x) or :is(.a, .b), whose contents never make a selector unmatchable
// for our purposes (so they are kept).
std::vector<std::string> SelectorClasses(std::string_view selector);

struct PruneStats {
  int rules_kept = 0;
  int rules_dropped = 0;
  int properties_kept = 0;
  int properties_dropped = 0;
};

// Removes comments, and the style rules (also inside @media, @supports,
// @container) none of whose selectors can match: a selector is kept when
// every class it names is used. A rule keeps only its matching selectors.
// @keyframes are kept when a kept rule names them. @charset is dropped (the
// caller writes one at the top). Throws std::runtime_error on unbalanced input.
std::string PruneRules(std::string_view css, const UsedClasses& used, PruneStats* stats = nullptr);

// Removes comments and needless white space; keeps every rule.
std::string Minify(std::string_view css);

// Every custom property read through var(--name ...) in `css`.
std::set<std::string, std::less<>> VarReferences(std::string_view css);

// Removes from `tokens` (rules of custom property declarations, as in the
// design tokens' theme.css) every `--name: value;` that neither `readers`
// nor a kept declaration reads, directly or through other properties.
std::string PruneCustomProperties(std::string_view tokens, std::string_view readers, PruneStats* stats = nullptr);

}  // namespace wp::css
