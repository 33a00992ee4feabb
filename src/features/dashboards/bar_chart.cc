#include "features/dashboards/bar_chart.h"

#include <algorithm>

#include "core/xml.h"

namespace wp::dashboards {

namespace {

constexpr int kLabelWidth = 200;
constexpr int kBarWidth = 300;
constexpr int kRow = 26;

}  // namespace

std::string BarChartSvg(const std::string& id, const std::string& title, const std::vector<Bar>& bars) {
  long long max = 1;
  for (const auto& b : bars) max = std::max(max, b.size);
  int height = kRow * static_cast<int>(bars.size()) + 4;
  int width = kLabelWidth + kBarWidth + 140;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-bar-chart\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" aria-labelledby=\"" + XmlEscape(id) +
                    "-title\"><title id=\"" + XmlEscape(id) + "-title\">" + XmlEscape(title) + "</title>";
  int y = 2;
  for (const auto& b : bars) {
    long long w = b.size * kBarWidth / max;
    out += "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + 17) +
           "\" font-size=\"14\" text-anchor=\"end\" fill=\"#222222\">" + XmlEscape(b.label) + "</text>";
    if (w > 0) {
      out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             std::to_string(w) + "\" height=\"" + std::to_string(kRow - 8) + "\" fill=\"#1f5f8b\"/>";
    }
    out += "<text x=\"" + std::to_string(kLabelWidth + w + 6) + "\" y=\"" + std::to_string(y + 17) +
           "\" font-size=\"14\" fill=\"#222222\">" + XmlEscape(b.text) + "</text>";
    y += kRow;
  }
  return out + "</svg>";
}

}  // namespace wp::dashboards
