#include "core/html/escape.h"

#include "core/strings.h"

namespace wp::html {

void AppendEscaped(std::string& out, std::string_view text) { AppendHtmlEscaped(out, text); }

std::string Escape(std::string_view text) { return HtmlEscape(text); }

}  // namespace wp::html
