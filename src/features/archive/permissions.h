// Who may do what in the archive. Everyone reads public documents. The
// kernteam of the platform (kKernteamMember scoped to exactly its id) and
// officials (administrators, the gebiedsverbinder of the platform's
// stadsdeel or of all, municipal experts and staff) upload, withdraw and
// still open a withdrawn document. A council member (raadslid) follows
// platforms; the role gives no other rights. Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"

namespace wp::archive {

enum class Action {
  kUpload,         // add a document to the platform's archive
  kWithdraw,       // withdraw one, with a reason
  kReadWithdrawn,  // open and download a withdrawn document
  kFollow,         // follow a platform and get the daily digest
};

// True when `user` may do `action` for the platform whose role scope is
// `platform_scope` (its id as text) in stadsdeel `borough`.
bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough);

}  // namespace wp::archive
