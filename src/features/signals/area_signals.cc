#include "features/signals/area_signals.h"

#include "core/html/escape.h"
#include "core/time/format.h"
#include "features/signals/commands.h"

namespace wp::signals {

namespace {

constexpr int kSectionLines = 5;

Result<AreaSummary> Summarise(SignalCommands& commands, const std::string& column,
                              const std::vector<std::string>& codes, std::string_view locale, int limit) {
  WP_ASSIGN_OR_RETURN(AreaList list, commands.PublicInArea(column, codes, limit));
  const std::vector<Category>& categories = list.categories;
  AreaSummary out;
  out.on_list = list.total;
  out.open = list.open;
  for (const auto& s : list.latest) {
    out.latest.push_back({s.id, SignalNumber(s.id), CategoryLabelIn(locale, categories, s.category_id),
                          std::string(StatusName(s.status)), IsOpen(s.status), s.created_at});
  }
  return out;
}

}  // namespace

Result<AreaSummary> AreaSignals::InDistrict(std::string_view district_code, std::string_view locale, int limit) const {
  WP_ASSIGN_OR_RETURN(AreaSummary out,
                      Summarise(commands_, "district_code", {std::string(district_code)}, locale, limit));
  out.districts = {std::string(district_code)};
  return out;
}

Result<AreaSummary> AreaSignals::InNeighbourhoods(const std::set<std::string>& neighbourhoods, std::string_view locale,
                                                  int limit) const {
  std::vector<std::string> codes(neighbourhoods.begin(), neighbourhoods.end());
  WP_ASSIGN_OR_RETURN(AreaSummary out, Summarise(commands_, "neighbourhood_code", codes, locale, limit));
  auto m = commands_.geography().current();
  std::set<std::string> districts;
  for (const auto& code : codes) {
    auto parsed = geography::NeighbourhoodCode::Parse(code);
    const geography::Neighbourhood* n = parsed ? geography::FindNeighbourhood(*m, *parsed) : nullptr;
    if (n) districts.insert(n->district_code.str());
  }
  out.districts.assign(districts.begin(), districts.end());
  return out;
}

std::string AreaSignals::DistrictSection(std::string_view district_code, std::string_view locale) const {
  return Section(InDistrict(district_code, locale, kSectionLines), locale, "");
}

std::string AreaSignals::AreaSection(const std::set<std::string>& neighbourhoods, std::string_view locale,
                                     const std::string& trends_href) const {
  return Section(InNeighbourhoods(neighbourhoods, locale, kSectionLines), locale, trends_href);
}

std::string AreaSignals::Section(const Result<AreaSummary>& summary, std::string_view locale,
                                 const std::string& trends_href) const {
  const i18n::Catalog& catalog = commands_.catalog();
  auto text = [&](std::string_view key, const i18n::Args& args) {
    return html::Escape(catalog.Format(locale, key, args));
  };
  std::string out =
      "<section class=\"wp-area-signals\" aria-labelledby=\"wp-area-signals-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-area-signals-heading\">" +
      text("signals.area.heading", {}) + "</h2>";
  if (!summary.has_value()) {
    return out + "<p class=\"utrecht-paragraph\">" + text("signals.area.unavailable", {}) + "</p></section>";
  }
  out += "<p class=\"utrecht-paragraph\">" +
         text("signals.area.counts", {{"count", summary->on_list}, {"open", summary->open}}) + "</p>";
  if (!summary->latest.empty()) {
    out += "<ul class=\"utrecht-unordered-list\">";
    for (const auto& s : summary->latest) {
      // "M-46 Groen: Boom of tak — Gemeld (9 november 2026)"
      out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/meldingen/" +
             std::to_string(s.id) + "\">" + html::Escape(s.number) + "</a> " + html::Escape(s.category) + " — " +
             text("signals.status." + s.status, {}) + " (" +
             html::Escape(time::FormatDate(commands_.zone(), s.created_at, locale)) + ")</li>";
    }
    out += "</ul>";
  }
  out += "<ul class=\"utrecht-unordered-list\">";
  auto m = commands_.geography().current();
  for (const auto& code : summary->districts) {
    auto parsed = geography::DistrictCode::Parse(code);
    const geography::District* d = parsed ? geography::FindDistrict(*m, *parsed) : nullptr;
    if (!d) continue;
    out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/meldingen/wijk/" +
           html::Escape(code) + "\">" + text("signals.area.all_in", {{"wijk", d->name}}) + "</a></li>";
  }
  if (!trends_href.empty()) {
    out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"" + html::Escape(trends_href) +
           "\">" + text("signals.area.trends", {}) + "</a></li>";
  }
  out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/meldingen/nieuw\">" +
         text("signals.report.title", {}) + "</a></li></ul></section>";
  return out;
}

}  // namespace wp::signals
