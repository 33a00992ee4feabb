#include "core/http/local_path.h"

#include "core/http/form.h"

namespace wp::http {

namespace {

// The checks on one form of the target (as given, or percent-decoded).
bool LooksLocal(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> SafeLocalPath(std::string_view next) {
  if (!LooksLocal(next)) return std::nullopt;
  auto decoded = PercentDecode(next, /*plus_is_space=*/false);
  if (!decoded.has_value() || !LooksLocal(*decoded)) return std::nullopt;
  return std::string(next);
}

}  // namespace wp::http
