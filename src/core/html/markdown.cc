#include "core/html/markdown.h"

#include <vector>

#include "core/html/escape.h"
#include "core/strings.h"

namespace wp::html {

bool IsSafeLinkUrl(std::string_view url) {
  if (url.empty() || url.size() > 2000) return false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\') return false;
  }
  std::string lower = ToLower(url.substr(0, 8));
  if (lower.rfind("https://", 0) == 0) return url.size() > 8;
  if (lower.rfind("http://", 0) == 0) return url.size() > 7;
  if (lower.rfind("mailto:", 0) == 0) return url.size() > 7 && url.find('@') != std::string_view::npos;
  return false;
}

namespace {

// Replaces invalid UTF-8 with U+FFFD and drops control characters other than
// tab and newline; turns CRLF and CR into LF.
std::string Clean(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out += '\n';
        if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len && i + len <= in.size() && IsValidUtf8(in.substr(i, len))) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

bool IsPunct(char c) { return std::string_view("\\`*_{}[]()#+-.!<>|~\"'&").find(c) != std::string_view::npos; }

// Inline markup. `links` is false inside a link text (no nested links).
std::string Inline(std::string_view s, bool links, int depth = 0) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsPunct(s[i + 1])) {
      out += Escape(s.substr(i + 1, 1));
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t end = s.find('`', i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        out += "<code>" + Escape(s.substr(i + 1, end - i - 1)) + "</code>";
        i = end + 1;
        continue;
      }
    }
    if ((c == '*' || c == '_') && depth < 8) {
      bool strong = i + 1 < s.size() && s[i + 1] == c;
      std::string marker(strong ? 2 : 1, c);
      size_t open = i + marker.size();
      size_t end = s.find(marker, open);
      // The text must not start or end with a space ("2 * 3 * 4" stays text).
      if (end != std::string_view::npos && end > open && s[open] != ' ' && s[end - 1] != ' ') {
        std::string tag = strong ? "strong" : "em";
        out += "<" + tag + ">" + Inline(s.substr(open, end - open), links, depth + 1) + "</" + tag + ">";
        i = end + marker.size();
        continue;
      }
    }
    if (c == '[' && links) {
      size_t close = s.find(']', i + 1);
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        size_t paren = s.find(')', close + 2);
        if (paren != std::string_view::npos) {
          std::string_view text = s.substr(i + 1, close - i - 1);
          std::string_view url = Trim(s.substr(close + 2, paren - close - 2));
          if (!text.empty() && IsSafeLinkUrl(url)) {
            out +=
                "<a href=\"" + Escape(url) + "\" rel=\"nofollow noopener\">" + Inline(text, false, depth + 1) + "</a>";
            i = paren + 1;
            continue;
          }
        }
      }
    }
    out += Escape(std::string_view(&s[i], 1));
    ++i;
  }
  return out;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

// Heading level 1..6 of "# text", else 0.
int HeadingLevel(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (n == line.size()) return static_cast<int>(n);
  return line[n] == ' ' ? static_cast<int>(n) : 0;
}

// Length of an unordered list marker ("- ", "* ", "+ ") or 0.
size_t BulletMarker(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return 2;
  return 0;
}

// Length of an ordered list marker ("1. ", "12) ") or 0.
size_t NumberMarker(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < 9 && line[n] >= '0' && line[n] <= '9') ++n;
  if (n == 0 || n + 1 >= line.size()) return 0;
  if ((line[n] == '.' || line[n] == ')') && line[n + 1] == ' ') return n + 2;
  return 0;
}

bool IsFence(std::string_view line) { return Trim(line).substr(0, 3) == "```"; }

std::string Blocks(const std::vector<std::string>& lines, int depth);

std::string Blocks(const std::vector<std::string>& lines, int depth) {
  std::string out;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = lines[i];
    std::string_view t = Trim(line);
    if (t.empty()) {
      ++i;
      continue;
    }
    if (IsFence(line)) {
      std::string code;
      ++i;
      while (i < lines.size() && !IsFence(lines[i])) {
        code += lines[i];
        code += '\n';
        ++i;
      }
      if (i < lines.size()) ++i;  // closing fence; an unclosed block runs to the end
      out += "<pre><code>" + Escape(code) + "</code></pre>\n";
      continue;
    }
    if (int level = HeadingLevel(t)) {
      int h = level + 1 > 6 ? 6 : level + 1;
      std::string_view text = Trim(t.substr(static_cast<size_t>(level)));
      out += "<h" + std::to_string(h) + ">" + Inline(text, true) + "</h" + std::to_string(h) + ">\n";
      ++i;
      continue;
    }
    if (t[0] == '>') {
      std::vector<std::string> inner;
      while (i < lines.size() && !IsBlank(lines[i]) && Trim(lines[i])[0] == '>') {
        std::string_view q = Trim(lines[i]).substr(1);
        if (!q.empty() && q[0] == ' ') q.remove_prefix(1);
        inner.emplace_back(q);
        ++i;
      }
      if (depth < 5)
        out += "<blockquote>\n" + Blocks(inner, depth + 1) + "</blockquote>\n";
      else
        out += "<p>" + Inline(JoinStrings(inner, "\n"), true) + "</p>\n";
      continue;
    }
    bool bullet = BulletMarker(t) > 0;
    if (bullet || NumberMarker(t) > 0) {
      std::string tag = bullet ? "ul" : "ol";
      std::vector<std::string> items;
      while (i < lines.size() && !IsBlank(lines[i])) {
        std::string_view l = Trim(lines[i]);
        size_t m = bullet ? BulletMarker(l) : NumberMarker(l);
        if (m > 0)
          items.emplace_back(l.substr(m));
        else if (!items.empty())
          items.back() += "\n" + std::string(l);  // continuation line
        else
          break;
        ++i;
      }
      out += "<" + tag + ">\n";
      for (const auto& item : items) out += "<li>" + Inline(item, true) + "</li>\n";
      out += "</" + tag + ">\n";
      continue;
    }
    // Paragraph: up to a blank line or the start of another block.
    std::vector<std::string> para;
    while (i < lines.size() && !IsBlank(lines[i])) {
      std::string_view l = Trim(lines[i]);
      if (!para.empty() && (HeadingLevel(l) || l[0] == '>' || IsFence(l) || BulletMarker(l))) break;
      para.emplace_back(l);
      ++i;
    }
    out += "<p>" + Inline(JoinStrings(para, "\n"), true) + "</p>\n";
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(std::string_view markdown) {
  std::string text = Clean(markdown);
  std::vector<std::string> lines;
  for (auto l : Split(text, '\n')) lines.emplace_back(l);
  return Blocks(lines, 0);
}

}  // namespace wp::html
