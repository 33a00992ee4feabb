// HTML escaping. Everything rendered goes through Escape unless it is
// markup the server produced itself (see template.h, "_html" keys).
#pragma once

#include <string>
#include <string_view>

namespace wp::html {

// Escapes & < > " ' for use in element content and quoted attributes.
std::string Escape(std::string_view text);
void AppendEscaped(std::string& out, std::string_view text);

}  // namespace wp::html
