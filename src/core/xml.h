// Escaping for XML documents we write (Atom feeds, SVG maps, Open311 XML).
// Pure, thread-safe. Implemented in strings.cc next to HtmlEscape.
#pragma once

#include <string>
#include <string_view>

namespace wp {

// Escapes & < > " ' (as &amp; &lt; &gt; &quot; &#39;) for XML element content
// and quoted attribute values, and drops the characters XML 1.0 does not
// allow (C0 controls other than tab, LF and CR), so the document stays
// well-formed whatever the text holds.
std::string XmlEscape(std::string_view text);

}  // namespace wp
