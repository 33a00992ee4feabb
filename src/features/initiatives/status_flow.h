// The states of an initiative's check and who may move it from one to
// another, as one table: concept -> ingediend -> contactpersoon bekend ->
// in toets -> beantwoord ("ja", "ja, mits" or "nee, want") -> in uitvoering
// -> klaar, and ingetrokken by the initiator before the end. Pure.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace wp::initiatives {

enum class InitiativeStatus {
  kDraft,            // concept: only the initiator sees it
  kSubmitted,        // ingediend: waits for a contact person (within 5 working days)
  kContactAssigned,  // contactpersoon bekend
  kInCheck,          // in toets: departments give input (answer within six weeks of submitting)
  kAnswered,         // beantwoord: ja, ja mits, or nee want (the Answer says which)
  kInProgress,       // in uitvoering (after ja or ja, mits)
  kDone,             // klaar
  kWithdrawn,        // ingetrokken by the initiator
};
inline constexpr InitiativeStatus kAllStatuses[] = {
    InitiativeStatus::kDraft,   InitiativeStatus::kSubmitted, InitiativeStatus::kContactAssigned,
    InitiativeStatus::kInCheck, InitiativeStatus::kAnswered,  InitiativeStatus::kInProgress,
    InitiativeStatus::kDone,    InitiativeStatus::kWithdrawn};

// The municipality's answer to the check.
enum class Answer {
  kNone,         // not answered yet
  kYes,          // ja
  kYesProvided,  // ja, mits: yes, provided that the conditions are met
  kNoBecause,    // nee, want: no, with the reasons and an alternative route
};
inline constexpr Answer kAllAnswers[] = {Answer::kYes, Answer::kYesProvided, Answer::kNoBecause};

// Stable names for storage, URLs and i18n keys: "draft", "submitted",
// "contact_assigned", "in_check", "answered", "in_progress", "done",
// "withdrawn"; answers "none", "yes", "yes_provided", "no_because".
std::string_view StatusName(InitiativeStatus s);
std::optional<InitiativeStatus> ParseStatus(std::string_view name);
std::string_view AnswerName(Answer a);
std::optional<Answer> ParseAnswer(std::string_view name);

// Who asks for a change.
enum class Actor {
  kInitiator,  // through the private link, or signed in as the initiator
  kContact,    // the contact person of the initiative
  kDesk,       // initiative desk staff of the stadsdeel (or an administrator)
};

enum class FlowProblem {
  kSameStatus,   // already in that state
  kNotAllowed,   // no such step in the table
  kNotYourStep,  // the step exists, but another actor takes it
  kAnswerWasNo,  // after "nee, want" there is nothing to carry out
};
// The i18n key that explains a problem, e.g. "initiatives.flow.not_allowed".
std::string_view FlowProblemKey(FlowProblem p);

// nullopt when `actor` may move an initiative from `from` (answered with
// `answer`) to `to`. The table:
//   draft -> submitted                           initiator
//   submitted -> contact_assigned                desk (assigning the contact)
//   contact_assigned -> in_check                 contact, desk
//   contact_assigned | in_check -> answered      contact, desk (with an answer)
//   answered (ja, ja mits) -> in_progress        initiator, contact, desk
//   in_progress -> done                          initiator, contact, desk
//   any state but done and withdrawn -> withdrawn  initiator; not after "nee, want"
std::optional<FlowProblem> CheckTransition(InitiativeStatus from, Answer answer, InitiativeStatus to, Actor actor);
// The states `actor` may choose next, in kAllStatuses order.
std::vector<InitiativeStatus> NextStatuses(InitiativeStatus from, Answer answer, Actor actor);

// Closed: done, withdrawn, or answered "nee, want". Nothing changes any more.
bool IsClosed(InitiativeStatus s, Answer answer);
// The check runs (the six-week clock ticks): submitted, contact assigned, in check.
bool IsCheckRunning(InitiativeStatus s);
// A contact person may be assigned or changed: submitted up to in progress.
bool CanHaveContactChanged(InitiativeStatus s, Answer answer);

}  // namespace wp::initiatives
