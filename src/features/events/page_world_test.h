// The world of the events page tests: a PageHarness with the events views,
// messages and tables, a registered platform (platforms' PlatformWorld) whose
// kernteam is Anna, and the real EventCommands. Test-only; one per test.
#pragma once

#include "features/events/commands.h"
#include "features/platforms/page_world_test.h"
#include "wp_events_files.h"

namespace wp::events {

class EventPagesTestBase : public platforms::PageTest {
 protected:
  // A form for an event on 10 February 2026, 19:30-21:30.
  static EventForm Form(const std::string& title, const std::string& capacity = "") {
    return {title, "theme_meeting", "Over *bomen*", "2026-02-10", "19:30", "", "21:30", "Buurthuis", capacity};
  }
  static Params Fields(const EventForm& f) {
    return {{"title", f.title},
            {"kind", f.kind},
            {"description", f.description},
            {"start_date", f.start_date},
            {"start_time", f.start_time},
            {"end_date", f.end_date},
            {"end_time", f.end_time},
            {"place", f.place},
            {"capacity", f.capacity}};
  }
  // A published event of the platform; returns its id.
  int64_t Published(const std::string& title, const std::string& capacity = "") {
    auto id = commands_.Create(anna_, platform_, Form(title, capacity));
    if (!id.has_value() || !commands_.Publish(anna_, platform_, *id).has_value()) {
      throw std::runtime_error("Published");
    }
    return *id;
  }

  wp::testing::PageHarness h_{"events", EventsFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  platforms::Platform platform_ = world_.RegisterBoerhaave(anna_);
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  EventCommands commands_{h_.db(), h_.clock(), h_.random(), h_.catalog(), world_.directory(), zone_, EventsSettings{}};
};

}  // namespace wp::events
