#include "features/surveys/tally.h"

#include <map>

namespace wp::surveys {

namespace {

struct Counts {
  int64_t asked = 0;
  int64_t answered = 0;
  std::vector<int64_t> cells;      // single/scale/ranking first places
  std::vector<int64_t> chosen;     // multiple
  std::vector<int64_t> rank_sums;  // ranking
  int64_t value_sum = 0;           // scale
};

Counts Count(const Questionnaire& qn, size_t index, const std::vector<Answers>& responses) {
  const Question& q = qn.questions[index];
  Counts c;
  size_t n = q.kind == QuestionKind::kScale ? static_cast<size_t>(q.scale_points) : q.options.size();
  c.cells.assign(n, 0);
  c.chosen.assign(q.options.size(), 0);
  c.rank_sums.assign(q.options.size(), 0);
  for (const auto& r : responses) {
    if (!IsShown(qn, r, index)) continue;
    ++c.asked;
    auto a = r.find(q.id);
    if (a == r.end()) continue;
    ++c.answered;
    const Answer& ans = a->second;
    if (q.kind == QuestionKind::kScale && ans.value >= 1 && static_cast<size_t>(ans.value) <= n) {
      ++c.cells[static_cast<size_t>(ans.value - 1)];
      c.value_sum += ans.value;
    }
    if (q.kind == QuestionKind::kSingle && !ans.choices.empty()) ++c.cells[static_cast<size_t>(ans.choices[0])];
    if (q.kind == QuestionKind::kMultiple) {
      for (int ch : ans.choices) ++c.chosen[static_cast<size_t>(ch)];
    }
    if (q.kind == QuestionKind::kRanking && !ans.choices.empty()) {
      ++c.cells[static_cast<size_t>(ans.choices[0])];
      for (size_t pos = 0; pos < ans.choices.size(); ++pos) {
        c.rank_sums[static_cast<size_t>(ans.choices[pos])] += static_cast<int64_t>(pos + 1);
      }
    }
  }
  return c;
}

// Is the group of people who see question `index` published, so that its
// size may be shown? Unconditional: yes. Conditional: only when the cell of
// the earlier question that decides it is shown.
bool AskedIsPublic(const Questionnaire& qn, size_t index, const std::map<int64_t, QuestionResult>& done) {
  const Question& q = qn.questions[index];
  if (!q.condition) return true;
  auto parent = done.find(q.condition->question_id);
  if (parent == done.end()) return false;
  const QuestionResult& p = parent->second;
  auto option = static_cast<size_t>(q.condition->option);
  if (p.kind == QuestionKind::kSingle) return option < p.main.cells.size() && p.main.cells[option].shown;
  if (p.kind == QuestionKind::kMultiple) {
    return option < p.per_option.size() && p.per_option[option].cells[0].shown;
  }
  return false;
}

QuestionResult Result(const Questionnaire& qn, size_t index, const Counts& c, bool asked_public, int64_t k) {
  const Question& q = qn.questions[index];
  QuestionResult r;
  r.question_id = q.id;
  r.kind = q.kind;
  auto table = [&](std::vector<int64_t> counts) { return asked_public ? Suppress(counts, k) : Hidden(counts); };
  int64_t no_answer = c.asked - c.answered;
  if (q.kind == QuestionKind::kMultiple || q.kind == QuestionKind::kOpen) {
    r.main = table({c.answered, no_answer});
  } else {
    std::vector<int64_t> cells = c.cells;
    cells.push_back(no_answer);
    r.main = table(cells);
  }
  bool answered_shown = r.main.total_shown && !r.main.cells.empty() &&
                        (q.kind == QuestionKind::kMultiple || q.kind == QuestionKind::kOpen) && r.main.cells[0].shown;
  if (q.kind == QuestionKind::kMultiple) {
    for (int64_t chose : c.chosen) {
      std::vector<int64_t> split{chose, c.answered - chose};
      r.per_option.push_back(answered_shown ? Suppress(split, k) : Hidden(split));
    }
  }
  r.texts_shown = q.kind == QuestionKind::kOpen && answered_shown;
  if (!r.main.AnyHidden() && c.answered > 0) {
    double n = static_cast<double>(c.answered);
    if (q.kind == QuestionKind::kScale) r.mean = static_cast<double>(c.value_sum) / n;
    if (q.kind == QuestionKind::kRanking) {
      for (int64_t s : c.rank_sums) r.mean_ranks.push_back(static_cast<double>(s) / n);
    }
  }
  return r;
}

}  // namespace

SurveyResults Tally(const Questionnaire& qn, const std::vector<Answers>& responses, int64_t min_group) {
  SurveyResults out;
  out.responses = Suppress({static_cast<int64_t>(responses.size())}, min_group);
  std::map<int64_t, QuestionResult> done;
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    Counts c = Count(qn, i, responses);
    bool asked_public = out.responses.total_shown && AskedIsPublic(qn, i, done);
    QuestionResult r = Result(qn, i, c, asked_public, min_group);
    done[r.question_id] = r;
    out.questions.push_back(std::move(r));
  }
  return out;
}

}  // namespace wp::surveys
