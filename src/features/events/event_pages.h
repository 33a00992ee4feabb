// Public pages of one event: the event page with its registration form,
// registering (members and residents with one click, others with name and
// e-mail), cancelling one's own registration, and the cancel link from the
// confirmation e-mail (works without signing in). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/events/commands.h"
#include "features/events/meetings.h"

namespace wp::events {

class EventPages {
 public:
  // `meetings` (may be null in tests) renders other features' sections on the page.
  EventPages(const web::Web& web, EventCommands& commands, const EventMeetings* meetings = nullptr)
      : web_(web), commands_(commands), meetings_(meetings) {}

  Result<http::Response> Show(web::Context& ctx);          // GET  /activiteit/{id}
  Result<http::Response> Register(web::Context& ctx);      // POST /activiteit/{id}/aanmelden
  Result<http::Response> CancelMine(web::Context& ctx);    // POST /activiteit/{id}/afmelden (signed in)
  Result<http::Response> CancelLink(web::Context& ctx);    // GET  /activiteit/afmelden/{token}
  Result<http::Response> CancelByLink(web::Context& ctx);  // POST /activiteit/afmelden/{token}

 private:
  // The event page; `error` holds the registration form's field errors.
  Result<http::Response> ShowEvent(web::Context& ctx, int64_t id, const Error* error);

  const web::Web& web_;
  EventCommands& commands_;
  const EventMeetings* meetings_;
};

}  // namespace wp::events
