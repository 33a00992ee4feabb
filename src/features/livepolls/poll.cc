#include "features/livepolls/poll.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/strings.h"

namespace wp::livepolls {

namespace {

template <typename E, size_t N>
std::optional<E> ByName(const std::pair<E, std::string_view> (&table)[N], std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E e) {
  for (const auto& [x, name] : table) {
    if (x == e) return name;
  }
  return "";
}

constexpr std::pair<PollStatus, std::string_view> kStatuses[] = {
    {PollStatus::kDraft, "draft"}, {PollStatus::kRunning, "running"}, {PollStatus::kClosed, "closed"}};
constexpr std::pair<QuestionKind, std::string_view> kKinds[] = {{QuestionKind::kSingle, "single"},
                                                                {QuestionKind::kMultiple, "multiple"},
                                                                {QuestionKind::kScale, "scale"},
                                                                {QuestionKind::kOpen, "open"}};
constexpr std::pair<PollAction, std::string_view> kActions[] = {{PollAction::kStart, "start"},
                                                                {PollAction::kNext, "next"},
                                                                {PollAction::kShowResults, "show"},
                                                                {PollAction::kHideResults, "hide"},
                                                                {PollAction::kClose, "close"}};

std::optional<int> SmallNumber(std::string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool IsChoice(QuestionKind k) { return k == QuestionKind::kSingle || k == QuestionKind::kMultiple; }

}  // namespace

std::string_view StatusName(PollStatus s) { return NameOf(kStatuses, s); }
std::optional<PollStatus> ParseStatus(std::string_view s) { return ByName(kStatuses, s); }
std::string_view KindName(QuestionKind k) { return NameOf(kKinds, k); }
std::optional<QuestionKind> ParseKind(std::string_view s) { return ByName(kKinds, s); }
std::optional<PollAction> ParseAction(std::string_view s) { return ByName(kActions, s); }

std::string NewJoinCode(Random& random) {
  std::string code;
  for (size_t i = 0; i < kJoinCodeLength; ++i) code += kJoinAlphabet[random.Uniform(kJoinAlphabet.size())];
  return code;
}

std::optional<std::string> NormaliseJoinCode(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kJoinAlphabet.find(u) == std::string_view::npos) return std::nullopt;
    code += u;
    if (code.size() > kJoinCodeLength) return std::nullopt;
  }
  if (code.size() != kJoinCodeLength) return std::nullopt;
  return code;
}

Step Apply(const PollState& s, PollAction action, int questions) {
  PollState n = s;
  switch (action) {
    case PollAction::kStart:
      if (s.status != PollStatus::kDraft) return {std::nullopt, "livepolls.flow.not_allowed"};
      if (questions <= 0) return {std::nullopt, "livepolls.flow.no_questions"};
      n = {PollStatus::kRunning, 0, false};
      return {n, ""};
    case PollAction::kNext:
      if (s.status != PollStatus::kRunning) return {std::nullopt, "livepolls.flow.not_allowed"};
      if (s.active + 1 >= questions) return {std::nullopt, "livepolls.flow.last_question"};
      n.active = s.active + 1;
      n.show_results = false;
      return {n, ""};
    case PollAction::kShowResults:
    case PollAction::kHideResults:
      if (s.status != PollStatus::kRunning) return {std::nullopt, "livepolls.flow.not_allowed"};
      n.show_results = action == PollAction::kShowResults;
      return {n, ""};
    case PollAction::kClose:
      if (s.status == PollStatus::kClosed) return {std::nullopt, "livepolls.flow.not_allowed"};
      n = {PollStatus::kClosed, -1, true};
      return {n, ""};
  }
  return {std::nullopt, "livepolls.flow.not_allowed"};
}

bool CanEditQuestions(PollStatus s) { return s == PollStatus::kDraft; }

