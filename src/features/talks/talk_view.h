// What the pages of the rounds of talks share: paths, the status badge, the
// facts of a meeting, its agenda, agreements (linked to their promises) and
// history, the meetings of a round as a table. Texts in the page's language.
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/talks/commands.h"

namespace wp::talks {

inline constexpr const char* kPublicPath = "/gesprekken";
inline constexpr const char* kOfficialPath = "/beheer/gesprekken";
std::string MeetingPath(int64_t id);   // "/gesprekken/{id}"
std::string SchedulePath(int64_t id);  // "/beheer/gesprekken/{id}/plannen"
std::string RecordPath(int64_t id);    // "/beheer/gesprekken/{id}/verslag"
// "/beheer/gesprekken/{id}/{action}": the officials' forms of a meeting.
std::string ManagePath(int64_t id, std::string_view action);

// A select field for talks/select.html: `options` are {value, text, selected}.
nlohmann::json Select(const web::Context& ctx, const std::string& name, const std::string& label_key,
                      const std::string& error, nlohmann::json options);

// "haarlem-oost" -> "Haarlem oost": a stadsdeel slug as a name.
std::string BoroughLabel(std::string slug);
// "Voorjaar 2026 — Schalkwijk" / "... — hele stad".
std::string RoundTitle(const web::Context& ctx, const TalkCommands& commands, const Round& r);
nlohmann::json Badge(const web::Context& ctx, Status s);
// "dinsdag 15 september 2026, 19:30", or "not planned yet".
std::string WhenText(const web::Context& ctx, const TalkCommands& commands, const Meeting& m);
// Platform, round, date and time, place, reason, when proposing closes.
nlohmann::json Facts(const web::Context& ctx, const TalkCommands& commands, const MeetingView& v);
// The agenda as an ordered list of {text, proposer}.
nlohmann::json Agenda(const web::Context& ctx, const std::vector<AgendaItem>& agenda);
// The agreements as a table (with links to their promises); EmptyState when none.
nlohmann::json AgreementsTable(const web::Context& ctx, const TalkCommands& commands,
                               const std::vector<Agreement>& list);
nlohmann::json HistoryTable(const web::Context& ctx, const TalkCommands& commands, const std::vector<Entry>& history);
// The meetings of a round; `manage` links each to its record page instead of its public page.
nlohmann::json MeetingsTable(const web::Context& ctx, const TalkCommands& commands, const RoundView& round,
                             bool manage);

}  // namespace wp::talks
