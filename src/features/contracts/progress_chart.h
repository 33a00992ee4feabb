// The SVG overview of one theme's commitments on the progress page: one
// stacked bar (done, on track, overdue, dropped) with a legend. The same
// numbers are in the page's table; the chart is an image with a text
// alternative. Pure (no I/O).
#pragma once

#include <string>
#include <vector>

namespace wp::contracts {

struct ChartPart {
  std::string label;  // "Klaar"
  int count = 0;
  std::string colour;  // "#2b7a3d"
};

struct ThemeChart {
  std::string id;     // unique on the page, for aria-labelledby
  std::string title;  // the text alternative: the theme and its numbers
  std::vector<ChartPart> parts;
};

// A standalone <svg role="img"> with a <title>, one rectangle per non-empty
// part (each with its own <title> "label: count") in proportion to its count,
// and a legend line "label: count" per part. Text is escaped.
std::string ThemeChartSvg(const ThemeChart& chart);

}  // namespace wp::contracts
