// The Open311 GeoReport v2 API (machine endpoints, English error texts for
// developers) at /open311/v2/ (discovery, services, service
// definitions, requests GET and POST, tokens), in XML and JSON by the URL's
// suffix, so Open311 apps and FixMyStreet-style clients can post and read
// signals. Posting needs an API key (`SignalCommands::CreateApiKey`). No
// personal data is ever returned. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/signals/commands.h"

namespace wp::signals {

class Open311Api {
 public:
  // `openapi` is the OpenAPI 3 document of these endpoints (api/openapi.json).
  Open311Api(const web::Web& web, SignalCommands& commands, std::string_view openapi)
      : web_(web), commands_(commands), openapi_(openapi) {}

  Result<http::Response> Resource(web::Context& ctx);     // GET  /open311/v2/{resource}.{fmt}
  Result<http::Response> Service(web::Context& ctx);      // GET  /open311/v2/services/{code}.{fmt}
  Result<http::Response> Request(web::Context& ctx);      // GET  /open311/v2/requests/{id}.{fmt}
  Result<http::Response> Token(web::Context& ctx);        // GET  /open311/v2/tokens/{token}.{fmt}
  Result<http::Response> PostRequest(web::Context& ctx);  // POST /open311/v2/requests.{fmt}
  // GET /api/openapi.json: the OpenAPI 3 document of the JSON API, with this
  // site's base URL as its server.
  Result<http::Response> OpenApi(web::Context& ctx);

 private:
  // The service requests `f` selects, as a list.
  Result<http::Response> Requests(const ListFilter& f, bool json);

  const web::Web& web_;
  SignalCommands& commands_;
  std::string_view openapi_;
};

}  // namespace wp::signals
