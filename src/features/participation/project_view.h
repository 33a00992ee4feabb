// What the participation pages share: paths, the level badge, the status in
// words, the current or next phase, the wijken by name, the timeline, the
// history, and the cards of a list of projects. Texts in the page's language.
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/participation/commands.h"

namespace wp::participation {

inline constexpr const char* kCalendarPath = "/participatie";
inline constexpr const char* kOfficialPath = "/beheer/participatie";
inline constexpr const char* kNewPath = "/beheer/participatie/nieuw";
std::string ProjectPath(int64_t id);                          // "/participatie/{id}"
std::string PlatformPagePath(const platforms::Platform& p);  // "/wijkplatform/{slug}/participatie"

// The level as a badge ("Meebeslissen").
nlohmann::json LevelBadge(const web::Context& ctx, Level level);
// "Gepland", "Loopt", ...
std::string StatusText(const web::Context& ctx, Status s);
// Where the project stands: "Nu: Ontwerp (tot 31 mei 2027)", "Volgende stap: ... vanaf ...", or "".
std::string PhaseLine(const web::Context& ctx, const Project& p, const std::string& today);
// The timeline for views/timeline.html: {name, dates, now} per phase, in order.
nlohmann::json Timeline(const web::Context& ctx, const Project& p, const std::string& today);
// The history as a table (when, who, what, text).
nlohmann::json HistoryTable(const web::Context& ctx, const ProjectCommands& commands,
                            const std::vector<Entry>& history);
// A card of a list of projects (title, level badge, status, wijken, phase, summary).
nlohmann::json ProjectCard(const web::Context& ctx, const geography::Municipality& m, const Project& p,
                           const std::string& today, int heading_level);
}  // namespace wp::participation
