#include "features/signals/trends_chart.h"

#include <algorithm>

#include "core/html/escape.h"

namespace wp::signals {

namespace {

constexpr int kBarWidth = 32, kGap = 10, kLeft = 36, kTop = 12, kPlot = 120, kBottom = 28;

}  // namespace

std::string TrendChartSvg(const TrendChart& chart) {
  const int n = static_cast<int>(chart.counts.size());
  const int width = kLeft + n * (kBarWidth + kGap) + kGap;
  const int height = kTop + kPlot + kBottom;
  int64_t max = 1;
  for (int64_t c : chart.counts) max = std::max(max, c);
  const std::string id = html::Escape(chart.id);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-trend-chart\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" aria-labelledby=\"" + id + "-title\"><title id=\"" +
                    id + "-title\">" + html::Escape(chart.title) + "</title>";
  const int base = kTop + kPlot;
  // The axis: a base line and the highest count at its top.
  out += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(base) + "\" x2=\"" +
         std::to_string(width) + "\" y2=\"" + std::to_string(base) + "\" stroke=\"#333333\"/>";
  out += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(kTop + 10) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#222222\">" + std::to_string(max) + "</text>";
  out += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(base) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#222222\">0</text>";
  for (int i = 0; i < n; ++i) {
    const int64_t count = chart.counts[static_cast<size_t>(i)];
    const int bar = static_cast<int>(count * kPlot / max);
    const int x = kLeft + kGap + i * (kBarWidth + kGap);
    const std::string label = i < static_cast<int>(chart.labels.size()) ? chart.labels[static_cast<size_t>(i)] : "";
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(base - bar) + "\" width=\"" +
           std::to_string(kBarWidth) + "\" height=\"" + std::to_string(bar) + "\" fill=\"#1f5f8b\"><title>" +
           html::Escape(label) + ": " + std::to_string(count) + "</title></rect>";
    out += "<text x=\"" + std::to_string(x + kBarWidth / 2) + "\" y=\"" + std::to_string(base + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222222\">" + html::Escape(label) + "</text>";
  }
  return out + "</svg>";
}

}  // namespace wp::signals
