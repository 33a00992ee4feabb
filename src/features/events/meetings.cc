#include "features/events/meetings.h"

namespace wp::events {

namespace {

constexpr const char* kColumns = "id, platform_id, title, starts_at, status";

MeetingRef FromRow(const db::Row& r) {
  MeetingRef m;
  m.id = r.Int(0);
  m.platform_id = r.Int(1);
  m.title = r.Text(2);
  m.starts_at = r.Int(3);
  m.cancelled = r.Text(4) == "cancelled";
  m.path = "/activiteit/" + std::to_string(m.id);
  return m;
}

}  // namespace

Result<std::vector<MeetingRef>> EventMeetings::OfPlatform(int64_t platform_id, int64_t from, int64_t to) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<MeetingRef>> {
    WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                               " FROM events WHERE platform_id = ? AND status = 'published' "
                                               "AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                                           {platform_id, from, to}));
    std::vector<MeetingRef> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
  });
}

Result<std::optional<MeetingRef>> EventMeetings::Find(int64_t event_id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::optional<MeetingRef>> {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kColumns +
                                                      " FROM events WHERE id = ? AND status <> 'draft'",
                                                  {event_id}));
    if (!row) return std::optional<MeetingRef>();
    return std::optional<MeetingRef>(FromRow(*row));
  });
}

std::string EventMeetings::RenderPageSections(const MeetingRef& meeting, std::string_view locale) const {
  std::string out;
  for (const auto& s : sections_) out += s(meeting, locale);
  return out;
}

}  // namespace wp::events