std::vector<FieldProblem> CheckPollForm(std::string_view title, std::string_view meeting, bool has_event) {
  std::vector<FieldProblem> out;
  if (Trim(title).empty()) out.push_back({"title", kMissing});
  if (CountChars(title) > kMaxTitleChars) out.push_back({"title", kTooLong});
  if (Trim(meeting).empty() && !has_event) out.push_back({"meeting", kMissing});
  if (CountChars(meeting) > kMaxTitleChars) out.push_back({"meeting", kTooLong});
  return out;
}

std::vector<std::string> OptionLines(std::string_view text) {
  std::vector<std::string> out;
  for (auto line : Split(text, '\n')) {
    std::string_view t = Trim(line);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

std::vector<FieldProblem> CheckQuestion(const Question& q, size_t existing_questions) {
  std::vector<FieldProblem> out;
  if (existing_questions >= kMaxQuestions) out.push_back({"text", kTooManyQuestions});
  if (Trim(q.text).empty()) out.push_back({"text", kMissing});
  if (CountChars(q.text) > kMaxQuestionChars || HasControlCharacters(q.text, false)) out.push_back({"text", kTooLong});
  if (IsChoice(q.kind)) {
    if (q.options.size() < 2) out.push_back({"options", kTooFewOptions});
    if (q.options.size() > kMaxOptions) out.push_back({"options", kTooManyOptions});
    for (const auto& o : q.options) {
      if (CountChars(o) > kMaxOptionChars) {
        out.push_back({"options", kTooLong});
        break;
      }
    }
  }
  if (q.kind == QuestionKind::kScale && (q.scale_max < 2 || q.scale_max > 10)) out.push_back({"scale", kBadScale});
  return out;
}

std::string_view QuestionOpenProblem(const Poll& poll, const Question& q) {
  if (poll.status != PollStatus::kRunning) return kPollNotRunning;
  if (q.poll_id != poll.id || q.position != poll.active) return kQuestionClosed;
  return "";
}

AnswerCheck CheckAnswer(const Question& q, const std::vector<std::string>& values) {
  if (q.kind == QuestionKind::kOpen) {
    std::string text = values.empty() ? "" : std::string(Trim(values.front()));
    if (text.empty()) return {"", kEmptyText};
    if (CountChars(text) > kMaxOpenAnswerChars || HasControlCharacters(text, false) || !IsValidUtf8(text)) {
      return {"", kTextTooLong};
    }
    return {text, ""};
  }
  std::set<int> chosen;
  for (const auto& v : values) {
    if (Trim(v).empty()) continue;
    auto n = SmallNumber(Trim(v));
    int limit = q.kind == QuestionKind::kScale ? q.scale_max : static_cast<int>(q.options.size()) - 1;
    int low = q.kind == QuestionKind::kScale ? 1 : 0;
    if (!n || *n < low || *n > limit) return {"", kBadChoice};
    chosen.insert(*n);
  }
  if (chosen.empty()) return {"", kNoChoice};
  if (q.kind != QuestionKind::kMultiple && chosen.size() > 1) return {"", kBadChoice};
  std::vector<std::string> parts;
  for (int c : chosen) parts.push_back(std::to_string(c));
  return {JoinStrings(parts, ","), ""};
}

std::vector<int64_t> Tally(const Question& q, const std::vector<std::string>& answers) {
  if (q.kind == QuestionKind::kOpen) return {};
  bool scale = q.kind == QuestionKind::kScale;
  std::vector<int64_t> counts(scale ? static_cast<size_t>(std::max(q.scale_max, 0)) : q.options.size(), 0);
  for (const auto& a : answers) {
    for (auto part : Split(a, ',')) {
      auto n = SmallNumber(part);
      if (!n) continue;
      int index = scale ? *n - 1 : *n;
      if (index >= 0 && static_cast<size_t>(index) < counts.size()) ++counts[static_cast<size_t>(index)];
    }
  }
  return counts;
}

}  // namespace wp::livepolls
