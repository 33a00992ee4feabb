#include "features/dashboards/report_pages.h"

#include "core/web/components.h"
#include "features/dashboards/area_pages.h"
#include "features/dashboards/figures_view.h"
#include "features/dashboards/open_data.h"
#include "features/dashboards/periods.h"
#include "features/dashboards/report.h"

namespace wp::dashboards {

namespace {

using nlohmann::json;
using web::Context;

constexpr int kMaxReportYears = 4;

struct Span {
  int from = 0, to = 0;
};

// The years of ?van=&tot= (default: the default year alone). Errors:
// kNotFound "dashboards.error.bad_period" when `to` comes before `from` or
// the span is longer than four years.
Result<Span> Period(const Context& ctx, const DashboardFigures& figures) {
  int fallback = figures.DefaultYear();
  WP_ASSIGN_OR_RETURN(int from, YearQuery(ctx, "van", fallback));
  WP_ASSIGN_OR_RETURN(int to, YearQuery(ctx, "tot", from));
  if (to < from || to - from >= kMaxReportYears) return NotFound("bad period", "dashboards.error.bad_period");
  return Span{from, to};
}

Result<dashboards::Report> Build(const Context& ctx, const DashboardFigures& figures, Span span) {
  std::vector<std::shared_ptr<const YearFigures>> years;
  for (int y = span.from; y <= span.to; ++y) {
    WP_ASSIGN_OR_RETURN(auto f, figures.Year(y));
    years.push_back(f);
  }
  return BuildReport(*ctx.catalog, ctx.locale, years, *figures.municipality());
}

json BlocksJson(const dashboards::Report& r) {
  json out = json::array();
  for (const auto& b : r.blocks) {
    if (b.kind == ReportBlock::Kind::kTable) {
      std::vector<std::vector<web::Cell>> rows;
      for (const auto& row : b.table.rows) {
        std::vector<web::Cell> cells;
        for (size_t i = 0; i < row.size(); ++i) cells.push_back({row[i], "", i > 0});
        rows.push_back(std::move(cells));
      }
      out.push_back({{"table", web::Table(b.table.caption, b.table.headings, rows)}});
    } else {
      out.push_back({{b.kind == ReportBlock::Kind::kHeading ? "heading" : "paragraph", b.text}});
    }
  }
  return out;
}

std::string Query(Span s) { return "?van=" + std::to_string(s.from) + "&tot=" + std::to_string(s.to); }

}  // namespace

Result<http::Response> ReportPages::Report(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Span span, Period(ctx, figures_));
  WP_ASSIGN_OR_RETURN(auto report, Build(ctx, figures_, span));
  int newest = std::max(figures_.DefaultYear(), span.to);
  json data = {{"title", report.title},
               {"blocks", BlocksJson(report)},
               {"from_years", YearOptions(span.from, newest)},
               {"to_years", YearOptions(span.to, newest)},
               {"pdf_href", "/cijfers/rapport/pdf" + Query(span)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("dashboards.nav"), "/cijfers"},
                                               {ctx.T("dashboards.report.nav"), ""}})}};
  return web_.Render(ctx, "dashboards/report.html", "dashboards.report.nav", data);
}

Result<http::Response> ReportPages::ReportPdf(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Span span, Period(ctx, figures_));
  WP_ASSIGN_OR_RETURN(auto report, Build(ctx, figures_, span));
  // Dated at the end of the period, never at the time of making.
  WP_ASSIGN_OR_RETURN(std::string pdf, DrawReportPdf(report, QuarterBounds(figures_.zone(), span.to).back()));
  http::Response r;
  r.headers.Set("Content-Type", "application/pdf");
  r.headers.Set("Content-Disposition", "attachment; filename=\"evaluatie-" + std::to_string(span.from) + "-" +
                                           std::to_string(span.to) + ".pdf\"");
  r.body = std::move(pdf);
  return r;
}

Result<http::Response> ReportPages::OpenData(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  json sets = json::array();
  for (std::string_view slug : kDatasets) {
    std::string base = "/cijfers/open-data/" + std::string(slug) + "/";
    std::string q = "?jaar=" + std::to_string(f->year);
    sets.push_back({{"name", ctx.T("dashboards.open_data." + std::string(slug))},
                    {"description", ctx.T("dashboards.open_data." + std::string(slug) + "_intro")},
                    {"csv", base + "csv" + q},
                    {"xlsx", base + "xlsx" + q}});
  }
  json data = {{"action", "/cijfers/open-data"},
               {"years", YearOptions(f->year, std::max(figures_.DefaultYear(), f->year))},
               {"datasets", sets},
               {"breadcrumb", web::Breadcrumb({{ctx.T("dashboards.nav"), "/cijfers"},
                                               {ctx.T("dashboards.open_data.title"), ""}})}};
  return web_.Render(ctx, "dashboards/open_data.html", "dashboards.open_data.title", data);
}

Result<http::Response> ReportPages::Download(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  std::string_view format = ctx.Param("format");
  if (format != "csv" && format != "xlsx") return NotFound("no such format", "dashboards.error.no_dataset");
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  auto set = BuildDataset(ctx.Param("dataset"), *f, *figures_.municipality());
  if (!set) return NotFound("no such dataset", "dashboards.error.no_dataset");
  http::Response r;
  std::string name = set->slug + "-" + std::to_string(year) + "." + std::string(format);
  if (format == "csv") {
    r.headers.Set("Content-Type", "text/csv; charset=utf-8");
    r.body = ToCsv(*set);
  } else {
    r.headers.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    WP_ASSIGN_OR_RETURN(r.body, ToXlsx(*set, QuarterBounds(figures_.zone(), year).back()));
  }
  r.headers.Set("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

Result<http::Response> ReportPages::Catalogue(Context&) {
  CatalogueInfo info;
  info.base_url = settings_.base_url;
  info.publisher_name = settings_.publisher_name;
  info.municipality_code = figures_.municipality()->code.str();
  info.licence_url = settings_.licence_url;
  for (int y = figures_.DefaultYear(); y > figures_.DefaultYear() - 4; --y) info.years.push_back(y);
  http::Response r;
  r.headers.Set("Content-Type", "application/ld+json");
  r.body = DcatCatalogue(info);
  return r;
}

}  // namespace wp::dashboards
