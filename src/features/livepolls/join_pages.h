// The participants' pages, without an account: type the join code
// (/doe-mee, or the QR code's /doe-mee/{code}) and answer the open question
// (POST /doe-mee/{code}). A cookie (wp_poll, HttpOnly) holds the
// participant's random token; only its SHA-256 is stored. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/livepolls/commands.h"

namespace wp::livepolls {

inline constexpr std::string_view kParticipantCookie = "wp_poll";

class JoinPages {
 public:
  JoinPages(const web::Web& web, LivePollCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Form(web::Context& ctx);         // GET /doe-mee
  Result<http::Response> Join(web::Context& ctx);         // POST /doe-mee
  Result<http::Response> Participate(web::Context& ctx);  // GET /doe-mee/{code}
  Result<http::Response> Answer(web::Context& ctx);       // POST /doe-mee/{code}

 private:
  Result<http::Response> ShowForm(web::Context& ctx, const std::string& code, const Error* error);
  Result<http::Response> ShowPoll(web::Context& ctx, const std::string& code, const Error* error,
                                  const std::vector<std::string>& typed);

  const web::Web& web_;
  LivePollCommands& commands_;
};

}  // namespace wp::livepolls
