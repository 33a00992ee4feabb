// Live polls at a meeting (#17 item 2): types, the join code, the presenter's
// status flow and the rules for one participant's answer. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/random.h"

namespace wp::livepolls {

enum class PollStatus { kDraft, kRunning, kClosed };
enum class QuestionKind { kSingle, kMultiple, kScale, kOpen };
// What the presenter does: start (first question), next question, show or
// hide the results on the screen, close (results kept with the meeting).
enum class PollAction { kStart, kNext, kShowResults, kHideResults, kClose };

std::string_view StatusName(PollStatus s);  // "draft", "running", "closed"
std::optional<PollStatus> ParseStatus(std::string_view s);
std::string_view KindName(QuestionKind k);  // "single", "multiple", "scale", "open"
std::optional<QuestionKind> ParseKind(std::string_view s);
std::optional<PollAction> ParseAction(std::string_view s);  // "start", "next", "show", "hide", "close"

struct Question {
  int64_t id = 0;
  int64_t poll_id = 0;
  int position = 0;  // 0-based order in the poll
  QuestionKind kind = QuestionKind::kSingle;
  std::string text;
  std::vector<std::string> options;  // choices; empty for scale and open
  int scale_max = 5;                 // scale: 1..scale_max
};

struct Poll {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string title;
  std::string meeting;  // the meeting it belongs to, as the presenter names it (the activity's title when linked)
  std::optional<int64_t> event_id;  // the platform's activity (events) it was held at, if chosen
  std::string join_code;
  PollStatus status = PollStatus::kDraft;
  int active = -1;  // position of the open question; -1 before the start
  bool show_results = false;
  int64_t created_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> closed_at;
};

// --- the join code: 6 characters from an alphabet without look-alikes
// (no 0/O, 1/I/L, 2/Z, 5/S, 8/B): 23^6 ≈ 148 million codes.
inline constexpr std::string_view kJoinAlphabet = "ACDEFGHJKMNPQRTUVWXY347";
inline constexpr size_t kJoinCodeLength = 6;
std::string NewJoinCode(Random& random);
// The code as typed ("qr7 k4m", "QR7-K4M") in its stored form, or nullopt
// when it cannot be a code.
std::optional<std::string> NormaliseJoinCode(std::string_view typed);

// --- the presenter's flow
struct PollState {
  PollStatus status = PollStatus::kDraft;
  int active = -1;
  bool show_results = false;
};
// The state after `action` with `questions` questions, or the i18n key of
// why not: "livepolls.flow.no_questions", "livepolls.flow.not_allowed",
// "livepolls.flow.last_question".
struct Step {
  std::optional<PollState> next;
  std::string problem;
};
Step Apply(const PollState& state, PollAction action, int questions);
// New questions only before the start.
bool CanEditQuestions(PollStatus s);

// --- limits and checks of the presenter's forms (FieldError-style keys)
inline constexpr size_t kMaxTitleChars = 120;
inline constexpr size_t kMaxQuestionChars = 200;
inline constexpr size_t kMaxOptionChars = 80;
inline constexpr size_t kMaxOptions = 8;
inline constexpr size_t kMaxQuestions = 10;
inline constexpr size_t kMaxOpenAnswerChars = 80;
inline constexpr const char* kMissing = "livepolls.error.missing";
inline constexpr const char* kTooLong = "livepolls.error.too_long";
inline constexpr const char* kEventUnknown = "livepolls.error.event_unknown";
inline constexpr const char* kTooFewOptions = "livepolls.error.too_few_options";
inline constexpr const char* kTooManyOptions = "livepolls.error.too_many_options";
inline constexpr const char* kBadScale = "livepolls.error.bad_scale";
inline constexpr const char* kTooManyQuestions = "livepolls.error.too_many_questions";

struct FieldProblem {
  std::string field, key;
};
// `has_event`: an activity was chosen, so the meeting needs no name.
std::vector<FieldProblem> CheckPollForm(std::string_view title, std::string_view meeting, bool has_event = false);
// `options`: one choice per line (single, multiple); ignored for scale and open.
std::vector<FieldProblem> CheckQuestion(const Question& q, size_t existing_questions);
// One choice per non-empty line, trimmed.
std::vector<std::string> OptionLines(std::string_view text);

// --- one participant's answer
// Why an answer cannot count (i18n keys), or "" when it can.
inline constexpr const char* kPollNotRunning = "livepolls.answer.not_running";
inline constexpr const char* kQuestionClosed = "livepolls.answer.question_closed";
inline constexpr const char* kNoChoice = "livepolls.answer.no_choice";
inline constexpr const char* kBadChoice = "livepolls.answer.bad_choice";
inline constexpr const char* kEmptyText = "livepolls.answer.empty";
inline constexpr const char* kTextTooLong = "livepolls.answer.too_long";
// Open while the poll runs and the question is the active one.
std::string_view QuestionOpenProblem(const Poll& poll, const Question& q);
// The stored form of an answer, or the problem: choices as the sorted
// indexes ("0,2"), a scale as its number, open text trimmed. `values` are
// the form's values (several for multiple choice).
struct AnswerCheck {
  std::string value;
  std::string problem;
};
AnswerCheck CheckAnswer(const Question& q, const std::vector<std::string>& values);

// Counts per choice (or per scale value 1..max) of stored answers; open
// questions give an empty list.
std::vector<int64_t> Tally(const Question& q, const std::vector<std::string>& answers);

}  // namespace wp::livepolls
