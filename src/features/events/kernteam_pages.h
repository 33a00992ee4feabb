// The kernteam's pages for the events of its platform: the list, a new
// event, editing (with the registrations), publishing and cancelling. Every
// handler first checks that the signed-in user may manage the platform's
// events (403 otherwise). Thread-safe.
#pragma once

#include <optional>

#include "core/web/web.h"
#include "features/events/commands.h"

namespace wp::events {

class KernteamPages {
 public:
  KernteamPages(const web::Web& web, EventCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> List(web::Context& ctx);     // GET  /wijkplatform/{slug}/beheer/activiteiten
  Result<http::Response> NewForm(web::Context& ctx);  // GET  .../activiteiten/nieuw
  Result<http::Response> Create(web::Context& ctx);   // POST .../activiteiten/nieuw
  Result<http::Response> Edit(web::Context& ctx);     // GET  .../activiteiten/{id}
  Result<http::Response> Update(web::Context& ctx);   // POST .../activiteiten/{id}
  Result<http::Response> Publish(web::Context& ctx);  // POST .../activiteiten/{id}/publiceren
  Result<http::Response> Cancel(web::Context& ctx);   // POST .../activiteiten/{id}/annuleren

 private:
  // The platform of {slug} when the user manages its events. Errors:
  // kNotFound, kForbidden (events.error.forbidden).
  Result<platforms::Platform> Managed(web::Context& ctx) const;
  // The event form, empty for a new event or with `existing` and its
  // registrations; `error` holds the fields to correct.
  Result<http::Response> ShowForm(web::Context& ctx, const platforms::Platform& p, const EventForm& form,
                                  const std::optional<Event>& existing, const Error* error);
  // The edit page of event {id} of `p`, with `typed` (what was sent) or the stored values.
  Result<http::Response> ShowEdit(web::Context& ctx, const platforms::Platform& p, int64_t id,
                                  const std::optional<EventForm>& typed, const Error* error);
  http::Response Saved(web::Context& ctx, const platforms::Platform& p, int64_t id, const char* flash_key) const;

  const web::Web& web_;
  EventCommands& commands_;
};

}  // namespace wp::events
