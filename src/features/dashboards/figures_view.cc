#include "features/dashboards/figures_view.h"

#include <algorithm>

#include "core/money.h"
#include "core/web/components.h"
#include "features/dashboards/bar_chart.h"

namespace wp::dashboards {

namespace {

using nlohmann::json;

const BandedRow* RowOf(const YearFigures& f, const std::string& measure, const std::string& key) {
  auto m = f.reach.find(measure);
  if (m == f.reach.end()) return nullptr;
  auto r = m->second.find(key);
  return r == m->second.end() ? nullptr : &r->second;
}

std::vector<web::Cell> RowCells(const web::Context& ctx, const std::string& name, const BandedRow* row,
                                const YearFigures& f) {
  std::vector<web::Cell> cells{{name, ""}};
  for (int q = 0; q < f.quarters; ++q) {
    cells.push_back(
        {row ? BandText(ctx, row->values[static_cast<size_t>(q)]) : ctx.T("dashboards.not_per_buurt"), "", true});
  }
  cells.push_back({row ? BandText(ctx, row->total) : ctx.T("dashboards.not_per_buurt"), "", true});
  return cells;
}

json MeasureSection(const web::Context& ctx, const YearFigures& f, const std::string& measure, const AreaRef& self,
                    const std::vector<AreaRef>& children, bool children_are_buurten) {
  std::string name = ctx.T("dashboards.measure." + measure);
  bool per_child = !(children_are_buurten && IsDistrictMeasure(measure));
  std::vector<Bar> bars;
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& child : children) {
    const BandedRow* row = per_child ? RowOf(f, measure, child.key) : nullptr;
    if (per_child && row) {
      bars.push_back({child.name, BandText(ctx, row->total), row->total ? row->total->low : 0});
    }
    rows.push_back(RowCells(ctx, child.name, row, f));
  }
  rows.push_back(RowCells(ctx, ctx.T("dashboards.area.total", {{"area", self.name}}), RowOf(f, measure, self.key), f));
  std::vector<std::string> headings{ctx.T("dashboards.area.area")};
  for (const auto& h : QuarterHeadings(ctx, f)) headings.push_back(h);
  std::string caption = ctx.T("dashboards.measure.caption", {{"measure", name}, {"area", self.name}});
  json section = {{"name", name},
                  {"intro", ctx.T("dashboards.measure." + measure + "_intro")},
                  {"table", web::Table(caption, headings, rows)}};
  // A chart only when it shows something: every bar at 0 says no more than the table.
  bool drawn = std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.size > 0; });
  if (drawn && f.quarters > 0) {
    section["chart_html"] = BarChartSvg("chart-" + measure, caption, bars);
  }
  if (!per_child) section["not_per_buurt"] = ctx.T("dashboards.measure.per_wijk_only");
  return section;
}

}  // namespace

std::string BandText(const i18n::Catalog& catalog, std::string_view locale, const std::optional<Band>& band) {
  if (!band) return catalog.Format(locale, "dashboards.small");
  if (band->high == 0) return "0";
  return catalog.Format(locale, "dashboards.band", {{"low", band->low}, {"high", band->high}});
}

std::string BandText(const web::Context& ctx, const std::optional<Band>& band) {
  return BandText(*ctx.catalog, ctx.locale, band);
}

std::vector<std::string> QuarterHeadings(const web::Context& ctx, const YearFigures& f) {
  std::vector<std::string> out;
  for (int q = 1; q <= f.quarters; ++q) out.push_back(ctx.T("dashboards.quarter", {{"n", q}}));
  out.push_back(ctx.T(f.year_ended ? "dashboards.whole_year" : "dashboards.year_so_far"));
  return out;
}

json MeasureSections(const web::Context& ctx, const YearFigures& f, const AreaRef& self,
                     const std::vector<AreaRef>& children, bool children_are_buurten) {
  json out = json::array();
  for (std::string_view m : kMeasures) {
    out.push_back(MeasureSection(ctx, f, std::string(m), self, children, children_are_buurten));
  }
  return out;
}

json TopicsTable(const web::Context& ctx, const YearFigures& f, const AreaRef& self) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& theme : f.themes) {
    auto t = f.topics.find(theme.slug);
    if (t == f.topics.end()) continue;
    auto r = t->second.find(self.key);
    if (r == t->second.end()) continue;
    const std::string& name = ctx.locale == "en" && !theme.name_en.empty() ? theme.name_en : theme.name;
    rows.push_back(RowCells(ctx, name, &r->second, f));
  }
  if (rows.empty()) return nullptr;
  std::vector<std::string> headings{ctx.T("dashboards.topics.theme")};
  for (const auto& h : QuarterHeadings(ctx, f)) headings.push_back(h);
  return web::Table(ctx.T("dashboards.topics.caption", {{"area", self.name}}), headings, rows);
}

