// The names of the site's cookies. Served over https (base_url https://, also
// behind a TLS-terminating trusted proxy) they carry the __Host- prefix:
// browsers then accept them only with Secure, Path=/ and no Domain, so a
// sibling subdomain or a plain-http page cannot plant or overwrite them.
#pragma once

#include <string>
#include <string_view>

namespace wp::web {

inline std::string CookieName(std::string_view base_name, bool https) {
  return https ? "__Host-" + std::string(base_name) : std::string(base_name);
}

// The session cookie ("wp_session", or "__Host-wp_session" over https).
inline std::string SessionCookieName(bool https) { return CookieName("wp_session", https); }

}  // namespace wp::web
