// Invitation letters (PDF, A4, one per invited address): who invites, why,
// the registration code and a QR code of the registration link. The QR code
// and the code format are the voting codes' (codes/letters.h, code_format.h).
#pragma once

#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/result.h"
#include "features/forums/forum_store.h"

namespace wp::forums {

struct LetterFacts {
  std::string municipality;    // "Haarlem"
  std::string register_until;  // "15 januari 2027"
  std::string base_url;        // links: <base_url>/aanmelden?code=...
};

// The PDF bytes. Errors: kInternal when cairo or libqrencode fails.
Result<std::string> InvitationLettersPdf(const Forum& forum, const std::vector<Invitation>& invitations,
                                         const LetterFacts& facts, const i18n::Catalog& catalog,
                                         const std::string& locale);

}  // namespace wp::forums
