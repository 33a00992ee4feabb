// StaticAssets: files served under /static/ from memory (compiled into the
// binary), with ETag revalidation and a content type from the extension.
// Thread-safe after setup.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/http/message.h"

namespace wp::web {

class StaticAssets {
 public:
  // Adds or replaces the asset `name` (e.g. "wijkplatform.css").
  void Add(std::string name, std::string data);
  bool Has(std::string_view name) const { return assets_.count(std::string(name)) > 0; }
  // Serves GET /static/{name}: 200 with the bytes, 304 when If-None-Match
  // matches, 404 for unknown names.
  http::Response Serve(const http::Request& req, std::string_view name) const;
  static std::string_view ContentTypeFor(std::string_view name);

 private:
  struct Asset {
    std::string data;
    std::string etag;
    std::string content_type;
  };
  std::map<std::string, Asset, std::less<>> assets_;
};

}  // namespace wp::web
