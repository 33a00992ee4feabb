#include "features/voting/ballot_mixer.h"

#include <sodium.h>

#include <map>
#include <set>
#include <stdexcept>

#include "features/voting/ballot_store.h"

namespace wp::voting {

namespace {

// Every sealed ballot holds this many bytes before encryption (a two-byte
// length, the ballot key and the plans, zero padding); a longer ballot (more
// than about 150 plans) takes the next multiple.
constexpr size_t kPaddedSize = 1024;
// Waiting rows deleted per statement (well under every bound on parameters).
constexpr size_t kDeleteChunk = 400;

}  // namespace

BallotMixer::BallotMixer(std::string seal_key, int batch) : key_(std::move(seal_key)), batch_(batch) {
  if (key_.size() != crypto_secretbox_KEYBYTES) throw std::invalid_argument("BallotMixer: the seal key needs 32 bytes");
  if (batch_ < 1) batch_ = 1;
}

std::string BallotMixer::Seal(const std::string& ballot_key, const std::string& plan_ids) const {
  std::string plain = ballot_key + "\n" + plan_ids;
  const size_t length = plain.size();
  plain.insert(0, 1, static_cast<char>(length & 0xff));
  plain.insert(0, 1, static_cast<char>((length >> 8) & 0xff));
  const size_t padded = (plain.size() + kPaddedSize - 1) / kPaddedSize * kPaddedSize;
  plain.resize(padded, '\0');
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce, reinterpret_cast<const unsigned char*>(key_.data()));
  sodium_memzero(plain.data(), plain.size());
  return out;
}

Result<WaitingBallot> BallotMixer::Open(int64_t id, const std::string& sealed) const {
  const size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (sealed.size() < overhead + 2) return Internal("waiting ballot " + std::to_string(id) + " is too short");
  std::string plain(sealed.size() - overhead, '\0');
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 reinterpret_cast<const unsigned char*>(key_.data())) != 0) {
    return Internal("waiting ballot " + std::to_string(id) + " does not open with this voting key");
  }
  const size_t length = (static_cast<unsigned char>(plain[0]) << 8) | static_cast<unsigned char>(plain[1]);
  if (length + 2 > plain.size()) return Internal("waiting ballot " + std::to_string(id) + " has a bad length");
  std::string body = plain.substr(2, length);
  const size_t newline = body.find('\n');
  if (newline == std::string::npos) return Internal("waiting ballot " + std::to_string(id) + " has no ballot key");
  return WaitingBallot{id, body.substr(0, newline), body.substr(newline + 1)};
}

Result<void> BallotMixer::Hold(db::Connection& c, int64_t edition_id, const std::string& ballot_key,
                               const std::string& plan_ids) const {
  WP_TRY_VOID(c.Execute("INSERT INTO voting_waiting (edition_id, sealed) VALUES (?, ?)",
                        {db::Int(edition_id), db::Value(db::Blob{Seal(ballot_key, plan_ids)})}));
  return Ok();
}

Result<int64_t> BallotMixer::CountWaiting(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(db::Row row,
                      c.QueryOne("SELECT COUNT(*) FROM voting_waiting WHERE edition_id = ?", {db::Int(edition_id)}));
  return row.Int(0);
}

Result<std::vector<WaitingBallot>> BallotMixer::Waiting(db::Connection& c, int64_t edition_id) const {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT id, sealed FROM voting_waiting WHERE edition_id = ? ORDER BY id",
                                             {db::Int(edition_id)}));
  std::vector<WaitingBallot> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(WaitingBallot b, Open(r.Int(0), r.Bytes(1)));
    out.push_back(std::move(b));
  }
  return out;
}

Result<int64_t> BallotMixer::Write(db::Connection& c, int64_t edition_id,
                                   const std::vector<WaitingBallot>& rows) const {
  if (rows.empty()) return int64_t{0};
  // Deleted first: a mixer that took some of these rows meanwhile makes the
  // count differ, and this one writes nothing.
  int64_t deleted = 0;
  for (size_t from = 0; from < rows.size(); from += kDeleteChunk) {
    const size_t to = std::min(rows.size(), from + kDeleteChunk);
    std::string sql = "DELETE FROM voting_waiting WHERE edition_id = ? AND id IN (";
    db::Params params{db::Int(edition_id)};
    for (size_t i = from; i < to; ++i) {
      sql += i == from ? "?" : ", ?";
      params.push_back(db::Int(rows[i].id));
    }
    sql += ")";
    WP_ASSIGN_OR_RETURN(int64_t n, c.Execute(sql, params));
    deleted += n;
  }
  if (deleted != static_cast<int64_t>(rows.size())) return Conflict("waiting ballots were mixed meanwhile");
  std::map<std::string, std::string> latest;  // ballot key -> plans of the voter's newest row
  for (const auto& r : rows) latest[r.ballot_key] = r.plan_ids;
  std::vector<const std::pair<const std::string, std::string>*> order;
  order.reserve(latest.size());
  for (const auto& entry : latest) order.push_back(&entry);
  for (size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[randombytes_uniform(static_cast<uint32_t>(i))]);
  }
  for (const auto* entry : order) WP_TRY_VOID(BallotStore::Put(c, edition_id, entry->first, entry->second));
  return static_cast<int64_t>(order.size());
}

Result<int64_t> BallotMixer::Mix(db::Connection& c, int64_t edition_id) const {
  WP_ASSIGN_OR_RETURN(auto rows, Waiting(c, edition_id));
  // The newest rows that cover k voters stay; the rest is the batch.
  std::set<std::string> newest;
  size_t cut = rows.size();
  while (cut > 0 && newest.size() < static_cast<size_t>(batch_)) newest.insert(rows[--cut].ballot_key);
  std::set<std::string> voters;
  for (size_t i = 0; i < cut; ++i) voters.insert(rows[i].ballot_key);
  if (voters.size() < static_cast<size_t>(batch_)) return int64_t{0};
  rows.resize(cut);
  return Write(c, edition_id, rows);
}

Result<int64_t> BallotMixer::Drain(db::Connection& c, int64_t edition_id) const {
  WP_ASSIGN_OR_RETURN(auto rows, Waiting(c, edition_id));
  return Write(c, edition_id, rows);
}

Result<int64_t> BallotMixer::CountWaitingVoters(db::Connection& c, int64_t edition_id) const {
  WP_ASSIGN_OR_RETURN(auto rows, Waiting(c, edition_id));
  std::set<std::string> voters;
  for (const auto& r : rows) voters.insert(r.ballot_key);
  int64_t fresh = 0;
  for (const auto& key : voters) {
    WP_ASSIGN_OR_RETURN(auto row,
                        c.QueryOptional("SELECT 1 FROM voting_ballots WHERE edition_id = ? AND ballot_key = ?",
                                        {db::Int(edition_id), db::Text(key)}));
    if (!row) ++fresh;
  }
  return fresh;
}

}  // namespace wp::voting
