#include "features/livepolls/results_view.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::livepolls {

namespace {

using nlohmann::json;

std::vector<std::string> Labels(const web::Context& ctx, const Question& q) {
  if (q.kind != QuestionKind::kScale) return q.options;
  std::vector<std::string> out;
  for (int i = 1; i <= q.scale_max; ++i) out.push_back(std::to_string(i));
  (void)ctx;
  return out;
}

}  // namespace

std::string BarsSvg(const std::vector<std::string>& labels, const std::vector<int64_t>& counts,
                    const std::string& title) {
  constexpr int kWidth = 800, kRow = 48, kLabel = 260, kBar = 440;
  int64_t max = 1;
  for (int64_t c : counts) max = std::max(max, c);
  int height = static_cast<int>(labels.size()) * kRow + 8;
  std::string svg = "<svg class=\"wp-poll-bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) + "\" role=\"img\" aria-label=\"";
  AppendHtmlEscaped(svg, title);
  svg += "\">";
  for (size_t i = 0; i < labels.size(); ++i) {
    int64_t n = i < counts.size() ? counts[i] : 0;
    int y = static_cast<int>(i) * kRow + 4;
    int w = static_cast<int>(n * kBar / max);
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 30) + "\" font-size=\"22\" fill=\"#1a1a1a\">";
    AppendHtmlEscaped(svg, labels[i]);
    svg += "</text><rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 6) + "\" width=\"" +
           std::to_string(std::max(w, 2)) + "\" height=\"34\" fill=\"#00589e\"/>";
    svg += "<text x=\"" + std::to_string(kLabel + std::max(w, 2) + 10) + "\" y=\"" + std::to_string(y + 31) +
           "\" font-size=\"24\" font-weight=\"bold\" fill=\"#1a1a1a\">" + std::to_string(n) + "</text>";
  }
  return svg + "</svg>";
}

std::string WordCloudSvg(const std::vector<WordCount>& words, const std::string& title) {
  CloudLayout layout = LayoutCloud(words, 800);
  std::string svg = "<svg class=\"wp-poll-cloud\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 " +
                    std::to_string(std::max(layout.height + 16, 40)) + "\" role=\"img\" aria-label=\"";
  AppendHtmlEscaped(svg, title);
  svg += "\">";
  const char* colours[] = {"#00589e", "#1a1a1a", "#8a2e00", "#2d5c1a"};
  for (size_t i = 0; i < layout.words.size(); ++i) {
    const auto& p = layout.words[i];
    svg += "<text x=\"" + std::to_string(p.x) + "\" y=\"" + std::to_string(p.y) + "\" font-size=\"" +
           std::to_string(p.font_size) + "\" text-anchor=\"middle\" fill=\"" + colours[i % 4] + "\">";
    AppendHtmlEscaped(svg, p.word);
    svg += "</text>";
  }
  return svg + "</svg>";
}

json QuestionJson(const web::Context& ctx, const QuestionResult& r, bool moderate) {
  const Question& q = r.question;
  json out = {{"id", q.id},
              {"number", q.position + 1},
              {"text", q.text},
              {"kind", ctx.T("livepolls.kind." + std::string(KindName(q.kind)))},
              {"answers", ctx.T("livepolls.results.answers", {{"count", r.answers}})},
              {"is_open", q.kind == QuestionKind::kOpen}};
  json rows = json::array();
  if (q.kind == QuestionKind::kOpen) {
    for (const auto& w : r.words) rows.push_back({{"label", w.word}, {"count", w.count}});
    out["cloud_html"] = r.words.empty() ? "" : WordCloudSvg(r.words, ctx.T("livepolls.results.cloud_label"));
    out["no_words"] = r.words.empty();
    json open = json::array();
    for (const auto& a : r.open) {
      if (!moderate && a.hidden) continue;
      open.push_back({{"id", a.id}, {"text", a.text}, {"hidden", a.hidden}});
    }
    out["open"] = open;
    out["has_open"] = moderate && !open.empty();
  } else {
    std::vector<std::string> labels = Labels(ctx, q);
    for (size_t i = 0; i < labels.size(); ++i) {
      rows.push_back({{"label", labels[i]}, {"count", i < r.counts.size() ? r.counts[i] : 0}});
    }
    out["bars_html"] = BarsSvg(labels, r.counts, ctx.T("livepolls.results.bars_label", {{"question", q.text}}));
  }
  out["rows"] = rows;
  return out;
}

json ResultsJson(const web::Context& ctx, const PollResults& r, bool moderate) {
  json questions = json::array();
  bool closed = r.poll.status == PollStatus::kClosed;
  for (const auto& q : r.questions) {
    bool current = q.question.position == r.poll.active;
    if (closed || (current && (r.poll.show_results || moderate))) questions.push_back(QuestionJson(ctx, q, moderate));
  }
  return {{"status", std::string(StatusName(r.poll.status))},
          {"active", r.poll.active},
          {"show_results", r.poll.show_results},
          {"participants", ctx.T("livepolls.results.participants", {{"count", r.participants}})},
          {"questions", questions},
          {"has_questions", !questions.empty()}};
}

}  // namespace wp::livepolls
