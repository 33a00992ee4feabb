// What the forum pages share: paths, the facts of a forum, its quotas and
// response as tables, the draws and the history, in the reader's language.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/forums/commands.h"

namespace wp::forums {

inline constexpr std::string_view kIndexPath = "/loting";
inline constexpr std::string_view kOfficialPath = "/beheer/loting";
inline constexpr std::string_view kRegisterPath = "/aanmelden";

std::string ForumPath(const Forum& f);
std::string ManagePath(const Forum& f);
std::string DrawPath(const Forum& f, int64_t draw_id);

nlohmann::json ForumFacts(const web::Context& ctx, const ForumCommands& commands, const Forum& f);
nlohmann::json QuotasTable(const web::Context& ctx, const Forum& f, const Response* response);
nlohmann::json DrawsTable(const web::Context& ctx, const Forum& f, const std::vector<Draw>& draws);
nlohmann::json HistoryList(const web::Context& ctx, const ForumCommands& commands,
                           const std::vector<HistoryEntry>& history);
nlohmann::json DrawStatusBadge(const web::Context& ctx, DrawStatus s);
// A new round's published sample in one line: number, letters, addresses,
// seed, the list's SHA-256 and the deadline.
std::string RoundLine(const web::Context& ctx, const ForumCommands& commands, const Round& r);

}  // namespace wp::forums
