#include "features/contracts/progress_chart.h"

#include "core/html/escape.h"

namespace wp::contracts {

namespace {

constexpr int kWidth = 600;
constexpr int kBarHeight = 32;
constexpr int kLegendLine = 22;

}  // namespace

std::string ThemeChartSvg(const ThemeChart& chart) {
  int total = 0;
  for (const auto& p : chart.parts) total += p.count;
  int height = kBarHeight + 12 + kLegendLine * static_cast<int>(chart.parts.size());
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-theme-chart\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) + "\" aria-labelledby=\"" +
                    html::Escape(chart.id) + "-title\"><title id=\"" + html::Escape(chart.id) + "-title\">" +
                    html::Escape(chart.title) + "</title>";
  out += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(kBarHeight) +
         "\" fill=\"#f0f0f0\" stroke=\"#6b6b6b\"/>";
  int x = 0;
  for (const auto& p : chart.parts) {
    if (p.count == 0 || total == 0) continue;
    int w = p.count * kWidth / total;
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"0\" width=\"" + std::to_string(w) + "\" height=\"" +
           std::to_string(kBarHeight) + "\" fill=\"" + html::Escape(p.colour) + "\"><title>" + html::Escape(p.label) +
           ": " + std::to_string(p.count) + "</title></rect>";
    x += w;
  }
  int y = kBarHeight + 12;
  for (const auto& p : chart.parts) {
    out += "<rect x=\"0\" y=\"" + std::to_string(y) + "\" width=\"14\" height=\"14\" fill=\"" + html::Escape(p.colour) +
           "\"/><text x=\"22\" y=\"" + std::to_string(y + 12) + "\" font-size=\"14\" fill=\"#222222\">" +
           html::Escape(p.label) + ": " + std::to_string(p.count) + "</text>";
    y += kLegendLine;
  }
  return out + "</svg>";
}

}  // namespace wp::contracts
