// EventMeetings: what other features read about a platform's activities and
// add to an activity's page. Live polls link a poll to the activity it was
// held at (a meeting of the platform) and list its results there. Only
// published activities are offered; a cancelled one is still found (a poll
// linked to it keeps its link). Thread-safe (each call is one read
// transaction). Returned by RegisterEvents.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::events {

struct MeetingRef {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string title;
  int64_t starts_at = 0;  // unix seconds UTC
  bool cancelled = false;
  std::string path;  // "/activiteit/{id}"
};

class EventMeetings {
 public:
  explicit EventMeetings(db::Database& db) : db_(db) {}

  // Published activities of the platform that start in [from, to), earliest first.
  Result<std::vector<MeetingRef>> OfPlatform(int64_t platform_id, int64_t from, int64_t to) const;
  // A published or cancelled activity (never a draft), or nullopt.
  Result<std::optional<MeetingRef>> Find(int64_t event_id) const;

  // Other features add sections to an activity's page (at registration,
  // before serving): escaped HTML for the activity in `locale`, or "".
  using PageSection = std::function<std::string(const MeetingRef& meeting, std::string_view locale)>;
  void AddPageSection(PageSection section) { sections_.push_back(std::move(section)); }
  std::string RenderPageSections(const MeetingRef& meeting, std::string_view locale) const;

 private:
  db::Database& db_;
  std::vector<PageSection> sections_;
};

}  // namespace wp::events
