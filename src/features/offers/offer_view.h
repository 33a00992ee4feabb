// What the needs and offers pages share: kinds, themes and areas in words,
// needs, offers and suggestions as view data, contact requests in words
// (never with an address), and the form pieces (kind, themes, wijk).
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/offers/commands.h"

namespace wp::offers {

std::string KindLabel(const web::Context& ctx, Kind k);
// "Groen, Spelen"; empty for no themes.
std::string ThemesLabel(const web::Context& ctx, const std::vector<std::string>& themes);
// The wijk's name, or "Heel Haarlem" for an empty code.
std::string AreaLabel(const web::Context& ctx, const geography::Municipality& m, const std::string& district_code);
// "tot en met 1 december 2026", or empty.
std::string UntilLabel(const web::Context& ctx, const time::TimeZone& zone, const std::optional<int64_t>& until);
// Why a pair matches: "Zelfde wijk · Thema: groen".
std::string MatchLabel(const web::Context& ctx, const MatchScore& s);

// {id, kind, text, themes, amount, until, area, money, closed}
nlohmann::json NeedJson(const web::Context& ctx, const OfferCommands& commands, const Need& n);
// {id, kind, text, themes, area, name, type, until}
nlohmann::json OfferJson(const web::Context& ctx, const OfferCommands& commands, const Offer& o);
// A contact request in words: {state, badge, asked_by_me, message, at, about}.
nlohmann::json ContactJson(const web::Context& ctx, const OfferCommands& commands, const ContactRequest& r, Side me);

// <option> data: [{value, label, selected}].
nlohmann::json KindOptions(const web::Context& ctx, const std::optional<Kind>& selected);
nlohmann::json DistrictOptions(const geography::Municipality& m, const std::string& selected);
// Checkbox data of every theme: [{value, label, checked}].
nlohmann::json ThemeChecks(const web::Context& ctx, const std::vector<std::string>& checked);
// The themes a form sent (kThemes order; unknown ones kept, so the check can refuse them).
std::vector<std::string> ReadThemes(const web::Context& ctx);

}  // namespace wp::offers
