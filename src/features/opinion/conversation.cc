#include "features/opinion/conversation.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace wp::opinion {

std::string_view StatusName(ConversationStatus s) {
  switch (s) {
    case ConversationStatus::kDraft:
      return "concept";
    case ConversationStatus::kOpen:
      return "open";
    case ConversationStatus::kClosed:
      return "gesloten";
  }
  return "concept";
}

std::optional<ConversationStatus> ParseConversationStatus(std::string_view name) {
  for (auto s : {ConversationStatus::kDraft, ConversationStatus::kOpen, ConversationStatus::kClosed}) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

Result<ConversationStatus> MoveTo(ConversationStatus current, std::string_view wanted) {
  auto next = ParseConversationStatus(wanted);
  if (!next) return InvalidInput("unknown status", "opinion.error.bad_status");
  bool allowed = (current == ConversationStatus::kDraft && *next == ConversationStatus::kOpen) ||
                 (current == ConversationStatus::kOpen && *next == ConversationStatus::kClosed);
  if (!allowed) return Conflict("status move not allowed", "opinion.error.bad_transition");
  return *next;
}

Result<void> RequireOpen(ConversationStatus s) {
  if (s == ConversationStatus::kDraft) return Conflict("not open yet", "opinion.error.not_open");
  if (s == ConversationStatus::kClosed) return Conflict("closed", "opinion.error.closed");
  return Ok();
}

std::string_view StateName(StatementState s) {
  switch (s) {
    case StatementState::kPending:
      return "pending";
    case StatementState::kAccepted:
      return "accepted";
    case StatementState::kRejected:
      return "rejected";
  }
  return "pending";
}

std::optional<StatementState> ParseStatementState(std::string_view name) {
  for (auto s : {StatementState::kPending, StatementState::kAccepted, StatementState::kRejected}) {
    if (StateName(s) == name) return s;
  }
  return std::nullopt;
}

Result<Decision> Moderate(StatementState current, std::string_view decision, std::string_view reason) {
  if (current != StatementState::kPending) return Conflict("already moderated", "opinion.error.already_moderated");
  std::string why(Trim(reason));
  if (decision == "accept") return Decision{StatementState::kAccepted, ""};
  if (decision != "reject") return FormInvalid({{"decision", "opinion.error.bad_decision", {}}});
  if (why.empty()) return FormInvalid({{"reason", "opinion.error.reason_missing", {}}});
  if (!IsValidUtf8(why) || HasControlCharacters(why, false)) {
    return FormInvalid({{"reason", "opinion.error.statement_control", {}}});
  }
  if (CountChars(why) > kMaxReasonChars) {
    return FormInvalid({FieldError{"reason", "opinion.error.reason_too_long", {{"max", static_cast<int64_t>(kMaxReasonChars)}}}});
  }
  return Decision{StatementState::kRejected, why};
}

Result<std::string> CheckStatement(std::string_view text) {
  auto refuse = [](const char* key, const char* arg = nullptr, size_t value = 0) {
    FieldError e{"text", key, {}};
    if (arg) e.args.push_back({arg, static_cast<int64_t>(value)});
    return FormInvalid({e});
  };
  if (!IsValidUtf8(text) || HasControlCharacters(text, false)) return refuse("opinion.error.statement_control");
  std::string out;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() == ' ') continue;
      c = ' ';
    }
    out += c;
  }
  if (out.empty()) return refuse("opinion.error.statement_empty");
  size_t n = CountChars(out);
  if (n < kMinStatementChars) return refuse("opinion.error.statement_too_short", "min", kMinStatementChars);
  if (n > kMaxStatementChars) return refuse("opinion.error.statement_too_long", "max", kMaxStatementChars);
  return out;
}

std::string NormaliseStatement(std::string_view text) {
  std::string out;
  for (unsigned char c : ToLower(text)) {
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(c);
  }
  return out;
}

Result<void> CheckRate(const RecentStatements& recent, const RateLimits& limits) {
  if (recent.by_participant >= limits.per_participant_hour) {
    return RateLimited("too many statements by one participant", "opinion.error.too_many_own");
  }
  if (recent.in_conversation >= limits.per_conversation_hour) {
    return RateLimited("too many statements in the conversation", "opinion.error.too_many_all");
  }
  return Ok();
}

Standing StandingOf(int votes, int threshold, int group, int nearest, int groups) {
  if (votes <= 0) return {Standing::Kind::kNoVotes, -1, 0};
  if (groups <= 0) return {Standing::Kind::kNoMap, -1, 0};
  if (group >= 0) return {Standing::Kind::kInGroup, group, 0};
  return {Standing::Kind::kTooFewVotes, nearest, std::max(1, threshold - votes)};
}

}  // namespace wp::opinion
