#include "core/html/escape.h"

namespace wp::html {

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendEscaped(out, text);
  return out;
}

}  // namespace wp::html
