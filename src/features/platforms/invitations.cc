#include "features/platforms/invitations.h"

#include "core/auth/tokens.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/platforms/command_checks.h"
#include "features/platforms/permissions.h"
#include "features/platforms/platform_store.h"

namespace wp::platforms {

namespace {

Result<Platform> LoadPlatform(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto p, PlatformStore::Find(c, id));
  if (!p) return NotFound("no such platform", "platforms.error.not_found");
  return std::move(*p);
}

Error UnknownInvitation() { return NotFound("unknown invitation", "platforms.invitation.unknown"); }

}  // namespace

Result<std::string> InvitationCommands::InviteToKernteam(const auth::User& actor, PlatformId id,
                                                         std::string_view email_in) {
  std::string email = ToLower(Trim(email_in));
  if (email.empty()) return FormInvalid({{"kernteam_email", kMissing}});
  if (!IsPlausibleEmail(email)) return FormInvalid({{"kernteam_email", kBadEmail}});
  std::string token = auth::NewToken(random_);
  return db_.Write([&](db::Connection& c) -> Result<std::string> {
    WP_ASSIGN_OR_RETURN(Platform p, LoadPlatform(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageKernteam, p)));
    WP_ASSIGN_OR_RETURN(auto team, roles_.Holders(c, auth::Role::kKernteamMember, PlatformScope(id)));
    for (const auto& k : team) {
      if (k.email == email) return FormInvalid({{"kernteam_email", "platforms.kernteam.already"}}, "in the kernteam");
    }
    int64_t now = clock_.NowUnixSeconds();
    Invitation inv;
    inv.platform_id = id;
    inv.email = email;
    inv.invited_by = actor.id;
    inv.created_at = now;
    inv.expires_at = now + settings_.lifetime_seconds;
    WP_TRY_VOID(InvitationStore::Insert(c, inv, auth::TokenHash(token)));
    WP_TRY_VOID(Mail(c, p, actor, email, token, now));
    return token;
  });
}

Result<void> InvitationCommands::Mail(db::Connection& c, const Platform& p, const auth::User& actor,
                                      const std::string& email, const std::string& token, int64_t now) {
  // In the language of the account, when there is one (nobody is told).
  WP_ASSIGN_OR_RETURN(auto person, roles_.FindByEmail(c, email));
  std::string locale = person ? person->locale : "nl";
  i18n::Args args = {{"inviter", actor.display_name},
                     {"platform", p.name},
                     {"link", settings_.base_url + "/uitnodiging/" + token},
                     {"days", settings_.lifetime_seconds / (24 * 3600)},
                     {"site", settings_.site_name}};
  mail::OutgoingMail m;
  m.to = email;
  m.subject = catalog_.Format(locale, "platforms.mail.invitation.subject", args);
  m.body_text = catalog_.Format(locale, "platforms.mail.invitation.body", args);
  WP_TRY_VOID(mail::Enqueue(c, m, now));
  return Ok();
}

Result<std::vector<Invitation>> InvitationCommands::Open(PlatformId id) const {
  return db_.Read([&](db::Connection& c) { return InvitationStore::Open(c, id, clock_.NowUnixSeconds()); });
}

Result<InvitationView> InvitationCommands::Find(const std::string& token) const {
  if (!auth::LooksLikeToken(token)) return UnknownInvitation();
  return db_.Read([&](db::Connection& c) -> Result<InvitationView> {
    WP_ASSIGN_OR_RETURN(auto inv, InvitationStore::ByTokenHash(c, auth::TokenHash(token)));
    if (!inv) return UnknownInvitation();
    InvitationView v;
    v.invitation = *inv;
    WP_ASSIGN_OR_RETURN(v.platform, LoadPlatform(c, inv->platform_id));
    if (inv->invited_by) {
      WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, {*inv->invited_by}));
      auto it = people.find(*inv->invited_by);
      if (it != people.end()) v.inviter_name = it->second.display_name;
    }
    v.open = !inv->answered_at && inv->expires_at > clock_.NowUnixSeconds();
    return v;
  });
}

Result<void> InvitationCommands::Answer(const auth::User& user, const std::string& token, bool accept) {
  if (!auth::LooksLikeToken(token)) return UnknownInvitation();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(auto inv, InvitationStore::ByTokenHash(c, auth::TokenHash(token)));
    if (!inv) return UnknownInvitation();
    if (!EqualsIgnoreCase(inv->email, user.email)) {
      return Forbidden("invitation for another address", "platforms.invitation.other_address");
    }
    if (inv->answered_at || inv->expires_at <= now) {
      return Conflict("invitation answered or expired", "platforms.invitation.closed");
    }
    WP_ASSIGN_OR_RETURN(bool first, InvitationStore::Answer(c, inv->id, accept ? "accepted" : "declined", now));
    if (!first) return Conflict("invitation answered meanwhile", "platforms.invitation.closed");
    if (!accept) return Ok();
    WP_ASSIGN_OR_RETURN(Platform p, LoadPlatform(c, inv->platform_id));
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool granted,
                        roles_.Grant(c, user.id, auth::Role::kKernteamMember, PlatformScope(p.id),
                                     inv->invited_by.value_or(user.id), now));
    WP_ASSIGN_OR_RETURN(auto member, PlatformStore::FindMember(c, p.id, user.id));
    if (!member) {
      WP_TRY_VOID(PlatformStore::InsertMember(c, Member{p.id, user.id, MemberKind::kResident, "", now},
                                              random_.Token(24), random_.Token(24)));
    }
    return Ok();
  });
}

}  // namespace wp::platforms
