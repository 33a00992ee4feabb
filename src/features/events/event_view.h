// The data of an event as the events views show it, shared by the public and
// the kernteam pages: texts in the request's language, the status badge,
// links, and the breadcrumb under the platform. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/events/commands.h"

namespace wp::events {

// "/activiteit/{id}".
std::string EventPath(int64_t event_id);
// "/wijkplatform/{slug}/beheer/activiteiten", the kernteam's list.
std::string AdminPath(const platforms::Platform& p);
// "/wijkplatform/{slug}/agenda".
std::string AgendaPath(const platforms::Platform& p);

// Title, kind, when, place, status (label, badge and flags), capacity and links.
nlohmann::json EventJson(const web::Context& ctx, const EventCommands& commands, const Event& e,
                         const platforms::Platform& p);
// The event as a card in a list (title linked to its page).
nlohmann::json EventCard(const web::Context& ctx, const EventCommands& commands, const Event& e);
// {"name", "slug"} of the platform for the views.
nlohmann::json PlatformJson(const platforms::Platform& p);
// The breadcrumb of a page under the platform: the platform, then `trail`.
nlohmann::json PlatformCrumbs(const platforms::Platform& p, std::vector<web::Crumb> trail);

}  // namespace wp::events
