#include "css_prune.h"

#include <cctype>
#include <map>
#include <stdexcept>

namespace wp::css {
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// Skips a string starting at `i` (a quote); returns the index after it.
size_t SkipString(std::string_view s, size_t i) {
  char q = s[i++];
  while (i < s.size() && s[i] != q) {
    if (s[i] == '\\') ++i;
    ++i;
  }
  if (i >= s.size()) throw std::runtime_error("css: unterminated string");
  return i + 1;
}

// Skips a comment starting at `i` ("/*"); returns the index after it.
size_t SkipComment(std::string_view s, size_t i) {
  size_t end = s.find("*/", i + 2);
  if (end == std::string_view::npos) throw std::runtime_error("css: unterminated comment");
  return end + 2;
}

// Index of the '}' matching the '{' at `open`.
size_t BlockEnd(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      i = SkipString(s, i);
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i = SkipComment(s, i);
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) return i;
    ++i;
  }
  throw std::runtime_error("css: unbalanced braces");
}

// Removes comments and collapses white space outside strings; no white space
// right after '{' or ';' or right before '}' or ';'.
std::string Compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i = SkipComment(s, i);
      pending_space = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !out.empty() && c != '}' && c != ';' && c != '{' && out.back() != '{' && out.back() != ';' &&
        out.back() != '}') {
      out += ' ';
    }
    pending_space = false;
    if (c == '"' || c == '\'') {
      size_t end = SkipString(s, i);
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits at top-level occurrences of `sep` (outside (), [], strings).
std::vector<std::string_view> SplitTop(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      i = SkipString(s, i);
      continue;
    }
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == sep && depth == 0) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
    ++i;
  }
  parts.push_back(s.substr(start));
  return parts;
}

struct Item {
  enum Kind { kRule, kAtBlock, kAtStatement } kind;
  std::string_view prelude;  // selector list, or "@media ..." (trimmed)
  std::string_view body;     // inside the braces
};

// Splits a stylesheet (or a block's contents) into rules and at-rules,
// skipping comments.
std::vector<Item> Items(std::string_view s) {
  std::vector<Item> items;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i = SkipComment(s, i);
      continue;
    }
    // The prelude runs to the first '{' or ';' outside strings and comments.
    size_t j = i;
    while (j < s.size() && s[j] != '{' && s[j] != ';') {
      if (s[j] == '"' || s[j] == '\'') {
        j = SkipString(s, j);
        continue;
      }
      if (s[j] == '}') throw std::runtime_error("css: unexpected '}'");
      ++j;
    }
    if (j >= s.size()) throw std::runtime_error("css: rule without a block");
    std::string_view prelude = Trim(s.substr(i, j - i));
    if (s[j] == ';') {
      if (prelude.empty() || prelude[0] != '@') throw std::runtime_error("css: stray ';'");
      items.push_back({Item::kAtStatement, prelude, {}});
      i = j + 1;
      continue;
    }
    size_t end = BlockEnd(s, j);
    items.push_back({prelude[0] == '@' ? Item::kAtBlock : Item::kRule, prelude, s.substr(j + 1, end - j - 1)});
    i = end + 1;
  }
  return items;
}

std::string_view AtName(std::string_view prelude) {
  size_t n = 1;
  while (n < prelude.size() && IsNameChar(prelude[n])) ++n;
  return prelude.substr(1, n - 1);
}

bool SelectorMatches(std::string_view selector, const UsedClasses& used) {
  for (const auto& c : SelectorClasses(selector)) {
    if (!used.Uses(c)) return false;
  }
  return true;
}

struct Pruner {
  const UsedClasses& used;
  PruneStats* stats;
  std::map<std::string, std::string> keyframes;  // name -> compacted block

  std::string Run(std::string_view css) {
    std::string out;
    for (const Item& item : Items(css)) {
      if (item.kind == Item::kRule) {
        std::string selectors;
        for (std::string_view sel : SplitTop(item.prelude, ',')) {
          sel = Trim(sel);
          if (!SelectorMatches(sel, used)) continue;
          if (!selectors.empty()) selectors += ',';
          selectors += Compact(sel);
        }
        if (selectors.empty()) {
          if (stats) ++stats->rules_dropped;
          continue;
        }
        if (stats) ++stats->rules_kept;
        out += selectors + '{' + Compact(item.body) + "}\n";
        continue;
      }
      std::string_view name = AtName(item.prelude);
      if (item.kind == Item::kAtStatement) {
        if (name != "charset") out += Compact(item.prelude) + ";\n";
        continue;
      }
      if (name == "media" || name == "supports" || name == "container" || name == "layer") {
        std::string inner = Run(item.body);
        if (!inner.empty()) out += Compact(item.prelude) + "{\n" + inner + "}\n";
        continue;
      }
      if (name == "keyframes" || name == "-webkit-keyframes") {
        std::string_view kf_name = Trim(item.prelude.substr(name.size() + 1));
        keyframes[std::string(kf_name)] += Compact(item.prelude) + '{' + Compact(item.body) + "}\n";
        continue;
      }
      out += Compact(item.prelude) + '{' + Compact(item.body) + "}\n";  // @font-face, @page, ...
    }
    return out;
  }
};

