#include "features/voting/bar_chart.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::voting {

namespace {

std::string Escape(const std::string& s) { return HtmlEscape(s); }

}  // namespace

std::string BarChartSvg(const std::string& id, const std::string& title, const std::string& description,
                        const std::vector<Bar>& bars, const std::string& mark_text) {
  const int kRow = 44, kLabelHeight = 18, kBarHeight = 18, kWidth = 640, kBarMax = 480;
  const int height = std::max<int>(1, static_cast<int>(bars.size())) * kRow + 8;
  int64_t max_value = 1;
  for (const auto& b : bars) max_value = std::max(max_value, b.value);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-chart\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) + "\" aria-labelledby=\"" + id +
                    "-title " + id + "-desc\">\n";
  svg += "<title id=\"" + id + "-title\">" + Escape(title) + "</title>\n";
  svg += "<desc id=\"" + id + "-desc\">" + Escape(description) + "</desc>\n";
  int y = 4;
  for (const auto& b : bars) {
    const int64_t w = b.value <= 0 ? 0 : std::max<int64_t>(2, b.value * kBarMax / max_value);
    std::string label = b.label + (b.marked ? " " + mark_text : "");
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"14\" fill=\"#1a1a1a\">" + Escape(label) +
           "</text>\n";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + kLabelHeight + 2) + "\" width=\"" + std::to_string(w) +
           "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" + (b.marked ? "#00587a" : "#8fb8c9") +
           "\"" + (b.marked ? "" : " stroke=\"#00587a\" stroke-dasharray=\"4 2\"") + "/>\n";
    svg += "<text x=\"" + std::to_string(w + 6) + "\" y=\"" + std::to_string(y + kLabelHeight + 16) +
           "\" font-size=\"14\" fill=\"#1a1a1a\">" + Escape(b.shown) + "</text>\n";
    y += kRow;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace wp::voting
