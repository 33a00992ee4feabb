#include "features/codes/four_eyes.h"

namespace wp::codes {

namespace {

constexpr std::pair<RiskyAct, std::string_view> kActNames[] = {
    {RiskyAct::kImportAddresses, "import_addresses"}, {RiskyAct::kGenerateCodes, "generate_codes"},
    {RiskyAct::kReissueLetter, "reissue_letter"},     {RiskyAct::kPaperBallot, "paper_ballot"},
    {RiskyAct::kPublishCount, "publish_count"},
};

constexpr const char* kPendingColumns =
    "id, edition_id, act, payload, summary, asked_by, asked_by_name, asked_at, state FROM codes_pending_acts";

Result<std::pair<PendingAct, std::string>> PendingFromRow(const db::Row& r) {
  auto act = ParseRiskyAct(r.Text(2));
  if (!act) return Internal("unknown risky act " + r.Text(2));
  return std::make_pair(PendingAct{r.Int(0), r.Int(1), *act, r.Text(3), r.Text(4), r.OptInt(5), r.Text(6), r.Int(7)},
                        r.Text(8));
}

std::optional<int64_t> IdOf(const auth::User& user) {
  return user.id == 0 ? std::nullopt : std::optional<int64_t>(user.id);
}

}  // namespace

std::string_view RiskyActName(RiskyAct act) {
  for (const auto& [a, name] : kActNames) {
    if (a == act) return name;
  }
  return "?";
}

std::optional<RiskyAct> ParseRiskyAct(std::string_view name) {
  for (const auto& [a, n] : kActNames) {
    if (n == name) return a;
  }
  return std::nullopt;
}

std::string OfficialName(const auth::User& user) {
  if (user.id == 0) return "command line";
  return user.display_name + " (" + user.email + ")";
}

Result<void> FourEyes::Audit(db::Connection& c, const budgets::Edition& e, const auth::User& who,
                             std::string_view event, const PendingAct& act) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO codes_audit_log (edition_id, at, who, event, act, summary, pending_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.id, clock_.NowUnixSeconds(), OfficialName(who), std::string(event), std::string(RiskyActName(act.act)),
       act.summary, act.id}));
  return Ok();
}

Result<int64_t> FourEyes::Ask(const auth::User& user, const budgets::Edition& e, RiskyAct act, std::string payload,
                              std::string summary) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    PendingAct p{0, e.id, act, payload, summary, IdOf(user), OfficialName(user), clock_.NowUnixSeconds()};
    WP_ASSIGN_OR_RETURN(
        p.id, c.Insert("INSERT INTO codes_pending_acts (edition_id, act, payload, summary, asked_by, "
                       "asked_by_name, asked_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id",
                       {e.id, std::string(RiskyActName(act)), payload, summary, db::OptInt(p.asked_by), p.asked_by_name,
                        p.asked_at}));
    WP_TRY_VOID(Audit(c, e, user, "asked", p));
    return p.id;
  });
}

Result<PendingAct> FourEyes::Decide(db::Connection& c, const auth::User& user, const budgets::Edition& e, int64_t id,
                                    std::string_view to) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kPendingColumns + " WHERE id = ?", {id}));
  if (!row) return NotFound("no pending act " + std::to_string(id), "codes.four_eyes.not_found");
  WP_ASSIGN_OR_RETURN(auto found, PendingFromRow(*row));
  PendingAct act = std::move(found.first);
  if (act.edition_id != e.id) return NotFound("no pending act " + std::to_string(id), "codes.four_eyes.not_found");
  if (user.id == 0 || (act.asked_by && *act.asked_by == user.id)) {
    return Forbidden("the official who asked cannot decide", "codes.four_eyes.own");
  }
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      c.Execute("UPDATE codes_pending_acts SET state = ?, decided_by = ?, decided_at = ? "
                                "WHERE id = ? AND state = 'pending'",
                                {std::string(to), user.id, clock_.NowUnixSeconds(), id}));
  if (changed != 1) return Conflict("act " + std::to_string(id) + " was decided", "codes.four_eyes.decided");
  return act;
}

Result<PendingAct> FourEyes::Confirm(const auth::User& user, const budgets::Edition& e, int64_t id) {
  // Claimed first ("confirming"), so two officials confirming at once cannot
  // both carry it out.
  WP_ASSIGN_OR_RETURN(PendingAct act,
                      db_.Write([&](db::Connection& c) { return Decide(c, user, e, id, "confirming"); }));
  auto executor = executors_.find(act.act);
  Result<void> done = executor == executors_.end()
                          ? Result<void>(Internal("no executor for " + std::string(RiskyActName(act.act))))
                          : executor->second(e, act, user, FourEyesConfirmed(act.id));
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(c.Execute("UPDATE codes_pending_acts SET state = ?, payload = '' WHERE id = ?",
                          {std::string(done.has_value() ? "confirmed" : "failed"), act.id}));
    return Audit(c, e, user, done.has_value() ? "confirmed" : "failed", act);
  }));
  if (!done.has_value()) return done.error();
  return act;
}

Result<void> FourEyes::Reject(const auth::User& user, const budgets::Edition& e, int64_t id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(PendingAct act, Decide(c, user, e, id, "rejected"));
    WP_TRY_VOID(c.Execute("UPDATE codes_pending_acts SET payload = '' WHERE id = ?", {act.id}));
    return Audit(c, e, user, "rejected", act);
  });
}

Result<int64_t> FourEyes::CountWaiting(db::Connection& c, int64_t edition_id, RiskyAct act) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM codes_pending_acts WHERE edition_id = ? AND act = ? "
                                           "AND state IN ('pending', 'confirming')",
                                           {edition_id, std::string(RiskyActName(act))}));
  return row.Int(0);
}

Result<int64_t> FourEyes::CountWaiting(const budgets::Edition& e, RiskyAct act) const {
  return db_.Read([&](db::Connection& c) { return CountWaiting(c, e.id, act); });
}

Result<std::vector<PendingAct>> FourEyes::Pending(const budgets::Edition& e) const {
  WP_ASSIGN_OR_RETURN(auto rows, db_.Read([&](db::Connection& c) {
    return c.Query(std::string("SELECT ") + kPendingColumns + " WHERE edition_id = ? AND state = 'pending' ORDER BY id",
                   {e.id});
  }));
  std::vector<PendingAct> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(auto found, PendingFromRow(r));
    out.push_back(std::move(found.first));
  }
  return out;
}

Result<std::vector<AuditEntry>> FourEyes::Log(const budgets::Edition& e) const {
  WP_ASSIGN_OR_RETURN(auto rows, db_.Read([&](db::Connection& c) {
    return c.Query("SELECT at, who, event, act, summary FROM codes_audit_log WHERE edition_id = ? ORDER BY id", {e.id});
  }));
  std::vector<AuditEntry> out;
  for (const auto& r : rows) {
    auto act = ParseRiskyAct(r.Text(3));
    if (!act) return Internal("unknown risky act " + r.Text(3));
    out.push_back({r.Int(0), r.Text(1), r.Text(2), *act, r.Text(4)});
  }
  return out;
}

}  // namespace wp::codes
