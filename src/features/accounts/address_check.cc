#include "features/accounts/address_check.h"

#include "core/auth/tokens.h"
#include "core/mail/addresses.h"
#include "core/mail/outbox.h"

namespace wp::accounts {

Result<bool> QueueAddressCheck(db::Connection& c, Random& random, const i18n::Catalog& catalog,
                               const CheckMailSite& site, const std::string& email, const std::string& locale,
                               int64_t now, const std::string& purpose) {
  std::string token = auth::NewToken(random);
  WP_ASSIGN_OR_RETURN(bool stored, mail::StoreCheckLink(c, email, auth::TokenHash(token), now, now + kCheckLinkSeconds,
                                                        kCheckMailIntervalSeconds));
  if (!stored) return false;
  i18n::Args args = {{"link", site.base_url + std::string(kCheckLinkPath) + token},
                     {"site", site.site_name},
                     {"purpose", purpose}};
  mail::OutgoingMail m;
  m.to = mail::AddressKey(email);
  m.subject = catalog.Format(locale, "accounts.mail.check.subject", args);
  m.body_text = catalog.Format(locale, purpose.empty() ? "accounts.mail.check.body" : "accounts.mail.check.body_for", args);
  m.proves_control = true;
  WP_TRY_VOID(mail::Enqueue(c, m, now));
  return true;
}

}  // namespace wp::accounts
