// The states of an advice request and of an advice, and which changes are
// allowed, as tables. A request: concept -> open (sent to the platforms) ->
// advies ontvangen -> beantwoord -> gesloten; an official may withdraw it
// (ingetrokken) before it is answered. An advice: concept -> ingediend ->
// beantwoord. Who may ask for a change is in permissions.h. Pure.
#pragma once

#include <optional>
#include <string_view>

#include "features/advice/advice.h"

namespace wp::advice {

enum class FlowProblem {
  kSameStatus,  // it already has that status
  kNotAllowed,  // no such step in the table
};
// "advice.flow.same_status", "advice.flow.not_allowed".
std::string_view FlowProblemKey(FlowProblem p);

// nullopt when a request may go from `from` to `to`: draft -> open or
// withdrawn; open -> advice submitted or withdrawn; advice submitted ->
// answered or withdrawn; answered -> closed (and back to advice submitted
// when another platform's advice comes in late); closed and withdrawn are final.
std::optional<FlowProblem> CheckRequestTransition(RequestStatus from, RequestStatus to);
// nullopt when an advice may go from `from` to `to`: draft -> submitted ->
// answered, nothing else.
std::optional<FlowProblem> CheckAdviceTransition(AdviceStatus from, AdviceStatus to);

// True when the kernteam may still change an advice's subject, addressee,
// points and input (and add attachments and drafters): only a draft.
// Submitted advice is what the municipality answers; it stays as it was sent.
bool IsEditable(AdviceStatus s);
// True when an official may still change a request's subject, questions,
// level, deadline, contact, confidentiality and platforms: only a draft.
// A sent request is what the platforms were asked; a withdrawn one is final.
bool IsRequestEditable(RequestStatus s);

// True when platforms may still give advice on a request in `s` (open, or
// advice submitted by another platform).
bool AcceptsAdvice(RequestStatus s);
// True for the states shown to everyone (not a draft).
bool IsPublished(RequestStatus s);

// The status a request takes after its advices changed: `submitted` advices
// are in, `answered` of them are answered. An open request with advice is
// advice submitted; when every advice in is answered, answered. Closed,
// withdrawn and draft requests keep their status.
RequestStatus StatusAfterAdvice(RequestStatus current, int submitted, int answered);

}  // namespace wp::advice
