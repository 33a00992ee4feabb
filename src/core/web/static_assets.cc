#include "core/web/static_assets.h"

#include "core/strings.h"

namespace wp::web {

std::string_view StaticAssets::ContentTypeFor(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void StaticAssets::Add(std::string name, std::string data) {
  Asset a;
  a.etag = "\"" + Sha256Hex(data).substr(0, 32) + "\"";
  a.content_type = std::string(ContentTypeFor(name));
  a.data = std::move(data);
  assets_[std::move(name)] = std::move(a);
}

http::Response StaticAssets::Serve(const http::Request& req, std::string_view name) const {
  auto it = assets_.find(name);
  if (it == assets_.end()) return http::Response::Text("Not found", 404);
  const Asset& a = it->second;
  http::Response resp;
  resp.headers.Set("ETag", a.etag);
  resp.headers.Set("Cache-Control", "public, max-age=3600, must-revalidate");
  if (req.Header("If-None-Match") == a.etag) {
    resp.status = 304;
    return resp;
  }
  resp.status = 200;
  resp.headers.Set("Content-Type", a.content_type);
  resp.body = a.data;
  return resp;
}

}  // namespace wp::web
