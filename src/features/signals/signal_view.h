// What the signal pages show of a signal, shared by the resident, public and
// staff pages: status badges, history lines, category names and the map
// helpers (the picker map's frame, positions as text). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/geography/map_svg.h"
#include "features/platforms/directory.h"
#include "features/signals/signal.h"
#include "features/signals/signal_store.h"

namespace wp::signals {

// The badge of a status ("Gemeld", "In behandeling", ...), and one of an
// overdue signal.
nlohmann::json StatusBadgeFor(const web::Context& ctx, SignalStatus status);
// The history for people: {when, title, text} per event, oldest first;
// internal events (notes, assignments) only when `staff`.
nlohmann::json HistoryJson(const web::Context& ctx, const time::TimeZone& zone, const std::vector<Event>& events,
                           bool staff);
// The category's name in the page's language, with its main category
// ("Straat en stoep: Losse tegel"); empty for an unknown id.
std::string CategoryLabel(const web::Context& ctx, const std::vector<Category>& all, int64_t id);
// <option> data of the categories that take new reports, grouped by main
// category: [{label, options: [{value, label, selected}]}].
nlohmann::json CategoryGroups(const web::Context& ctx, const std::vector<Category>& all, const std::string& selected);

// The name of the platform a signal was reported on behalf of ("Wijkplatform
// Boerhaavewijk"), or "" for a signal of a person.
std::string ReportedFor(const platforms::PlatformDirectory& directory, const Signal& s);
// The platforms `user` may report on behalf of (their kernteams): id and name.
std::vector<std::pair<int64_t, std::string>> PlatformsToReportFor(const platforms::PlatformDirectory& directory,
                                                                  const auth::User& user);

// The whole-municipality map residents click on: width in CSS pixels.
inline constexpr int kPickerWidth = 600;
// The picker map of `m` (standalone, for <input type="image">), with a marker
// at `chosen` when set.
geography::RenderedMap PickerMap(const geography::Municipality& m, std::optional<geography::Point> chosen,
                                 const std::string& marker_label);
// "52.381200" (six decimals, always a '.'), and back; nullopt when not a number.
std::string CoordinateText(double v);
std::optional<double> ParseCoordinate(const std::string& text);

}  // namespace wp::signals
