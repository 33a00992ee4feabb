// The outcomes page of AreaPages: per quarter what was done in time.
#include "core/web/components.h"
#include "features/dashboards/area_pages.h"
#include "features/dashboards/figures_view.h"

namespace wp::dashboards {

namespace {

using nlohmann::json;
using web::Context;

std::string CountText(const Context& ctx, const std::optional<int64_t>& v) {
  return v ? i18n::Arg(*v).Format(ctx.locale) : ctx.T("dashboards.small");
}

json OutcomeTable(const Context& ctx, const YearFigures& f, const std::string& what, const ProtectedTable& t) {
  std::vector<std::vector<web::Cell>> rows;
  auto headings = QuarterHeadings(ctx, f);
  for (size_t q = 0; q < t.cells.size(); ++q) {
    rows.push_back({{headings[q], ""},
                    {CountText(ctx, t.cells[q][0]), "", true},
                    {CountText(ctx, t.cells[q][1]), "", true},
                    {CountText(ctx, t.row_totals[q]), "", true}});
  }
  if (f.year_ended && !t.cells.empty()) {
    rows.push_back({{headings.back(), ""},
                    {CountText(ctx, t.column_totals[0]), "", true},
                    {CountText(ctx, t.column_totals[1]), "", true},
                    {CountText(ctx, t.grand_total), "", true}});
  }
  return {{"name", ctx.T("dashboards.outcomes." + what)},
          {"intro", ctx.T("dashboards.outcomes." + what + "_intro")},
          {"table", rows.empty() ? json(nullptr)
                                 : web::Table(ctx.T("dashboards.outcomes." + what),
                                              {ctx.T("dashboards.period"), ctx.T("dashboards.outcomes.in_time"),
                                               ctx.T("dashboards.outcomes.late"), ctx.T("dashboards.outcomes.total")},
                                              rows)}};
}

// Per quarter one figure: a band (`bands`) or an exact count (`counts`).
json QuarterTable(const Context& ctx, const YearFigures& f, const std::string& caption, const std::string& heading,
                  const std::vector<std::optional<Band>>* bands, const std::vector<int64_t>* counts) {
  std::vector<std::vector<web::Cell>> rows;
  auto headings = QuarterHeadings(ctx, f);
  size_t n = bands ? bands->size() : counts->size();
  for (size_t q = 0; q < n; ++q) {
    std::string text = bands ? BandText(ctx, (*bands)[q]) : i18n::Arg((*counts)[q]).Format(ctx.locale);
    rows.push_back({{headings[q], ""}, {text, "", true}});
  }
  if (rows.empty()) return nullptr;
  return web::Table(caption, {ctx.T("dashboards.period"), heading}, rows);
}

json RoundsTable(const Context& ctx, const YearFigures& f, const geography::Municipality& m) {
  if (f.rounds.empty()) return nullptr;
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& r : f.rounds) {
    std::vector<web::Cell> cells;
    auto texts = RoundRow(*ctx.catalog, ctx.locale, r, m);
    for (size_t i = 0; i < texts.size(); ++i) cells.push_back({texts[i], "", i >= 3});
    rows.push_back(std::move(cells));
  }
  return web::Table(ctx.T("dashboards.rounds.caption", {{"year", std::to_string(f.year)}}),
                    RoundHeadings(*ctx.catalog, ctx.locale), rows);
}

}  // namespace

Result<http::Response> AreaPages::Outcomes(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  json outcomes = json::array({OutcomeTable(ctx, *f, "advice", f->advice_answered),
                               OutcomeTable(ctx, *f, "signals", f->signals_handled),
                               OutcomeTable(ctx, *f, "initiatives", f->initiative_checks),
                               OutcomeTable(ctx, *f, "promises", f->promises_kept)});
  std::vector<std::vector<web::Cell>> asked;
  auto headings = QuarterHeadings(ctx, *f);
  for (size_t q = 0; q < f->advice_asked.size(); ++q) {
    asked.push_back({{headings[q], ""}, {BandText(ctx, f->advice_asked[q]), "", true}});
  }
  json data = {
      {"action", "/cijfers/uitkomsten"},
      {"years", YearOptions(f->year, std::max(figures_.DefaultYear(), f->year))},
      {"year", f->year},
      {"no_quarters", f->quarters == 0},
      {"outcomes", outcomes},
      {"asked", asked.empty() ? json(nullptr)
                              : web::Table(ctx.T("dashboards.outcomes.asked"),
                                           {ctx.T("dashboards.period"), ctx.T("dashboards.outcomes.requests")}, asked)},
      {"overdue", QuarterTable(ctx, *f, ctx.T("dashboards.outcomes.overdue"),
                               ctx.T("dashboards.outcomes.overdue_count"), &f->promises_overdue, nullptr)},
      {"forums", QuarterTable(ctx, *f, ctx.T("dashboards.outcomes.forums"), ctx.T("dashboards.outcomes.forums_count"),
                              nullptr, &f->forums_held)},
      {"rounds", RoundsTable(ctx, *f, *figures_.municipality())},
      {"no_rounds", f->rounds.empty()},
      {"breadcrumb",
       web::Breadcrumb({{ctx.T("dashboards.nav"), "/cijfers"}, {ctx.T("dashboards.outcomes.title"), ""}})}};
  return web_.Render(ctx, "dashboards/outcomes.html", "dashboards.outcomes.title", data);
}

}  // namespace wp::dashboards
