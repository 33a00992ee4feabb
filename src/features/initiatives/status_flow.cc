#include "features/initiatives/status_flow.h"

namespace wp::initiatives {

namespace {

using S = InitiativeStatus;

struct Step {
  S from, to;
  bool initiator, contact, desk;
};

// The table of the header, withdrawal apart.
constexpr Step kSteps[] = {
    {S::kDraft, S::kSubmitted, true, false, false},        {S::kSubmitted, S::kContactAssigned, false, false, true},
    {S::kContactAssigned, S::kInCheck, false, true, true}, {S::kContactAssigned, S::kAnswered, false, true, true},
    {S::kInCheck, S::kAnswered, false, true, true},        {S::kAnswered, S::kInProgress, true, true, true},
    {S::kInProgress, S::kDone, true, true, true},
};

bool Takes(const Step& s, Actor a) {
  switch (a) {
    case Actor::kInitiator:
      return s.initiator;
    case Actor::kContact:
      return s.contact;
    case Actor::kDesk:
      return s.desk;
  }
  return false;
}

}  // namespace

std::string_view StatusName(InitiativeStatus s) {
  switch (s) {
    case S::kDraft:
      return "draft";
    case S::kSubmitted:
      return "submitted";
    case S::kContactAssigned:
      return "contact_assigned";
    case S::kInCheck:
      return "in_check";
    case S::kAnswered:
      return "answered";
    case S::kInProgress:
      return "in_progress";
    case S::kDone:
      return "done";
    case S::kWithdrawn:
      return "withdrawn";
  }
  return "draft";
}

std::optional<InitiativeStatus> ParseStatus(std::string_view name) {
  for (S s : kAllStatuses) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view AnswerName(Answer a) {
  switch (a) {
    case Answer::kNone:
      return "none";
    case Answer::kYes:
      return "yes";
    case Answer::kYesProvided:
      return "yes_provided";
    case Answer::kNoBecause:
      return "no_because";
  }
  return "none";
}

std::optional<Answer> ParseAnswer(std::string_view name) {
  for (Answer a : {Answer::kNone, Answer::kYes, Answer::kYesProvided, Answer::kNoBecause}) {
    if (AnswerName(a) == name) return a;
  }
  return std::nullopt;
}

std::string_view FlowProblemKey(FlowProblem p) {
  switch (p) {
    case FlowProblem::kSameStatus:
      return "initiatives.flow.same_status";
    case FlowProblem::kNotAllowed:
      return "initiatives.flow.not_allowed";
    case FlowProblem::kNotYourStep:
      return "initiatives.flow.not_your_step";
    case FlowProblem::kAnswerWasNo:
      return "initiatives.flow.answer_was_no";
  }
  return "initiatives.flow.not_allowed";
}

bool IsClosed(InitiativeStatus s, Answer answer) {
  return s == S::kDone || s == S::kWithdrawn || (s == S::kAnswered && answer == Answer::kNoBecause);
}

bool IsCheckRunning(InitiativeStatus s) { return s == S::kSubmitted || s == S::kContactAssigned || s == S::kInCheck; }

bool CanHaveContactChanged(InitiativeStatus s, Answer answer) { return s != S::kDraft && !IsClosed(s, answer); }

std::optional<FlowProblem> CheckTransition(InitiativeStatus from, Answer answer, InitiativeStatus to, Actor actor) {
  if (from == to) return FlowProblem::kSameStatus;
  if (to == S::kWithdrawn) {
    if (IsClosed(from, answer)) return FlowProblem::kNotAllowed;
    return actor == Actor::kInitiator ? std::nullopt : std::optional(FlowProblem::kNotYourStep);
  }
  for (const Step& s : kSteps) {
    if (s.from != from || s.to != to) continue;
    if (from == S::kAnswered && answer == Answer::kNoBecause) return FlowProblem::kAnswerWasNo;
    if (!Takes(s, actor)) return FlowProblem::kNotYourStep;
    return std::nullopt;
  }
  return FlowProblem::kNotAllowed;
}

std::vector<InitiativeStatus> NextStatuses(InitiativeStatus from, Answer answer, Actor actor) {
  std::vector<InitiativeStatus> out;
  for (S to : kAllStatuses) {
    if (!CheckTransition(from, answer, to, actor)) out.push_back(to);
  }
  return out;
}

}  // namespace wp::initiatives
