// SafeLocalPath: the one check for every redirect target that comes from the
// request ("next=" and other return paths), so that a redirect never leaves
// the site (no open redirect).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wp::http {

// `next` when it is a path on this site, else nothing. Accepted: "/" followed
// by anything but "/" or "\" (so no "//host" or "/\host", which browsers read
// as another site), with no control characters (a tab or newline that browsers
// drop, or CR/LF that would split a header) and no backslash, also after one
// round of percent-decoding ("/%2F%2Fhost", "/%09/host"). A scheme ("https:")
// cannot pass: the target must start with "/".
std::optional<std::string> SafeLocalPath(std::string_view next);

}  // namespace wp::http
