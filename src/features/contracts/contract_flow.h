// The rules of a contract's life, as pure functions: drafting (a change to
// the draft clears both approvals), signing (both sides approve, by two
// different people; the contract needs at least one commitment), the
// commitment statuses a progress update may set, the state a commitment is
// in at a moment (done, on track, overdue, dropped), the counts per theme
// the progress page draws, when a reminder is due, and the year review.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "features/contracts/contract.h"

namespace wp::contracts {

enum class FlowProblem {
  kSameStatus,       // it already has that status
  kNotAllowed,       // no such step in the table
  kNotDraft,         // only a draft changes this way; a signed contract changes by amendment
  kNotSigned,        // progress, amendments and the review need a signed contract
  kAlreadyApproved,  // this side approved already
  kSamePerson,       // one person approved for the other side
  kEmpty,            // a contract without commitments cannot be signed
  kNotReviewed,      // next year's contract starts from a reviewed one
};
// "contracts.flow.<name>": same_status, not_allowed, not_draft, not_signed,
// already_approved, same_person, empty, not_reviewed.
std::string_view FlowProblemKey(FlowProblem p);

// nullopt when a progress update may move a commitment from `from` to `to`:
// agreed -> in progress, done or dropped; in progress -> done or dropped
// (or back to agreed); done -> in progress (reopened); dropped is final.
std::optional<FlowProblem> CheckCommitmentTransition(CommitmentStatus from, CommitmentStatus to);

// What approving for `side` by `user_id` does to `c` with `commitments`
// commitments: nullopt when allowed. Errors: kNotDraft, kAlreadyApproved,
// kSamePerson, kEmpty.
std::optional<FlowProblem> CheckApproval(const Contract& c, Side side, int64_t user_id, size_t commitments);
// True when both sides have approved: the contract is signed.
bool BothApproved(const Contract& c);

// The state of a commitment at `now`.
enum class Progress { kDone, kOnTrack, kOverdue, kDropped };
Progress ProgressOf(const Commitment& c, int64_t now);
// "done", "on_track", "overdue", "dropped".
std::string_view ProgressName(Progress p);

struct ThemeProgress {
  int64_t theme_id = 0;
  int done = 0, on_track = 0, overdue = 0, dropped = 0;
  int total() const { return done + on_track + overdue + dropped; }
};
// The counts per theme, in the order of `themes` (themes without
// commitments count zero).
std::vector<ThemeProgress> CountProgress(const std::vector<Theme>& themes, const std::vector<Commitment>& commitments,
                                         int64_t now);

// Days before the due date a reminder goes to the owner.
inline constexpr int kReminderDays = 14;
// True when the owner of `c` in a signed contract should get a reminder at
// `now`: not done or dropped, due within `days` days and not yet past, and
// no reminder sent for this due date (an amended due date reminds again).
bool ReminderDue(const Commitment& c, int64_t now, int days);

// The commitments to carry into next year's contract: those neither done
// nor dropped.
std::vector<Commitment> Unfinished(const std::vector<Commitment>& commitments);

}  // namespace wp::contracts
