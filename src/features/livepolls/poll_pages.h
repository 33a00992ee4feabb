// The presenter's pages: a platform's polls with the form for a new one
// (/wijkplatform/{slug}/peilingen), a poll's page with its questions,
// controls and the open answers to moderate (/peiling/{id}/beheer), the big
// screen (/peiling/{id}/scherm: refreshes itself through a Refresh header
// without JavaScript; live.js fetches /peiling/{id}/uitslag.json with an
// ETag instead), and the results kept with the meeting (/peiling/{id}/uitslag,
// public once closed). Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/livepolls/commands.h"

namespace wp::livepolls {

class PollPages {
 public:
  PollPages(const web::Web& web, LivePollCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> List(web::Context& ctx);         // GET /wijkplatform/{slug}/peilingen
  Result<http::Response> Create(web::Context& ctx);       // POST /wijkplatform/{slug}/peilingen
  Result<http::Response> Manage(web::Context& ctx);       // GET /peiling/{id}/beheer
  Result<http::Response> AddQuestion(web::Context& ctx);  // POST /peiling/{id}/vragen
  Result<http::Response> Step(web::Context& ctx);         // POST /peiling/{id}/stap (action)
  Result<http::Response> Hide(web::Context& ctx);         // POST /peiling/{id}/antwoorden/{answer}/verbergen
  Result<http::Response> Screen(web::Context& ctx);       // GET /peiling/{id}/scherm[?ververs=nee|live=1]
  Result<http::Response> Json(web::Context& ctx);         // GET /peiling/{id}/uitslag.json
  Result<http::Response> Script(web::Context& ctx);       // GET /peiling/live.js
  Result<http::Response> Results(web::Context& ctx);      // GET /peiling/{id}/uitslag
  Result<http::Response> Csv(web::Context& ctx);          // GET /peiling/{id}/uitslag.csv

 private:
  Result<http::Response> ShowList(web::Context& ctx, const std::vector<FieldError>& errors, int status);
  // The new-poll form's choice of the platform's activities (data["event_options"]).
  Result<void> AddMeetingChoices(const web::Context& ctx, const platforms::Platform& platform,
                                 const std::vector<FieldError>& errors, nlohmann::json& data) const;
  Result<http::Response> ShowManage(web::Context& ctx, int64_t id, const std::vector<FieldError>& errors, int status);

  const web::Web& web_;
  LivePollCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::livepolls
