#include "features/signals/trends_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/signals/permissions.h"
#include "features/signals/signal_view.h"
#include "features/signals/trends_chart.h"

namespace wp::signals {

using nlohmann::json;

namespace {

// "januari 2026" and the bar's short label ("jan", "mrt").
std::pair<std::string, std::string> MonthLabels(const std::string& month, std::string_view locale) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  std::string name(time::MonthName(m, locale));
  std::string shorter = (locale == "nl" && m == 3) ? "mrt" : name.substr(0, 3);
  return {name + " " + std::to_string(y), shorter};
}

}  // namespace

std::string TrendsPath(const std::string& platform_slug) {
  return "/wijkplatform/" + platform_slug + "/meldingen/trends";
}

Result<http::Response> TrendsPages::Show(web::Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, platforms_.PlatformOf(ctx.Param("slug")));
  if (!ctx.user || !CanViewTrends(*ctx.user, std::to_string(p.id), p.borough_slug)) {
    return Forbidden("trends of a platform's area: its kernteam only");
  }
  std::vector<std::string> area(p.area.begin(), p.area.end());
  WP_ASSIGN_OR_RETURN(Trends trends, commands_.TrendsFor(area, kTrendMonths));
  WP_ASSIGN_OR_RETURN(auto categories, commands_.Categories());
  std::vector<std::string> headings = {ctx.T("signals.trends.category")};
  std::vector<std::string> short_labels;
  for (const auto& m : trends.months) {
    auto [full, shorter] = MonthLabels(m, ctx.locale);
    headings.push_back(full);
    short_labels.push_back(shorter);
  }
  headings.push_back(ctx.T("signals.trends.total"));
  std::vector<std::vector<web::Cell>> rows;
  json charts = json::array();
  std::vector<int64_t> totals(trends.months.size(), 0);
  auto number_cells = [](std::vector<web::Cell>& cells, const std::vector<int64_t>& counts) {
    int64_t total = 0;
    for (int64_t c : counts) {
      cells.push_back({.text = std::to_string(c), .numeric = true});
      total += c;
    }
    cells.push_back({.text = std::to_string(total), .numeric = true});
    return total;
  };
  for (const auto& row : trends.rows) {
    std::string name = CategoryLabel(ctx, categories, row.category_id);
    std::vector<web::Cell> cells = {{.text = name}};
    int64_t total = number_cells(cells, row.per_month);
    rows.push_back(std::move(cells));
    for (size_t i = 0; i < row.per_month.size() && i < totals.size(); ++i) totals[i] += row.per_month[i];
    if (total == 0) continue;
    TrendChart chart{"wp-trend-" + std::to_string(row.category_id),
                     ctx.T("signals.trends.chart_title", {{"category", name}, {"count", total}}), short_labels,
                     row.per_month};
    charts.push_back({{"heading", name}, {"svg_html", TrendChartSvg(chart)}});
  }
  std::vector<web::Cell> total_cells = {{.text = ctx.T("signals.trends.total")}};
  int64_t all = number_cells(total_cells, totals);
  rows.push_back(std::move(total_cells));
  json data = {
      {"title", ctx.T("signals.trends.title", {{"platform", p.name}})},
      {"intro", ctx.T("signals.trends.intro", {{"months", kTrendMonths}, {"count", all}})},
      {"table", web::Table(ctx.T("signals.trends.caption"), headings, rows)},
      {"charts", charts},
      {"breadcrumb", web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug}, {ctx.T("signals.trends.crumb"), ""}})}};
  if (charts.empty()) data["empty"] = web::EmptyState(ctx.T("signals.trends.empty"));
  return web_.Render(ctx, "signals/trends.html", "", data);
}

}  // namespace wp::signals
