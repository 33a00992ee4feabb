// The rules of an opinion-map conversation (gesprek), without server or
// database: the status flow of a conversation (concept -> open -> gesloten),
// the moderation of a statement (pending -> accepted | rejected with a
// reason), the checks on a submitted statement (length, control characters,
// duplicates by normalised text), the rate limit on statements, and where a
// participant stands on the map. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::opinion {

// --- the conversation's status flow
enum class ConversationStatus { kDraft, kOpen, kClosed };

// Stable names for the database and URLs: "concept", "open", "gesloten".
std::string_view StatusName(ConversationStatus s);
std::optional<ConversationStatus> ParseConversationStatus(std::string_view name);

// The status after asking for `wanted` in `current`: concept -> open (the
// organiser opens it) and open -> gesloten (closing freezes votes and
// statements). Errors: kInvalidInput (opinion.error.bad_status) for an
// unknown name; kConflict (opinion.error.bad_transition) for any other move.
Result<ConversationStatus> MoveTo(ConversationStatus current, std::string_view wanted);

// Votes and statements are taken only while the conversation is open.
// Errors: kConflict (opinion.error.not_open: a concept; opinion.error.closed).
Result<void> RequireOpen(ConversationStatus s);

// --- moderation of a statement
enum class StatementState { kPending, kAccepted, kRejected };
std::string_view StateName(StatementState s);  // "pending", "accepted", "rejected"
std::optional<StatementState> ParseStatementState(std::string_view name);

// A moderation decision on a statement in `current`: "accept" or "reject"
// (a reason of at most kMaxReasonChars is then required). Errors
// (kInvalidInput with field errors on "decision" / "reason"), or kConflict
// (opinion.error.already_moderated) when it is not pending.
struct Decision {
  StatementState state = StatementState::kAccepted;
  std::string reason;  // trimmed; empty for an accepted statement
};
Result<Decision> Moderate(StatementState current, std::string_view decision, std::string_view reason);

// --- statements
inline constexpr size_t kMinStatementChars = 5;
inline constexpr size_t kMaxStatementChars = 140;
inline constexpr size_t kMaxReasonChars = 300;

// The statement as it is stored (spaces around it trimmed, inner runs of
// white space made one space). Errors (kInvalidInput, field "text"):
// opinion.error.statement_empty, opinion.error.statement_control (control
// characters or invalid UTF-8), opinion.error.statement_too_short and
// opinion.error.statement_too_long (with {min} / {max}).
Result<std::string> CheckStatement(std::string_view text);

// The key that finds duplicates: lower case, letters and digits only, so
// "Meer bomen!" and "meer  bomen" are the same statement.
std::string NormaliseStatement(std::string_view text);

// --- rate limit on statements
struct RateLimits {
  int per_participant_hour = 5;     // one person
  int per_conversation_hour = 120;  // everybody together (a flood)
};
// Statements submitted in the last hour.
struct RecentStatements {
  int by_participant = 0;
  int in_conversation = 0;
};
// Errors: kRateLimited with opinion.error.too_many_own (this participant) or
// opinion.error.too_many_all (the conversation as a whole).
Result<void> CheckRate(const RecentStatements& recent, const RateLimits& limits);

// --- where a participant stands
struct Standing {
  enum class Kind {
    kNoVotes,      // has not voted yet
    kNoMap,        // too few participants for groups
    kTooFewVotes,  // votes_needed more votes to be placed in a group
    kInGroup,      // shapes group `group`
  };
  Kind kind = Kind::kNoVotes;
  int group = -1;        // kInGroup: the group; kTooFewVotes: the nearest group, or -1
  int votes_needed = 0;  // kTooFewVotes
};
// `votes` cast by the participant, `threshold` the votes needed to shape the
// groups (Grouping::vote_threshold), `group` the group it shapes (-1: none),
// `nearest` the nearest group, `groups` the number of groups (0: no map).
Standing StandingOf(int votes, int threshold, int group, int nearest, int groups);

}  // namespace wp::opinion
