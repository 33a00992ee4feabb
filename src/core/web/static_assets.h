// StaticAssets: files served under /static/ from memory (compiled into the
// binary), with a content type from the extension. Plain files revalidate with
// an ETag; versioned files carry a hash of their bytes in their name and are
// cached for a year as immutable (a new build gives a new name). Either may
// come with gzip and brotli variants made at build time, chosen by the
// request's Accept-Encoding. Thread-safe after setup.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/http/message.h"

namespace wp::web {

// Precompressed forms of one file (empty: none).
struct Encodings {
  std::string gzip;
  std::string brotli;
};

class StaticAssets {
 public:
  // Adds or replaces the asset `name` (e.g. "robots.txt").
  void Add(std::string name, std::string data, Encodings encodings = {});
  // Adds `data` as "<stem>.<hash>.<ext>" (12 hex digits of its SHA-256) and
  // returns its URL path, e.g. "/static/site.3f2a9c01b2d4.css".
  std::string AddVersioned(std::string_view name, std::string data, Encodings encodings = {});
  bool Has(std::string_view name) const { return assets_.count(std::string(name)) > 0; }
  // Serves GET /static/{name}: 200 with the bytes in the best encoding the
  // client accepts (brotli, gzip, identity), 304 when If-None-Match matches,
  // 404 for unknown names.
  http::Response Serve(const http::Request& req, std::string_view name) const;
  static std::string_view ContentTypeFor(std::string_view name);

 private:
  struct Asset {
    std::string data;
    Encodings encodings;
    std::string etag;
    std::string content_type;
    bool immutable = false;
  };
  std::map<std::string, Asset, std::less<>> assets_;
};

// The encoding to send, given an Accept-Encoding header and the variants at
// hand: "br", "gzip" or "" (identity). Honours q-values (q=0 refuses) and "*".
std::string_view ChooseEncoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli);

}  // namespace wp::web
