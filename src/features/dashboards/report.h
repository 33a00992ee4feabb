// The evaluation report for the council: for one to four whole years, the
// reach per stadsdeel, the topics and the outcomes, in plain Dutch (B1), as
// blocks that the printable page and the PDF both show. The same figures give
// the same report (no time of making in it). Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/result.h"
#include "features/dashboards/figures.h"
#include "features/geography/geography.h"

namespace wp::dashboards {

struct ReportTable {
  std::string caption;
  std::vector<std::string> headings;
  std::vector<std::vector<std::string>> rows;
};

struct ReportBlock {
  enum class Kind { kHeading, kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;   // heading or paragraph
  ReportTable table;  // kTable
};

struct Report {
  std::string title;
  std::vector<ReportBlock> blocks;
};

// The report of `years` (oldest first) in `locale`.
Report BuildReport(const i18n::Catalog& catalog, const std::string& locale,
                   const std::vector<std::shared_ptr<const YearFigures>>& years, const geography::Municipality& m);

// The report as an A4 PDF drawn with cairo. The document's dates are fixed
// to `dated` (unix seconds), so the same report gives the same bytes.
// Errors: kUnavailable when cairo fails.
Result<std::string> DrawReportPdf(const Report& report, int64_t dated);

}  // namespace wp::dashboards
