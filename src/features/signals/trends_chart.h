// The SVG bar chart of one category's reports per month on the trends page.
// The numbers are also in the page's table; the chart is an image with a
// text alternative. Pure (no I/O).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wp::signals {

struct TrendChart {
  std::string id;                   // unique on the page, for aria-labelledby
  std::string title;                // the text alternative: what the chart shows, with the total
  std::vector<std::string> labels;  // under each bar ("jan"), oldest first
  std::vector<int64_t> counts;      // one per label
};

// A standalone <svg role="img"> with a <title>, one bar per month (each with
// its own <title> "label: count"), the labels under the bars and the highest
// count on the axis. Text is escaped.
std::string TrendChartSvg(const TrendChart& chart);

}  // namespace wp::signals
