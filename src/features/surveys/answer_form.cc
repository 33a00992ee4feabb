#include "features/surveys/answer_form.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::surveys {

namespace {

using nlohmann::json;

std::optional<int> Number(std::string_view s) {
  if (s == "0") return 0;
  auto n = ParseId(Trim(s));
  if (!n || *n > 1000) return std::nullopt;
  return static_cast<int>(*n);
}

Answer ReadOne(const Question& q, const http::FormData& form) {
  Answer a;
  std::string name = FieldName(q.id);
  switch (q.kind) {
    case QuestionKind::kSingle:
      if (auto n = Number(form.Get(name))) a.choices = {*n};
      break;
    case QuestionKind::kMultiple:
      for (const auto& v : form.GetAll(name)) {
        if (auto n = Number(v)) a.choices.push_back(*n);
      }
      break;
    case QuestionKind::kScale:
      a.value = Number(form.Get(name)).value_or(0);
      break;
    case QuestionKind::kRanking: {
      std::vector<std::pair<int, int>> places;  // place, option
      for (size_t k = 0; k < q.options.size(); ++k) {
        if (auto p = Number(form.Get(name + "_" + std::to_string(k)))) places.push_back({*p, static_cast<int>(k)});
      }
      std::sort(places.begin(), places.end());
      bool distinct = std::adjacent_find(places.begin(), places.end(),
                                         [](auto x, auto y) { return x.first == y.first; }) == places.end();
      // Duplicate places make an incomplete ranking, which CheckAnswers refuses.
      for (const auto& [place, option] : places) {
        if (distinct || place == 0) a.choices.push_back(option);
      }
      if (!distinct) a.choices.resize(std::min<size_t>(a.choices.size(), 1));
      break;
    }
    case QuestionKind::kOpen:
      a.text = form.Get(name);
      break;
  }
  return a;
}

json Choices(const Question& q, const Answer* a, const std::string& type) {
  json out = json::array();
  for (size_t k = 0; k < q.options.size(); ++k) {
    bool checked =
        a != nullptr && std::find(a->choices.begin(), a->choices.end(), static_cast<int>(k)) != a->choices.end();
    out.push_back({{"value", k},
                   {"label", q.options[k]},
                   {"checked", checked},
                   {"type", type},
                   {"id", FieldName(q.id) + "-" + std::to_string(k)}});
  }
  return out;
}

json Points(const Question& q, const Answer* a) {
  json out = json::array();
  for (int p = 1; p <= q.scale_points; ++p) {
    std::string label = std::to_string(p);
    if (p == 1 && !q.low_label.empty()) label += " (" + q.low_label + ")";
    if (p == q.scale_points && !q.high_label.empty()) label += " (" + q.high_label + ")";
    out.push_back({{"value", p},
                   {"label", label},
                   {"checked", a != nullptr && a->value == p},
                   {"type", "radio"},
                   {"id", FieldName(q.id) + "-" + std::to_string(p)}});
  }
  return out;
}

json Ranking(const Question& q, const Answer* a) {
  json out = json::array();
  for (size_t k = 0; k < q.options.size(); ++k) {
    int place = 0;
    if (a != nullptr) {
      auto at = std::find(a->choices.begin(), a->choices.end(), static_cast<int>(k));
      if (at != a->choices.end() && a->choices.size() == q.options.size())
        place = static_cast<int>(at - a->choices.begin()) + 1;
    }
    json places = json::array();
    for (size_t p = 1; p <= q.options.size(); ++p)
      places.push_back({{"value", p}, {"selected", static_cast<int>(p) == place}});
    out.push_back({{"label", q.options[k]},
                   {"name", FieldName(q.id) + "_" + std::to_string(k)},
                   {"id", FieldName(q.id) + "-" + std::to_string(k)},
                   {"places", places}});
  }
  return out;
}

}  // namespace

Answers ReadAnswers(const Questionnaire& qn, const http::FormData& form) {
  Answers out;
  for (const auto& q : qn.questions) out[q.id] = ReadOne(q, form);
  return out;
}

std::set<int64_t> ReadShown(const http::FormData& form) {
  std::set<int64_t> out;
  const std::string shown = form.Get("shown");
  for (auto part : Split(shown, ',')) {
    if (auto id = ParseId(part)) out.insert(*id);
  }
  return out;
}

bool HasNewQuestions(const Questionnaire& qn, const Answers& answers, const std::set<int64_t>& shown) {
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    if (IsShown(qn, answers, i) && !shown.count(qn.questions[i].id)) return true;
  }
  return false;
}

void AddQuestions(const web::Context& ctx, const Questionnaire& qn, const Answers& answers, const web::FormView& form,
                  json& data) {
  json list = json::array();
  std::string shown;
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    if (!IsShown(qn, answers, i)) continue;
    shown += (shown.empty() ? "" : ",") + std::to_string(q.id);
    auto found = answers.find(q.id);
    const Answer* a = found == answers.end() ? nullptr : &found->second;
    json item = {{"field", FieldName(q.id)}, {"number", list.size() + 1}, {"text", q.text}, {"required", q.required}};
    std::string error = form.ErrorFor(FieldName(q.id));
    if (!error.empty()) item["error"] = error;
    if (q.kind == QuestionKind::kSingle) item["choices"] = Choices(q, a, "radio");
    if (q.kind == QuestionKind::kMultiple) item["choices"] = Choices(q, a, "checkbox");
    if (q.kind == QuestionKind::kScale) item["choices"] = Points(q, a);
    if (q.kind == QuestionKind::kRanking) item["ranking"] = Ranking(q, a);
    if (q.kind == QuestionKind::kOpen) {
      item["open"] = {{"value", a != nullptr ? a->text : ""}, {"max", q.max_length}};
      item["hint"] = ctx.T("surveys.answer.open_hint", {{"max", int64_t{q.max_length}}});
    }
    if (q.kind == QuestionKind::kMultiple) {
      item["hint"] =
          ctx.T("surveys.answer.multiple_hint", {{"min", int64_t{q.min_choices}}, {"max", int64_t{q.max_choices}}});
    }
    if (q.kind == QuestionKind::kRanking) item["hint"] = ctx.T("surveys.answer.ranking_hint");
    list.push_back(std::move(item));
  }
  data["questions"] = list;
  data["shown"] = shown;
}

}  // namespace wp::surveys
