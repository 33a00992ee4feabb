#include "core/web/static_assets.h"

#include <cstdlib>

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

void StaticAssets::Add(std::string name, std::string data, Encodings encodings) {
  Asset a;
  a.etag = "\"" + Sha256Hex(data).substr(0, 32) + "\"";
  a.content_type = std::string(ContentTypeFor(name));
  a.data = std::move(data);
  a.encodings = std::move(encodings);
  assets_[std::move(name)] = std::move(a);
}

std::string StaticAssets::AddVersioned(std::string_view name, std::string data, Encodings encodings) {
  size_t dot = name.rfind('.');
  std::string_view stem = dot == std::string_view::npos ? name : name.substr(0, dot);
  std::string_view ext = dot == std::string_view::npos ? std::string_view() : name.substr(dot);
  std::string versioned = std::string(stem) + "." + Sha256Hex(data).substr(0, 12) + std::string(ext);
  Add(versioned, std::move(data), std::move(encodings));
  assets_[versioned].immutable = true;
  return "/static/" + versioned;
}

namespace {

// The q-value of `coding` in an Accept-Encoding header: -1 when not named.
double QualityOf(std::string_view header, std::string_view coding) {
  double star = -1;
  size_t start = 0;
  while (start <= header.size()) {
    size_t comma = header.find(',', start);
    std::string_view item =
        header.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    start = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
    size_t semi = item.find(';');
    std::string_view token = Trim(item.substr(0, semi));
    double q = 1;
    if (semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      size_t qpos = params.find("q=");
      if (qpos != std::string_view::npos) q = std::atof(std::string(params.substr(qpos + 2)).c_str());
    }
    if (EqualsIgnoreCase(token, coding)) return q;
    if (token == "*") star = q;
  }
  return star;
}

}  // namespace

std::string_view ChooseEncoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli) {
  double br = have_brotli ? QualityOf(accept_encoding, "br") : -1;
  double gz = have_gzip ? QualityOf(accept_encoding, "gzip") : -1;
  if (br > 0 && br >= gz) return "br";
  if (gz > 0) return "gzip";
  return "";
}

http::Response StaticAssets::Serve(const http::Request& req, std::string_view name) const {
  auto it = assets_.find(name);
  if (it == assets_.end()) return http::Response::Text("Not found", 404);
  const Asset& a = it->second;
  std::string_view encoding =
      ChooseEncoding(req.Header("Accept-Encoding"), !a.encodings.gzip.empty(), !a.encodings.brotli.empty());
  // Each encoding is its own representation, with its own strong ETag.
  std::string etag =
      encoding.empty() ? a.etag : a.etag.substr(0, a.etag.size() - 1) + "-" + std::string(encoding) + "\"";
  http::Response resp;
  resp.headers.Set("ETag", etag);
  if (a.immutable) {
    resp.headers.Set("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    resp.headers.Set("Cache-Control", "public, max-age=3600, must-revalidate");
  }
  if (!a.encodings.gzip.empty() || !a.encodings.brotli.empty()) resp.headers.Set("Vary", "Accept-Encoding");
  if (req.Header("If-None-Match") == etag) {
    resp.status = 304;
    return resp;
  }
  resp.status = 200;
  resp.headers.Set("Content-Type", a.content_type);
  if (!encoding.empty()) resp.headers.Set("Content-Encoding", std::string(encoding));
  resp.body = encoding == "br" ? a.encodings.brotli : encoding == "gzip" ? a.encodings.gzip : a.data;
  return resp;
}

}  // namespace wp::web
