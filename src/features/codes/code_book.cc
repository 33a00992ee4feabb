#include "features/codes/code_book.h"

#include <sodium.h>

#include "core/strings.h"
#include "features/codes/code_format.h"

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

CodeState StateFromText(std::string_view s) {
  if (s == "unused") return CodeState::kUnused;
  if (s == "used_online") return CodeState::kUsedOnline;
  if (s == "used_paper") return CodeState::kUsedOnPaper;
  return CodeState::kRevoked;
}

std::string_view UsedState(Channel channel) { return channel == Channel::kOnline ? "used_online" : "used_paper"; }

}  // namespace

// Two independent keys derived from one secret, so that the stored code hash
// and the ballot key cannot be computed from each other.
CodeBook::CodeBook(std::string_view secret)
    : hash_key_(Hmac(secret, "wijkplatform codes: code hash v1")),
      ballot_key_(Hmac(secret, "wijkplatform codes: ballot key v1")) {}

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
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT id, state FROM codes_codes WHERE edition_id = ? AND code_hash = ?",
                                      {edition_id, CodeHash(edition_id, *code)}));
  if (!row) {
    check.state = CodeState::kUnknown;
    return check;
  }
  check.code_id = row->Int(0);
  check.state = StateFromText(row->Text(1));
  if (check.state != CodeState::kRevoked) check.ballot_key = BallotKey(edition_id, *code);
  return check;
}

Result<bool> CodeBook::MarkUsed(db::Connection& c, int64_t code_id, Channel channel) const {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT state FROM codes_codes WHERE id = ?", {code_id}));
  if (!row) return NotFound("no voting code " + std::to_string(code_id), "codes.check.unknown");
  std::string state = row->Text(0);
  if (state == UsedState(channel)) return false;
  if (state == "revoked") return Conflict("the voting code is revoked", "codes.check.revoked");
  if (state != "unused") return Conflict("the voting code was used via the other channel", "codes.check.other_channel");
  WP_ASSIGN_OR_RETURN(int64_t changed, c.Execute("UPDATE codes_codes SET state = ? WHERE id = ? AND state = 'unused'",
                                                 {std::string(UsedState(channel)), code_id}));
  if (changed != 1) return Conflict("the voting code changed meanwhile", "codes.check.other_channel");
  return true;
}

Result<int64_t> CodeBook::CountUsed(db::Connection& c, int64_t edition_id, Channel channel) const {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM codes_codes WHERE edition_id = ? AND state = ?",
                                           {edition_id, std::string(UsedState(channel))}));
  return row.Int(0);
}

}  // namespace wp::codes