bool ContainsWord(std::string_view text, std::string_view word) {
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    bool left = p == 0 || !IsNameChar(text[p - 1]);
    bool right = p + word.size() >= text.size() || !IsNameChar(text[p + word.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

bool UsedClasses::Uses(std::string_view class_name) const {
  if (names.count(class_name)) return true;
  // A class that is not ours nor NL Design System's is kept: we only judge our own.
  if (class_name.rfind("utrecht-", 0) != 0 && class_name.rfind("wp-", 0) != 0) return true;
  for (const auto& p : prefixes) {
    if (class_name.size() > p.size() && class_name.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

void CollectClasses(std::string_view source, UsedClasses& used) {
  for (size_t i = 0; i < source.size(); ++i) {
    if (i > 0 && IsNameChar(source[i - 1])) continue;
    std::string_view rest = source.substr(i);
    if (rest.rfind("utrecht-", 0) != 0 && rest.rfind("wp-", 0) != 0) continue;
    size_t n = 0;
    while (n < rest.size() && IsNameChar(rest[n])) ++n;
    std::string token(rest.substr(0, n));
    if (token == "utrecht-" || token == "wp-") {
      // A bare namespace (a message id, a boundary) names no class.
    } else if (token.back() == '-' || token.back() == '_') {
      used.prefixes.insert(std::move(token));
    } else {
      used.names.insert(std::move(token));
    }
    i += n - 1;
  }
}

std::vector<std::string> SelectorClasses(std::string_view selector) {
  std::vector<std::string> classes;
  for (size_t i = 0; i < selector.size();) {
    char c = selector[i];
    if (c == '"' || c == '\'') {
      i = SkipString(selector, i);
      continue;
    }
    if (c == '[' || c == '(') {
      char close = c == '[' ? ']' : ')';
      int depth = 0;
      for (; i < selector.size(); ++i) {
        if (selector[i] == c) ++depth;
        if (selector[i] == close && --depth == 0) break;
      }
      ++i;
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '.' && i + 1 < selector.size() && !std::isdigit(static_cast<unsigned char>(selector[i + 1]))) {
      size_t n = i + 1;
      while (n < selector.size() && (IsNameChar(selector[n]) || selector[n] == '\\')) {
        n += selector[n] == '\\' ? 2 : 1;
      }
      if (n > i + 1) classes.emplace_back(selector.substr(i + 1, n - i - 1));
      i = n;
      continue;
    }
    ++i;
  }
  return classes;
}

std::string PruneRules(std::string_view css, const UsedClasses& used, PruneStats* stats) {
  Pruner pruner{used, stats, {}};
  std::string out = pruner.Run(css);
  for (const auto& [name, block] : pruner.keyframes) {
    if (ContainsWord(out, name)) out += block;
  }
  return out;
}

std::string Minify(std::string_view css) { return Compact(css); }

std::set<std::string, std::less<>> VarReferences(std::string_view css) {
  std::set<std::string, std::less<>> refs;
  for (size_t p = css.find("var("); p != std::string_view::npos; p = css.find("var(", p + 4)) {
    size_t i = p + 4;
    while (i < css.size() && std::isspace(static_cast<unsigned char>(css[i]))) ++i;
    if (css.compare(i, 2, "--") != 0) continue;
    size_t n = i;
    while (n < css.size() && IsNameChar(css[n])) ++n;
    refs.emplace(css.substr(i, n - i));
  }
  return refs;
}

std::string PruneCustomProperties(std::string_view tokens, std::string_view readers, PruneStats* stats) {
  struct Decl {
    std::string name;  // "--x", or empty for an ordinary declaration
    std::string text;
  };
  struct Rule {
    std::string prelude;
    std::vector<Decl> decls;
  };
  std::vector<Rule> rules;
  for (const Item& item : Items(tokens)) {
    if (item.kind != Item::kRule) throw std::runtime_error("css: design tokens may only hold style rules");
    Rule rule{Compact(item.prelude), {}};
    const std::string body = Compact(item.body);
    for (std::string_view d : SplitTop(body, ';')) {
      d = Trim(d);
      if (d.empty()) continue;
      std::string name;
      if (d.rfind("--", 0) == 0) name = std::string(Trim(d.substr(0, d.find(':'))));
      rule.decls.push_back({std::move(name), std::string(d)});
    }
    rules.push_back(std::move(rule));
  }
  auto needed = VarReferences(readers);
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& r : rules) {
      for (const auto& d : r.decls) {
        if (d.name.empty() || !needed.count(d.name)) continue;
        for (const auto& ref : VarReferences(d.text)) grew |= needed.insert(ref).second;
      }
    }
  }
  std::string out;
  for (const auto& r : rules) {
    std::string body;
    for (const auto& d : r.decls) {
      bool keep = d.name.empty() || needed.count(d.name) > 0;
      if (stats && !d.name.empty()) ++(keep ? stats->properties_kept : stats->properties_dropped);
      if (keep) body += d.text + ';';
    }
    if (!body.empty()) out += r.prelude + '{' + body + "}\n";
  }
  return out;
}

}  // namespace wp::css
