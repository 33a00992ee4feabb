// The results of a closed survey: per question the counts as tables with
// small groups hidden (suppression.h), and nothing that would let a reader
// work out a hidden count from another number: a conditional question's
// numbers are hidden when the answer it depends on is hidden, and a mean
// (scale) or mean rank (ranking) only shows when none of its cells is
// hidden. Open answers: only how many answered. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "features/surveys/questionnaire.h"
#include "features/surveys/suppression.h"

namespace wp::surveys {

struct QuestionResult {
  int64_t question_id = 0;
  QuestionKind kind = QuestionKind::kSingle;
  // single: options then "no answer"; scale: points 1..n then "no answer";
  // ranking: how often each option came first, then "no answer";
  // multiple and open: {answered, no answer}. Total: who saw the question.
  Table main;
  // multiple: per option {chose it, did not}, of those who answered.
  std::vector<Table> per_option;
  std::optional<double> mean;      // scale, when nothing of `main` is hidden
  std::vector<double> mean_ranks;  // ranking, per option; empty when hidden
  // True when the group of respondents who got an open answer's texts
  // shown is large enough (the answered cell shown).
  bool texts_shown = false;
};

struct SurveyResults {
  Table responses;  // one cell: every response; hidden below kMinGroup
  std::vector<QuestionResult> questions;
};

// Counts `responses` (each already checked by CheckAnswers) for `qn`.
SurveyResults Tally(const Questionnaire& qn, const std::vector<Answers>& responses, int64_t min_group = kMinGroup);

}  // namespace wp::surveys
