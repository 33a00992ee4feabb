#include "features/voting/ballot_store.h"

namespace wp::voting {

Result<void> BallotStore::Put(db::Connection& c, int64_t edition_id, const std::string& ballot_key,
                              const std::string& plan_ids) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO voting_ballots (edition_id, ballot_key, plan_ids) VALUES (?, ?, ?) "
      "ON CONFLICT (edition_id, ballot_key) DO UPDATE SET plan_ids = excluded.plan_ids",
      {db::Int(edition_id), db::Text(ballot_key), db::Text(plan_ids)}));
  return Ok();
}

Result<std::vector<std::string>> BallotStore::All(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT plan_ids FROM voting_ballots WHERE edition_id = ? ORDER BY ballot_key",
                                             {db::Int(edition_id)}));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<int64_t> BallotStore::Count(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(db::Row row, c.QueryOne("SELECT COUNT(*) FROM voting_ballots WHERE edition_id = ?", {db::Int(edition_id)}));
  return row.Int(0);
}

Result<int64_t> BallotStore::CountAttempts(db::Connection& c, const std::string& key, int64_t since) {
  WP_ASSIGN_OR_RETURN(db::Row row, c.QueryOne("SELECT COUNT(*) FROM voting_attempts WHERE attempt_key = ? AND at > ?",
                                              {db::Text(key), db::Int(since)}));
  return row.Int(0);
}

Result<void> BallotStore::AddAttempt(db::Connection& c, const std::string& key, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO voting_attempts (attempt_key, at) VALUES (?, ?)", {db::Text(key), db::Int(now)}));
  return Ok();
}

Result<int64_t> BallotStore::PurgeAttempts(db::Connection& c, int64_t before) {
  return c.Execute("DELETE FROM voting_attempts WHERE at <= ?", {db::Int(before)});
}

Result<void> BallotStore::SaveResult(db::Connection& c, const StoredResult& r) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO voting_results (edition_id, rule, outcome_json, report_text, pabulib, ballots, used_online, "
      "used_on_paper, counted_at, counted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {db::Int(r.edition_id), db::Text(r.rule), db::Text(r.outcome_json), db::Text(r.report_text),
       db::Text(r.pabulib), db::Int(r.ballots), db::Int(r.used_online), db::Int(r.used_on_paper),
       db::Int(r.counted_at), db::Int(r.counted_by)}));
  return Ok();
}

Result<std::optional<StoredResult>> BallotStore::FindResult(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(
                                    "SELECT edition_id, rule, outcome_json, report_text, pabulib, ballots, used_online, "
                                    "used_on_paper, counted_at, counted_by FROM voting_results WHERE edition_id = ?",
                                    {db::Int(edition_id)}));
  if (!row) return std::optional<StoredResult>();
  StoredResult r;
  r.edition_id = row->Int(0);
  r.rule = row->Text(1);
  r.outcome_json = row->Text(2);
  r.report_text = row->Text(3);
  r.pabulib = row->Text(4);
  r.ballots = row->Int(5);
  r.used_online = row->Int(6);
  r.used_on_paper = row->Int(7);
  r.counted_at = row->Int(8);
  r.counted_by = row->Int(9);
  return std::optional<StoredResult>(std::move(r));
}

}  // namespace wp::voting