json PopulationFacts(const web::Context& ctx, const AreaRef& self) {
  if (!self.cbs || !self.cbs->population) return nullptr;
  std::vector<web::SummaryRow> rows{
      {ctx.T("dashboards.cbs.population"), i18n::Arg(*self.cbs->population).Format(ctx.locale), ""}};
  if (self.cbs->men) rows.push_back({ctx.T("dashboards.cbs.men"), i18n::Arg(*self.cbs->men).Format(ctx.locale), ""});
  if (self.cbs->women) {
    rows.push_back({ctx.T("dashboards.cbs.women"), i18n::Arg(*self.cbs->women).Format(ctx.locale), ""});
  }
  if (self.cbs->dwellings) {
    rows.push_back({ctx.T("dashboards.cbs.dwellings"), i18n::Arg(*self.cbs->dwellings).Format(ctx.locale), ""});
  }
  return web::SummaryList(rows);
}

std::string TurnoutRangeText(const i18n::Catalog& catalog, std::string_view locale, const std::optional<Turnout>& t) {
  if (!t) return catalog.Format(locale, "dashboards.rounds.turnout_hidden");
  if (t->low == t->high) return catalog.Format(locale, "dashboards.rounds.turnout_exact", {{"percent", t->low}});
  return catalog.Format(locale, "dashboards.rounds.turnout_range", {{"low", t->low}, {"high", t->high}});
}

std::string TurnoutText(const i18n::Catalog& catalog, std::string_view locale, const RoundFigures& r) {
  if (!r.counted) return catalog.Format(locale, "dashboards.rounds.not_counted");
  return TurnoutRangeText(catalog, locale, r.turnout);
}

json TurnoutSections(const web::Context& ctx, const YearFigures& f, const AreaRef& self,
                     const std::vector<AreaRef>& children) {
  json out = json::array();
  auto cells = [&](const std::string& name, const AreaTurnout& a) {
    return std::vector<web::Cell>{{name, ""},
                                  {BandText(ctx, a.eligible), "", true},
                                  {BandText(ctx, a.voters), "", true},
                                  {TurnoutRangeText(*ctx.catalog, ctx.locale, a.turnout), "", true}};
  };
  for (const auto& r : f.rounds) {
    auto mine = r.areas.find(self.key);
    if (mine == r.areas.end() || (mine->second.eligible && mine->second.eligible->high == 0)) continue;
    std::vector<std::vector<web::Cell>> rows;
    for (const auto& child : children) {
      auto it = r.areas.find(child.key);
      if (it != r.areas.end()) rows.push_back(cells(child.name, it->second));
    }
    rows.push_back(cells(ctx.T("dashboards.area.total", {{"area", self.name}}), mine->second));
    std::vector<std::string> headings{ctx.T("dashboards.area.area"), ctx.T("dashboards.rounds.eligible"),
                                      ctx.T("dashboards.turnout.voters"), ctx.T("dashboards.rounds.turnout")};
    out.push_back({{"round", r.title},
                   {"table", web::Table(ctx.T("dashboards.turnout.caption", {{"round", r.title}, {"area", self.name}}),
                                        headings, rows)}});
  }
  return out;
}

std::vector<std::string> RoundHeadings(const i18n::Catalog& catalog, std::string_view locale) {
  std::vector<std::string> out;
  for (const char* key : {"dashboards.rounds.round", "dashboards.period", "dashboards.rounds.area",
                          "dashboards.rounds.eligible", "dashboards.rounds.ballots", "dashboards.rounds.turnout",
                          "dashboards.rounds.budget", "dashboards.rounds.funded", "dashboards.rounds.funded_plans"}) {
    out.push_back(catalog.Format(locale, key));
  }
  return out;
}

std::vector<std::string> RoundRow(const i18n::Catalog& catalog, std::string_view locale, const RoundFigures& r,
                                  const geography::Municipality& m) {
  std::string area = catalog.Format(locale, "dashboards.rounds.whole_city", {{"area", m.name}});
  for (const auto& b : m.boroughs) {
    if (!r.borough_slug.empty() && b.slug == r.borough_slug) area = b.name;
  }
  return {r.title,
          catalog.Format(locale, "dashboards.quarter", {{"n", r.quarter}}),
          area,
          BandText(catalog, locale, r.eligible),
          r.counted ? BandText(catalog, locale, r.ballots) : catalog.Format(locale, "dashboards.rounds.not_counted"),
          TurnoutText(catalog, locale, r),
          i18n::Arg(Money{r.budget_cents}).Format(locale),
          i18n::Arg(Money{r.funded_cents}).Format(locale),
          i18n::Arg(r.funded_plans).Format(locale)};
}

json YearOptions(int shown, int newest) {
  json out = json::array();
  for (int y = newest; y >= newest - 4; --y) out.push_back({{"value", y}, {"selected", y == shown}});
  return out;
}

}  // namespace wp::dashboards
