// What the platforms pages share: the data of a platform for the views (with
// its status badge), the area as a list and a map, spreekuren in words, the
// breadcrumb under /wijkplatforms, and what the viewer may see and do on a
// platform. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/components.h"
#include "core/web/web.h"
#include "features/geography/geography.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

// "/wijkplatform/{slug}".
std::string PlatformPath(const Platform& p);
// "Erkend" / "Recognised".
std::string StatusLabel(const web::Context& ctx, PlatformStatus s);
web::Tone StatusTone(PlatformStatus s);
// The name of the stadsdeel with `slug` (the slug when unknown).
std::string BoroughName(const geography::Municipality& m, std::string_view slug);
// The platform's fields for the views, with "status_label" and the "badge".
nlohmann::json PlatformJson(const web::Context& ctx, const Platform& p, const geography::Municipality& m,
                            const time::TimeZone& zone);
// The buurten of `area` with their names, in code order.
nlohmann::json AreaJson(const geography::Municipality& m, const std::set<std::string>& area);
// An SVG map with `area` highlighted (empty without a geography).
std::string AreaMapSvg(const web::Context& ctx, const geography::Municipality& m, const std::set<std::string>& area,
                       const std::string& id_prefix, const std::string& name);
// Spreekuren as "woensdag", "19:00", "20:30" and the place, with their ids.
nlohmann::json HoursJson(const web::Context& ctx, const std::vector<OfficeHours>& hours);
// "maandag" / "Monday".
std::string DayName(const web::Context& ctx, Weekday d);
// The breadcrumb from the overview: Wijkplatforms, then `trail`.
nlohmann::json Crumbs(const web::Context& ctx, std::vector<web::Crumb> trail);
// The breadcrumb of a page of `p`: Wijkplatforms, the platform, then `page`.
nlohmann::json PlatformCrumbs(const web::Context& ctx, const Platform& p, const std::string& label,
                              const std::string& path);

// The signed-in user, or an anonymous one with no roles.
const auth::User& Viewer(const web::Context& ctx);
bool IsKernteam(const web::Context& ctx, const Platform& p);
// The kernteam page: editing the page or the kernteam.
bool MayManage(const web::Context& ctx, const Platform& p);
// The recognition page: the kernteam and who reviews recognition.
bool MaySeeRecognition(const web::Context& ctx, const Platform& p);
// The subsidy page: the kernteam and who decides on subsidy.
bool MaySeeSubsidy(const web::Context& ctx, const Platform& p);

}  // namespace wp::platforms
