// Invitations to a kernteam: a kernteam member (or an administrator
// supporting the platform) invites an e-mail address; the person who owns it
// accepts or declines on /uitnodiging/{token} after signing in with that
// address. Until they accept they have no role. The answer to the inviter is
// the same whether or not the address has an account (no account
// enumeration); the mail goes through the outbox, so an address that is not
// verified gets it only once verified (core/mail/addresses.h). Founding a
// platform (Register) still makes its founder the first kernteam member
// directly: that is their own act. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "features/accounts/roles.h"
#include "features/platforms/invitation_store.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

struct InvitationSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for the link in the mail
  std::string site_name = "Wijkplatform";
  int64_t lifetime_seconds = 14 * 24 * 3600;
};

// What the invitation page shows.
struct InvitationView {
  Invitation invitation;
  Platform platform;
  std::string inviter_name;
  bool open = false;  // not answered and not expired
};

class InvitationCommands {
 public:
  InvitationCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                     const accounts::Roles& roles, InvitationSettings settings)
      : db_(db), clock_(clock), random_(random), catalog_(catalog), roles_(roles), settings_(std::move(settings)) {}

  // Invites `email` to the kernteam of platform `id`. Errors: kNotFound;
  // kForbidden; kInvalidInput with field "kernteam_email" (missing or not an
  // e-mail address, or platforms.kernteam.already for someone in the
  // kernteam, whom the kernteam sees anyway). Returns the link's token (for
  // the demo; pages never show it: it goes only to the invited address).
  Result<std::string> InviteToKernteam(const auth::User& actor, PlatformId id, std::string_view email);
  // Open invitations of a platform, for its kernteam.
  Result<std::vector<Invitation>> Open(PlatformId id) const;
  // The invitation of a link. Errors: kNotFound platforms.invitation.unknown.
  Result<InvitationView> Find(const std::string& token) const;
  // Accepts (kernteam role and membership) or declines. Errors: kNotFound
  // platforms.invitation.unknown; kForbidden platforms.invitation.other_address
  // when `user` has another e-mail address; kConflict
  // platforms.invitation.closed when answered or expired.
  Result<void> Answer(const auth::User& user, const std::string& token, bool accept);

 private:
  Result<void> Mail(db::Connection& c, const Platform& p, const auth::User& actor, const std::string& email,
                    const std::string& token, int64_t now);
  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const i18n::Catalog& catalog_;
  const accounts::Roles& roles_;
  InvitationSettings settings_;
};

}  // namespace wp::platforms
