// Who may do what with advice. Officials ask for advice and answer it:
// gebiedsverbinders (auth::Role::kAreaLiaison, for the platforms of their
// stadsdeel; an unscoped grant for all), municipal experts and municipal
// staff (any platform), and administrators. A platform's kernteam
// (kKernteamMember scoped to the platform id as text) writes and submits the
// platform's advice, asked or unsolicited. Everyone reads what is public; a
// confidential request and its advice only the officials and the kernteams
// of the platforms asked. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "features/advice/advice.h"

namespace wp::advice {

enum class Action {
  kAskAdvice,         // create, send, withdraw and close a request
  kAnswer,            // answer an advice point by point
  kWriteAdvice,       // write and submit a platform's advice
  kReadConfidential,  // read a confidential request and its advice
};

// True when `user` is an official for advice anywhere (the officials' list
// and the new-request page).
bool IsOfficial(const auth::User& user);

// True when `user` may do `action` for the platform whose role scope is
// `platform_scope` in stadsdeel `borough`. For a request to several
// platforms, callers check every platform (kAskAdvice) or any of them
// (kReadConfidential, kWriteAdvice).
bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough);

// Why `user` may not change an advice's content (subject, addressee,
// points, input): not the kernteam of its platform (asked first, so others
// learn nothing of the advice's state), or it is no longer a draft
// (status_flow.h IsEditable).
enum class EditRefusal { kNotKernteam, kSubmitted };
// "advice.error.not_kernteam", "advice.error.edit_submitted".
std::string_view EditRefusalKey(EditRefusal r);
// nullopt when `user` may edit an advice in `status` of the platform whose
// role scope is `platform_scope` in stadsdeel `borough`.
std::optional<EditRefusal> CheckDraftEdit(const auth::User& user, std::string_view platform_scope,
                                          std::string_view borough, AdviceStatus status);

// A platform a request asks, as the rights see it: its role scope and stadsdeel.
struct PlatformRef {
  std::string scope, borough;
};
// Why `user` may not change a request's content (subject, questions, level,
// deadline, contact, confidentiality, platforms): not an official of every
// platform it asks (asked first, so others learn nothing of its state), or
// it is no longer a draft (status_flow.h IsRequestEditable).
enum class RequestEditRefusal { kNotOfficial, kNotDraft };
// "advice.error.forbidden", "advice.error.request_not_draft".
std::string_view RequestEditRefusalKey(RequestEditRefusal r);
// nullopt when `user` may edit a request in `status` that asks `platforms`
// (kAskAdvice on every one of them; none: nobody may).
std::optional<RequestEditRefusal> CheckRequestEdit(const auth::User& user, const std::vector<PlatformRef>& platforms,
                                                   RequestStatus status);

// True when `user` may react in an input round of the platform whose role
// scope is `platform_scope`: a member of it (`is_member`, the platforms
// feature knows) or its kernteam.
bool MayReact(const auth::User& user, std::string_view platform_scope, bool is_member);

// True when `user` (nullptr: not signed in) may see an input round of the
// platform whose role scope is `platform_scope` (its page and its place in
// the platform's list): the platform's members (`is_member`) and kernteam
// always, as they are invited; everyone else only when what the round is
// about is public (`about_public`: a published request or a submitted
// advice, not confidential). A draft advice's round is never public.
bool MaySeeRound(const auth::User* user, std::string_view platform_scope, bool is_member, bool about_public);

}  // namespace wp::advice
