// The states of a signal and who may move it from one to another, as one
// table: gemeld -> in behandeling -> ingepland -> afgehandeld / doorgestuurd
// / geannuleerd, reopening, and merging into another signal. Pure.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace wp::signals {

enum class SignalStatus {
  kReported,    // gemeld: new, nobody has looked at it yet
  kInProgress,  // in behandeling
  kScheduled,   // ingepland: the work has a date
  kDone,        // afgehandeld
  kForwarded,   // doorgestuurd: an outside party (e.g. a housing corporation) handles it
  kCancelled,   // geannuleerd: nothing will be done, with the reason
  kReopened,    // heropend: closed, then opened again (by staff, or by the reporter within 14 days)
  kMerged,      // samengevoegd: a duplicate; its reporters follow the other signal
};
inline constexpr SignalStatus kAllStatuses[] = {
    SignalStatus::kReported,  SignalStatus::kInProgress, SignalStatus::kScheduled, SignalStatus::kDone,
    SignalStatus::kForwarded, SignalStatus::kCancelled,  SignalStatus::kReopened,  SignalStatus::kMerged};

// Stable names for storage and URLs: "reported", "in_progress", "scheduled",
// "done", "forwarded", "cancelled", "reopened", "merged".
std::string_view StatusName(SignalStatus s);
std::optional<SignalStatus> ParseStatus(std::string_view name);
// Open: reported, in progress, scheduled, reopened. The others are closed.
bool IsOpen(SignalStatus s);
// The Open311 extended status of a state ("open", "in_progress",
// "action_scheduled", "fixed", "internal_referral", "no_further_action",
// "reopen", "duplicate").
std::string_view Open311Status(SignalStatus s);

// Who asks for the change.
enum class Actor {
  kStaff,     // municipal staff handling the signal (or an administrator)
  kReporter,  // the reporter, through the private follow-up link
};

enum class FlowProblem {
  kSameStatus,  // the signal already has that status
  kNotAllowed,  // no such step in the table
  kStaffOnly,   // the reporter may only reopen a closed signal
  kUseMerge,    // merging is its own action (MergeSignals), not a status choice
};
// The i18n key that explains a problem, e.g. "signals.flow.not_allowed".
std::string_view FlowProblemKey(FlowProblem p);

// nullopt when `actor` may move a signal from `from` to `to`. Staff: every
// open state may go to in progress, scheduled, done, forwarded or cancelled
// (scheduled may go back to in progress); a closed one (done, forwarded,
// cancelled) may be reopened; merged is final. The reporter may only reopen
// a closed signal that was not merged (the 14-day limit is in deadlines.h).
std::optional<FlowProblem> CheckTransition(SignalStatus from, SignalStatus to, Actor actor);
// The states `actor` may choose next, in kAllStatuses order (merge excluded).
std::vector<SignalStatus> NextStatuses(SignalStatus from, Actor actor);

// Whether a change to `to` needs a message to the reporter (closing and
// reopening always say why).
bool NeedsReporterText(SignalStatus to);
// Whether a change to `to` needs the planned date (ingepland).
bool NeedsPlannedDate(SignalStatus to);
// Whether the reporter gets an e-mail about a change to `to` (every state
// they see; a merge sends its own message).
bool MailsReporter(SignalStatus to);

}  // namespace wp::signals
