#include "features/codes/code_book.h"

#include <sodium.h>

#include "core/strings.h"
#include "features/codes/code_format.h"
#include "features/codes/code_store.h"

namespace wp::codes {

namespace {

std::string Hmac(std::string_view key, std::string_view message) {
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&st, out);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

std::string EditionMessage(int64_t edition_id, std::string_view code) {
  std::string m = std::to_string(edition_id);
  m.push_back(':');
  m.append(code);
  return m;
}

}  // namespace

// Independent keys derived from one secret, so that the stored code hash,
// the ballot key and the seal of waiting ballots cannot be computed from
// each other.
CodeBook::CodeBook(std::string_view secret)
    : hash_key_(Hmac(secret, "wijkplatform codes: code hash v1")),
      ballot_key_(Hmac(secret, "wijkplatform codes: ballot key v1")),
      seal_key_(Hmac(secret, "wijkplatform voting: waiting ballot seal v1")) {}

std::string CodeBook::CodeHash(int64_t edition_id, std::string_view canonical_code) const {
  return ToHex(Hmac(hash_key_, EditionMessage(edition_id, canonical_code)));
}

std::string CodeBook::BallotKey(int64_t edition_id, std::string_view canonical_code) const {
  return ToHex(Hmac(ballot_key_, EditionMessage(edition_id, canonical_code)));
}

Result<CodeCheck> CodeBook::Check(db::Connection& c, int64_t edition_id, std::string_view typed) const {
  CodeCheck check;
  auto code = NormaliseTyped(typed);
  if (!code) {
    check.state = CodeState::kMalformed;
    return check;
  }
  WP_ASSIGN_OR_RETURN(auto stored, CodeStore::FindByHash(c, edition_id, CodeHash(edition_id, *code)));
  if (!stored) {
    check.state = CodeState::kUnknown;
    return check;
  }
  check.code_id = stored->id;
  check.state = stored->state;
  if (check.state != CodeState::kRevoked) check.ballot_key = BallotKey(edition_id, *code);
  return check;
}

Result<bool> CodeBook::MarkUsed(db::Connection& c, int64_t code_id, Channel channel) const {
  WP_ASSIGN_OR_RETURN(auto state, CodeStore::StateOf(c, code_id));
  if (!state) return NotFound("no voting code " + std::to_string(code_id), "codes.check.unknown");
  if (*state == UsedState(channel)) return false;
  if (*state == CodeState::kRevoked) return Conflict("the voting code is revoked", "codes.check.revoked");
  if (*state != CodeState::kUnused) {
    return Conflict("the voting code was used via the other channel", "codes.check.other_channel");
  }
  WP_ASSIGN_OR_RETURN(bool changed, CodeStore::UseUnused(c, code_id, UsedState(channel)));
  if (!changed) return Conflict("the voting code changed meanwhile", "codes.check.other_channel");
  return true;
}

Result<int64_t> CodeBook::CountUsed(db::Connection& c, int64_t edition_id, Channel channel) const {
  return CodeStore::CountInState(c, edition_id, UsedState(channel));
}

}  // namespace wp::codes
