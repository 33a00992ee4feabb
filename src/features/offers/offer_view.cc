#include "features/offers/offer_view.h"

#include <algorithm>

#include "core/time/format.h"
#include "core/web/components.h"

namespace wp::offers {

using nlohmann::json;

std::string KindLabel(const web::Context& ctx, Kind k) { return ctx.T("offers.kind." + std::string(KindName(k))); }

std::string ThemesLabel(const web::Context& ctx, const std::vector<std::string>& themes) {
  std::string out;
  for (const auto& t : themes) {
    if (!out.empty()) out += ", ";
    out += ctx.T("offers.theme." + t);
  }
  return out;
}

std::string AreaLabel(const web::Context& ctx, const geography::Municipality& m, const std::string& district_code) {
  if (district_code.empty()) return ctx.T("offers.area.city", {{"city", m.name}});
  auto code = geography::DistrictCode::Parse(district_code);
  const geography::District* d = code ? geography::FindDistrict(m, *code) : nullptr;
  return d ? d->name : "";
}

std::string UntilLabel(const web::Context& ctx, const time::TimeZone& zone, const std::optional<int64_t>& until) {
  if (!until) return "";
  return ctx.T("offers.until", {{"date", time::FormatPeriodEnd(zone, *until, ctx.locale)}});
}

std::string MatchLabel(const web::Context& ctx, const MatchScore& s) {
  std::string out = ctx.T("offers.match.area." + std::string(AreaFitName(s.area)));
  if (!s.shared_themes.empty()) {
    out += " · " + ctx.T("offers.match.themes", {{"themes", ThemesLabel(ctx, s.shared_themes)}});
  }
  return out;
}

json NeedJson(const web::Context& ctx, const OfferCommands& commands, const Need& n) {
  auto m = commands.geography().current();
  return {{"id", n.id},
          {"kind", KindLabel(ctx, n.what.kind)},
          {"text", n.what.text},
          {"themes", ThemesLabel(ctx, n.what.themes)},
          {"amount", n.what.amount},
          {"until", UntilLabel(ctx, commands.zone(), n.until)},
          {"area", n.district_code.empty() ? "" : AreaLabel(ctx, *m, n.district_code)},
          {"money", n.what.kind == Kind::kMoney},
          {"closed", !n.open},
          {"badge", n.open ? json(nullptr) : web::StatusBadge(ctx.T("offers.need.closed"), web::Tone::kNeutral)}};
}

json OfferJson(const web::Context& ctx, const OfferCommands& commands, const Offer& o) {
  auto m = commands.geography().current();
  return {{"id", o.id},
          {"kind", KindLabel(ctx, o.what.kind)},
          {"text", o.what.text},
          {"themes", ThemesLabel(ctx, o.what.themes)},
          {"area", AreaLabel(ctx, *m, o.what.district_code)},
          {"name", o.what.name},
          {"type", ctx.T("offers.offerer." + std::string(OffererTypeName(o.what.type)))},
          {"until", UntilLabel(ctx, commands.zone(), o.until)}};
}

json ContactJson(const web::Context& ctx, const OfferCommands& commands, const ContactRequest& r, Side me) {
  int64_t now = commands.Now();
  std::string state(ContactStateName(r.state));
  if (IsExpired(r.state, r.asked_at, now)) state = "expired";
  web::Tone tone = r.state == ContactState::kAccepted  ? web::Tone::kSuccess
                   : r.state == ContactState::kDeclined ? web::Tone::kWarning
                   : state == "expired"                 ? web::Tone::kNeutral
                                                        : web::Tone::kInfo;
  return {{"state", state},
          {"badge", web::StatusBadge(ctx.T("offers.contact.state." + state), tone)},
          {"asked_by_me", r.asked_by == me},
          {"who", ctx.T(r.asked_by == me ? "offers.contact.you_asked" : "offers.contact.they_asked")},
          {"message", r.message},
          {"at", time::FormatDate(commands.zone(), r.asked_at, ctx.locale)}};
}

json KindOptions(const web::Context& ctx, const std::optional<Kind>& selected) {
  json out = json::array();
  for (Kind k : kAllKinds) {
    out.push_back({{"value", std::string(KindName(k))}, {"label", KindLabel(ctx, k)}, {"selected", selected == k}});
  }
  return out;
}

json DistrictOptions(const geography::Municipality& m, const std::string& selected) {
  json out = json::array();
  std::vector<const geography::District*> districts;
  for (const auto& d : m.districts) districts.push_back(&d);
  std::sort(districts.begin(), districts.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const auto* d : districts) {
    out.push_back({{"value", d->code.str()}, {"label", d->name}, {"selected", d->code.str() == selected}});
  }
  return out;
}

json ThemeChecks(const web::Context& ctx, const std::vector<std::string>& checked) {
  json out = json::array();
  for (const char* t : kThemes) {
    out.push_back({{"value", t},
                   {"label", ctx.T(std::string("offers.theme.") + t)},
                   {"checked", std::find(checked.begin(), checked.end(), t) != checked.end()}});
  }
  return out;
}

std::vector<std::string> ReadThemes(const web::Context& ctx) {
  std::vector<std::string> out;
  for (const auto& t : ctx.form.GetAll("themes")) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

}  // namespace wp::offers
