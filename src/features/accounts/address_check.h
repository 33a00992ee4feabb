// Address checks for every feature: the mail with a single-use link that
// proves a person controls an e-mail address (core/mail/addresses.h holds
// every other message to the address until then). Accounts, signal
// reporters and initiative submitters without an account all use this one
// link (/e-mailadres/bevestigen/{token}, valid kCheckLinkSeconds).
#pragma once

#include <cstdint>
#include <string>

#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"

namespace wp::accounts {

inline constexpr int64_t kCheckLinkSeconds = 7 * 24 * 3600;
// A new check mail to the same address at most once a minute.
inline constexpr int64_t kCheckMailIntervalSeconds = 60;
inline constexpr std::string_view kCheckLinkPath = "/e-mailadres/bevestigen/";

struct CheckMailSite {
  std::string base_url;   // for the link
  std::string site_name;  // for the greeting
};

// Within the caller's transaction: queues the check mail for `email` unless
// the address is verified or got a check mail less than a minute ago.
// Returns true when a mail was queued. `purpose`, when given, is a sentence
// in `locale` that says what the address was given for ("as the contact of
// werkgroep Groen of Wijkplatform Boerhaavewijk"): the mail then asks for
// consent to that use too, and says nothing is shown or sent before.
Result<bool> QueueAddressCheck(db::Connection& c, Random& random, const i18n::Catalog& catalog,
                               const CheckMailSite& site, const std::string& email, const std::string& locale,
                               int64_t now, const std::string& purpose = "");

}  // namespace wp::accounts
