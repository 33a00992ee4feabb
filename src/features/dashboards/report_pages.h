// The evaluation report (/cijfers/rapport?van=&tot=, printable; /pdf) and the
// open data (/cijfers/open-data: the list, each dataset as CSV or XLSX per
// year, the DCAT-AP-NL catalogue). Public, counts only. Thread-safe.
#pragma once

#include <string>

#include "core/web/web.h"
#include "features/dashboards/figures.h"

namespace wp::dashboards {

struct OpenDataSettings {
  std::string base_url;        // links in the catalogue
  std::string publisher_name;  // "Gemeente Haarlem"
  // The licence of the datasets: CC0 1.0 (default) or CC BY 4.0.
  std::string licence_url = "http://creativecommons.org/publicdomain/zero/1.0/";
};

class ReportPages {
 public:
  ReportPages(const web::Web& web, const DashboardFigures& figures, OpenDataSettings settings)
      : web_(web), figures_(figures), settings_(std::move(settings)) {}

  Result<http::Response> Report(web::Context& ctx);     // GET /cijfers/rapport[?van=&tot=]
  Result<http::Response> ReportPdf(web::Context& ctx);  // GET /cijfers/rapport/pdf?van=&tot=
  Result<http::Response> OpenData(web::Context& ctx);   // GET /cijfers/open-data
  Result<http::Response> Download(web::Context& ctx);   // GET /cijfers/open-data/{dataset}/{format}?jaar=
  Result<http::Response> Catalogue(web::Context& ctx);  // GET /cijfers/open-data/catalogus.jsonld

 private:
  const web::Web& web_;
  const DashboardFigures& figures_;
  OpenDataSettings settings_;
};

}  // namespace wp::dashboards
