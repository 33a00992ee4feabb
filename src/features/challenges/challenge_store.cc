#include "features/challenges/challenge_store.h"

namespace wp::challenges {

namespace {

constexpr const char* kColumns =
    "id, task, area, borough, group_name, legal_entity, estimate_cents, contact_name, contact_email, "
    "contact_user_id, stage, created_at";

Challenge FromRow(const db::Row& r) {
  Challenge c;
  c.id = r.Int(0);
  c.task = r.Text(1);
  c.area = r.Text(2);
  c.borough = r.Text(3);
  c.group_name = r.Text(4);
  c.legal_entity = r.Int(5) != 0;
  c.estimate_cents = r.Int(6);
  c.contact_name = r.Text(7);
  c.contact_email = r.Text(8);
  c.contact_user_id = r.Int(9);
  c.stage = ParseStage(r.Text(10)).value_or(Stage::kGate);
  c.created_at = r.Int(11);
  return c;
}

}  // namespace

Result<int64_t> ChallengeStore::Insert(db::Connection& c, const Challenge& ch) {
  return c.Insert(
      "INSERT INTO challenges (task, area, borough, group_name, legal_entity, estimate_cents, contact_name, "
      "contact_email, contact_user_id, stage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ch.task, ch.area, ch.borough, ch.group_name, db::Int(ch.legal_entity ? 1 : 0), ch.estimate_cents,
       ch.contact_name, ch.contact_email, ch.contact_user_id, std::string(StageName(ch.stage)), ch.created_at});
}

Result<void> ChallengeStore::SetStage(db::Connection& c, int64_t id, Stage s) {
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("UPDATE challenges SET stage = ? WHERE id = ?", {std::string(StageName(s)), id}));
  if (n != 1) return NotFound("challenge " + std::to_string(id), "challenges.challenge.not_found");
  return Ok();
}

Result<std::optional<Challenge>> ChallengeStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kColumns + " FROM challenges WHERE id = ?", {id}));
  if (!row) return std::optional<Challenge>();
  return std::optional<Challenge>(FromRow(*row));
}

Result<std::vector<Challenge>> ChallengeStore::All(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string("SELECT ") + kColumns + " FROM challenges ORDER BY created_at DESC, id DESC"));
  std::vector<Challenge> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<void> ChallengeStore::InsertCheck(db::Connection& c, int64_t id, const GateCheck& g) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO challenge_gate_checks (challenge_id, criterion, met, reason, actor_id, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                {id, std::string(CriterionName(g.criterion)), db::Int(g.met ? 1 : 0), g.reason, g.actor_id, g.at}));
  return Ok();
}

Result<std::vector<GateCheck>> ChallengeStore::Checks(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT criterion, met, reason, actor_id, at FROM challenge_gate_checks "
                                         "WHERE challenge_id = ? ORDER BY at, id",
                                         {id}));
  std::vector<GateCheck> out;
  for (const auto& r : rows) {
    out.push_back(
        {ParseCriterion(r.Text(0)).value_or(Criterion::kRooted), r.Int(1) != 0, r.Text(2), r.Int(3), "", r.Int(4)});
  }
  return out;
}

Result<void> ChallengeStore::SaveBusinessCase(db::Connection& c, int64_t id, const BusinessCase& b, int64_t now) {
  WP_TRY_VOID(c.Execute("DELETE FROM challenge_budget_lines WHERE challenge_id = ?", {id}));
  WP_TRY_VOID(c.Execute("DELETE FROM challenge_business_cases WHERE challenge_id = ?", {id}));
  WP_TRY_VOID(
      c.Execute("INSERT INTO challenge_business_cases (challenge_id, current_cost_cents, risks, quality, "
                "updated_at) VALUES (?, ?, ?, ?, ?)",
                {id, b.current_cost_cents, b.risks, b.quality, now}));
  int position = 0;
  for (const auto& l : b.lines) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO challenge_budget_lines (challenge_id, position, description, amount_cents) "
                  "VALUES (?, ?, ?, ?)",
                  {id, db::Int(++position), l.description, l.amount_cents}));
  }
  return Ok();
}

Result<std::optional<BusinessCase>> ChallengeStore::FindBusinessCase(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT current_cost_cents, risks, quality FROM "
                                                "challenge_business_cases WHERE challenge_id = ?",
                                                {id}));
  if (!row) return std::optional<BusinessCase>();
  BusinessCase b;
  b.current_cost_cents = row->Int(0);
  b.risks = row->Text(1);
  b.quality = row->Text(2);
  WP_ASSIGN_OR_RETURN(auto lines, c.Query("SELECT description, amount_cents FROM challenge_budget_lines "
                                          "WHERE challenge_id = ? ORDER BY position",
                                          {id}));
  for (const auto& l : lines) b.lines.push_back({l.Text(0), l.Int(1)});
  return std::optional<BusinessCase>(std::move(b));
}

Result<void> ChallengeStore::InsertDecision(db::Connection& c, int64_t id, const Decision& d) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO challenge_decisions (challenge_id, moment, go, reasons, actor_id, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                {id, std::string(MomentName(d.moment)), db::Int(d.go ? 1 : 0), d.reasons, d.actor_id, d.at}));
  return Ok();
}

Result<std::vector<Decision>> ChallengeStore::Decisions(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT moment, go, reasons, actor_id, at FROM challenge_decisions "
                                         "WHERE challenge_id = ? ORDER BY at, id",
                                         {id}));
  std::vector<Decision> out;
  for (const auto& r : rows) {
    out.push_back({ParseMoment(r.Text(0)).value_or(Moment::kGate), r.Int(1) != 0, r.Text(2), r.Int(3), "", r.Int(4)});
  }
  return out;
}

Result<void> ChallengeStore::InsertReport(db::Connection& c, int64_t id, const Report& r) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO challenge_reports (challenge_id, period, text, spent_cents, actor_id, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                {id, r.period, r.text, r.spent_cents, r.actor_id, r.at}));
  return Ok();
}

Result<std::vector<Report>> ChallengeStore::Reports(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT period, text, spent_cents, actor_id, at FROM challenge_reports "
                                         "WHERE challenge_id = ? ORDER BY at, id",
                                         {id}));
  std::vector<Report> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2), r.Int(3), "", r.Int(4)});
  return out;
}

Result<std::vector<Challenge>> ChallengeStore::InStage(db::Connection& c, Stage stage) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                             " FROM challenges WHERE stage = ? ORDER BY created_at, id",
                                         {std::string(StageName(stage))}));
  std::vector<Challenge> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::optional<int64_t>> ChallengeStore::LastReportMail(db::Connection& c, int64_t id, std::string_view kind) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT MAX(due_at) FROM challenge_report_mails "
                                                "WHERE challenge_id = ? AND kind = ?",
                                                {id, std::string(kind)}));
  if (!row || row->IsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<void> ChallengeStore::InsertReportMail(db::Connection& c, int64_t id, std::string_view kind, int64_t due_at,
                                              int64_t sent_at) {
  WP_TRY_VOID(c.Execute("INSERT INTO challenge_report_mails (challenge_id, kind, due_at, sent_at) VALUES (?, ?, ?, ?)",
                        {id, std::string(kind), due_at, sent_at}));
  return Ok();
}

}  // namespace wp::challenges
