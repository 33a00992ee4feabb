// Accessible horizontal bar charts as inline SVG (role="img", <title> and
// <desc>); the page shows the same numbers in a table. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wp::voting {

struct Bar {
  std::string label;   // plan title
  int64_t value = 0;   // length of the bar
  std::string shown;   // the value as text, e.g. "€ 12.000" or "41"
  bool marked = false; // chosen plans: darker bar and a text mark (not colour alone)
};

// `id` must be unique on the page; `mark_text` is appended to marked labels,
// e.g. "(gekozen)".
std::string BarChartSvg(const std::string& id, const std::string& title, const std::string& description,
                        const std::vector<Bar>& bars, const std::string& mark_text);

}  // namespace wp::voting
