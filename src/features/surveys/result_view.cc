#include "features/surveys/result_view.h"

#include <algorithm>
#include <cstdio>

#include "core/strings.h"
#include "core/web/components.h"

namespace wp::surveys {

namespace {

using nlohmann::json;

struct Bar {
  std::string label;
  Cell cell;
};

std::vector<Bar> BarsOf(const web::Context& ctx, const Question& q, const QuestionResult& r) {
  std::vector<Bar> bars;
  bool two = q.kind == QuestionKind::kMultiple || q.kind == QuestionKind::kOpen;
  for (size_t k = 0; k < r.main.cells.size(); ++k) {
    std::string label;
    if (k + 1 == r.main.cells.size())
      label = ctx.T("surveys.results.no_answer");
    else if (two)
      label = ctx.T("surveys.results.answered");
    else if (q.kind == QuestionKind::kScale)
      label = std::to_string(k + 1);
    else
      label = q.options[k];
    if (q.kind == QuestionKind::kRanking && k + 1 < r.main.cells.size()) {
      label = ctx.T("surveys.results.first_place", {{"option", label}});
    }
    bars.push_back({label, r.main.cells[k]});
  }
  for (size_t k = 0; k < r.per_option.size(); ++k) {
    bars.push_back({ctx.T("surveys.results.chose", {{"option", q.options[k]}}), r.per_option[k].cells[0]});
  }
  return bars;
}

std::string Chart(const web::Context& ctx, const Question& q, const std::vector<Bar>& bars) {
  constexpr int kRow = 28, kLabel = 260, kWidth = 640, kBarMax = 300;
  int64_t max = 1;
  for (const auto& b : bars) {
    if (b.cell.shown) max = std::max(max, b.cell.count);
  }
  int height = static_cast<int>(bars.size()) * kRow + 8;
  std::string svg = "<svg class=\"wp-survey-chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) + "\" width=\"100%\" aria-labelledby=\"chart-" + std::to_string(q.id) +
                    "\"><title id=\"chart-" + std::to_string(q.id) + "\">" + HtmlEscape(q.text) + "</title>";
  for (size_t i = 0; i < bars.size(); ++i) {
    int y = static_cast<int>(i) * kRow + 4;
    const Bar& b = bars[i];
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 18) + "\" font-size=\"14\" fill=\"#1a1a1a\">" +
           HtmlEscape(b.label) + "</text>";
    std::string value = b.cell.shown ? std::to_string(b.cell.count) : ctx.T("surveys.results.fewer_than");
    int w = b.cell.shown ? static_cast<int>(kBarMax * b.cell.count / max) : 0;
    if (w > 0) {
      svg += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
             std::to_string(w) + "\" height=\"18\" fill=\"#01689b\"></rect>";
    }
    svg += "<text x=\"" + std::to_string(kLabel + w + 6) + "\" y=\"" + std::to_string(y + 18) +
           "\" font-size=\"14\" fill=\"#1a1a1a\">" + HtmlEscape(value) + "</text>";
  }
  return svg + "</svg>";
}

std::string Decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

json QuestionView(const web::Context& ctx, const Results& res, size_t i) {
  const Question& q = res.questionnaire.questions[i];
  const QuestionResult& r = res.tally.questions[i];
  auto bars = BarsOf(ctx, q, r);
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& b : bars) {
    rows.push_back(
        {{b.label, ""}, {b.cell.shown ? std::to_string(b.cell.count) : ctx.T("surveys.results.fewer_than"), "", true}});
  }
  json v = {
      {"text", q.text},
      {"chart_html", Chart(ctx, q, bars)},
      {"table", web::Table(q.text, {ctx.T("surveys.results.answer"), ctx.T("surveys.results.count")}, rows, false)},
      {"asked", r.main.total_shown ? std::to_string(r.main.total) : ctx.T("surveys.results.fewer_than")}};
  if (r.mean) v["mean"] = ctx.T("surveys.results.mean", {{"mean", Decimal(*r.mean)}});
  if (!r.mean_ranks.empty()) {
    json ranks = json::array();
    for (size_t k = 0; k < r.mean_ranks.size(); ++k) ranks.push_back(q.options[k] + ": " + Decimal(r.mean_ranks[k]));
    v["mean_ranks"] = ranks;
    v["has_mean_ranks"] = true;
  }
  json texts = json::array();
  for (const auto& a : res.accepted) {
    if (a.question_id == q.id) texts.push_back(a.text);
  }
  v["texts"] = texts;
  v["has_texts"] = !texts.empty();
  return v;
}

}  // namespace

json ResultsView(const web::Context& ctx, const Results& r) {
  json questions = json::array();
  for (size_t i = 0; i < r.tally.questions.size(); ++i) questions.push_back(QuestionView(ctx, r, i));
  json out = {{"questions", questions},
              {"responses", r.tally.responses.total_shown ? std::to_string(r.tally.responses.total)
                                                          : ctx.T("surveys.results.fewer_than")}};
  if (r.letters && *r.letters > 0 && r.tally.responses.total_shown) {
    int64_t percent = (r.tally.responses.total * 100 + *r.letters / 2) / *r.letters;
    out["rate"] = r.survey.mode == Mode::kPanel
                      ? ctx.T("surveys.results.rate_panel", {{"percent", percent}, {"members", *r.letters}})
                      : ctx.T("surveys.results.rate", {{"percent", percent}, {"letters", *r.letters}});
  }
  return out;
}

SurveyCommands::CsvLabels CsvLabelsFor(const web::Context& ctx) {
  return {ctx.T("surveys.results.question"),  ctx.T("surveys.results.answer"),   ctx.T("surveys.results.count"),
          ctx.T("surveys.results.no_answer"), ctx.T("surveys.results.answered"), ctx.T("surveys.results.fewer_than")};
}

}  // namespace wp::surveys
