// A horizontal bar chart as inline SVG for the dashboards: one bar per area,
// its length the lower end of the count's band; a hidden count gets no bar and
// the text "fewer than 10". The page shows the same numbers in a table next to
// it. Pure (no I/O); text is escaped.
#pragma once

#include <string>
#include <vector>

namespace wp::dashboards {

struct Bar {
  std::string label;   // "Schalkwijk"
  std::string text;    // what the bar says: "120 tot 129", "minder dan 10"
  long long size = 0;  // bar length in the chart's unit (0: no bar)
};

// A standalone <svg role="img"> with `title` as its text alternative.
std::string BarChartSvg(const std::string& id, const std::string& title, const std::vector<Bar>& bars);

}  // namespace wp::dashboards
