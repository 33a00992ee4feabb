#include "features/initiatives/initiative_store.h"

#include <nlohmann/json.hpp>

namespace wp::initiatives {

namespace {

constexpr const char* kColumns =
    "id, status, answer, title, what, neighbourhood_code, district_code, borough_slug, place, when_text, helpers, "
    "needs, needs_detail, initiator_name, is_public, show_name, link_platform, platform_id, user_id, email, locale, "
    "email_verified, contact_user_id, contact_name, created_at, updated_at, submitted_at, answered_at, "
    "contact_due_at, answer_due_at, explanation, alternative, reminder_sent";

// Not a draft, not withdrawn, not done, not answered "nee, want".
constexpr const char* kOpenWhere =
    "status NOT IN ('draft', 'withdrawn', 'done') AND NOT (status = 'answered' AND answer = 'no_because')";

Initiative ToInitiative(const db::Row& r) {
  Initiative i;
  i.id = r.Int(0);
  i.status = ParseStatus(r.Text(1)).value_or(InitiativeStatus::kDraft);
  i.answer = ParseAnswer(r.Text(2)).value_or(Answer::kNone);
  Compass& c = i.compass;
  c.title = r.Text(3);
  c.what = r.Text(4);
  c.neighbourhood_code = r.Text(5);
  i.district_code = r.Text(6);
  i.borough_slug = r.Text(7);
  c.place = r.Text(8);
  c.when = r.Text(9);
  c.helpers = r.Text(10);
  c.needs = ParseNeeds(r.Text(11));
  c.needs_detail = r.Text(12);
  c.initiator_name = r.Text(13);
  c.is_public = r.Bool(14);
  c.show_name = r.Bool(15);
  c.link_platform = r.Bool(16);
  i.platform_id = r.OptInt(17);
  i.user_id = r.OptInt(18);
  i.email = r.Text(19);
  i.locale = r.Text(20);
  i.email_verified = r.Bool(21);
  i.contact_user_id = r.OptInt(22);
  i.contact_name = r.Text(23);
  i.created_at = r.Int(24);
  i.updated_at = r.Int(25);
  i.submitted_at = r.OptInt(26);
  i.answered_at = r.OptInt(27);
  i.contact_due_at = r.Int(28);
  i.answer_due_at = r.Int(29);
  i.explanation = r.Text(30);
  i.alternative = r.Text(31);
  i.reminder_sent = r.Bool(32);
  return i;
}

std::vector<Initiative> ToInitiatives(const db::Rows& rows) {
  std::vector<Initiative> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToInitiative(r));
  return out;
}

db::Value Flag(bool b) { return db::Int(b ? 1 : 0); }

// The values of every column after id, in kColumns order.
db::Params Values(const Initiative& i) {
  const Compass& c = i.compass;
  return {std::string(StatusName(i.status)),
          std::string(AnswerName(i.answer)),
          c.title,
          c.what,
          c.neighbourhood_code,
          i.district_code,
          i.borough_slug,
          c.place,
          c.when,
          c.helpers,
          NeedsText(c.needs),
          c.needs_detail,
          c.initiator_name,
          Flag(c.is_public),
          Flag(c.show_name),
          Flag(c.link_platform),
          db::OptInt(i.platform_id),
          db::OptInt(i.user_id),
          i.email,
          i.locale,
          Flag(i.email_verified),
          db::OptInt(i.contact_user_id),
          i.contact_name,
          i.created_at,
          i.updated_at,
          db::OptInt(i.submitted_at),
          db::OptInt(i.answered_at),
          i.contact_due_at,
          i.answer_due_at,
          i.explanation,
          i.alternative,
          Flag(i.reminder_sent)};
}

constexpr const char* kHistoryColumns = "id, initiative_id, at, kind, text, public, actor_user_id, actor_name";

HistoryEntry ToHistory(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Bool(5), r.OptInt(6), r.Text(7)};
}

constexpr const char* kConditionColumns = "id, initiative_id, text, owner, status, position";

Condition ToCondition(const db::Row& r) {
  Condition x;
  x.id = r.Int(0);
  x.initiative_id = r.Int(1);
  x.text = r.Text(2);
  x.owner = ParseOwner(r.Text(3)).value_or(ConditionOwner::kInitiator);
  x.status = ParseConditionStatus(r.Text(4)).value_or(ConditionStatus::kOpen);
  x.position = static_cast<int>(r.Int(5));
  return x;
}

constexpr const char* kTaskColumns =
    "id, initiative_id, department, question, due_at, answer, answered_at, answered_by";

DepartmentTask ToTask(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.OptInt(6), r.Text(7)};
}

std::vector<DepartmentTask> ToTasks(const db::Rows& rows) {
  std::vector<DepartmentTask> out;
  for (const auto& r : rows) out.push_back(ToTask(r));
  return out;
}

}  // namespace

Result<int64_t> InitiativeStore::Insert(db::Connection& c, const Initiative& i) {
  return c.Insert(
      "INSERT INTO initiatives (status, answer, title, what, neighbourhood_code, district_code, borough_slug, place, "
      "when_text, helpers, needs, needs_detail, initiator_name, is_public, show_name, link_platform, platform_id, "
      "user_id, email, locale, email_verified, contact_user_id, contact_name, created_at, updated_at, submitted_at, "
      "answered_at, contact_due_at, answer_due_at, explanation, alternative, reminder_sent) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      Values(i));
}

Result<void> InitiativeStore::Update(db::Connection& c, const Initiative& i) {
  db::Params params = Values(i);
  params.push_back(i.id);
  WP_TRY_VOID(c.Execute(
      "UPDATE initiatives SET status = ?, answer = ?, title = ?, what = ?, neighbourhood_code = ?, district_code = ?, "
      "borough_slug = ?, place = ?, when_text = ?, helpers = ?, needs = ?, needs_detail = ?, initiator_name = ?, "
      "is_public = ?, show_name = ?, link_platform = ?, platform_id = ?, user_id = ?, email = ?, locale = ?, "
      "email_verified = ?, contact_user_id = ?, contact_name = ?, created_at = ?, updated_at = ?, submitted_at = ?, "
      "answered_at = ?, contact_due_at = ?, answer_due_at = ?, explanation = ?, alternative = ?, reminder_sent = ? "
      "WHERE id = ?",
      params));
  return Ok();
}

Result<std::optional<Initiative>> InitiativeStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kColumns + " FROM initiatives WHERE id = ?", {id}));
  if (!row) return std::optional<Initiative>();
  return std::optional<Initiative>(ToInitiative(*row));
}

Result<int64_t> InitiativeStore::CountAll(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM initiatives"));
  return row.Int(0);
}

Result<std::vector<Initiative>> InitiativeStore::OfUser(db::Connection& c, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kColumns +
                                  " FROM initiatives WHERE user_id = ? ORDER BY created_at DESC, id DESC",
                              {user_id}));
  return ToInitiatives(rows);
}

Result<std::vector<Initiative>> InitiativeStore::Open(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kColumns + " FROM initiatives WHERE " +
                                             kOpenWhere + " ORDER BY answer_due_at, id"));
  return ToInitiatives(rows);
}

Result<std::vector<Initiative>> InitiativeStore::PublicIn(db::Connection& c, const std::string& district_code,
                                                          int limit) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kColumns +
                                  " FROM initiatives WHERE district_code = ? AND is_public = 1 AND status NOT IN "
                                  "('draft', 'withdrawn') ORDER BY submitted_at DESC, id DESC LIMIT ?",
                              {district_code, db::Int(limit)}));
  return ToInitiatives(rows);
}

Result<std::vector<DistrictCount>> InitiativeStore::PublicPerDistrict(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT district_code, COUNT(*) FROM initiatives WHERE is_public = 1 AND status NOT IN "
                              "('draft', 'withdrawn') GROUP BY district_code ORDER BY district_code"));
  std::vector<DistrictCount> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Int(1)});
  return out;
}

Result<std::vector<int64_t>> InitiativeStore::ReminderCandidates(db::Connection& c, int64_t before, int limit) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT id FROM initiatives WHERE status IN ('submitted', 'contact_assigned', "
                              "'in_check') AND reminder_sent = 0 AND answer_due_at < ? ORDER BY answer_due_at, id "
                              "LIMIT ?",
                              {before, db::Int(limit)}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<void> InitiativeStore::InsertLink(db::Connection& c, const std::string& token_hash, int64_t initiative_id,
                                         const std::string& purpose, int64_t now) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO initiative_links (token_hash, initiative_id, purpose, created_at) "
                "VALUES (?, ?, ?, ?)",
                {token_hash, initiative_id, purpose, now}));
  return Ok();
}

Result<std::optional<std::pair<int64_t, std::string>>> InitiativeStore::ByLink(db::Connection& c,
                                                                               const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT initiative_id, purpose FROM initiative_links "
                                                "WHERE token_hash = ?",
                                                {token_hash}));
  if (!row) return std::optional<std::pair<int64_t, std::string>>();
  return std::optional(std::make_pair(row->Int(0), row->Text(1)));
}

Result<int64_t> InitiativeStore::InsertHistory(db::Connection& c, const HistoryEntry& e) {
  return c.Insert(
      "INSERT INTO initiative_history (initiative_id, at, kind, text, public, actor_user_id, actor_name) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.initiative_id, e.at, e.kind, e.text, Flag(e.is_public), db::OptInt(e.actor_user_id), e.actor_name});
}

Result<std::vector<HistoryEntry>> InitiativeStore::HistoryOf(db::Connection& c, int64_t initiative_id,
                                                             bool public_only) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kHistoryColumns +
                                                 " FROM initiative_history WHERE initiative_id = ?" +
                                                 (public_only ? " AND public = 1" : "") + " ORDER BY id",
                                             {initiative_id}));
  std::vector<HistoryEntry> out;
  for (const auto& r : rows) out.push_back(ToHistory(r));
  return out;
}

Result<int64_t> InitiativeStore::InsertCondition(db::Connection& c, const Condition& x, int64_t now) {
  return c.Insert(
      "INSERT INTO initiative_conditions (initiative_id, position, text, owner, status, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {x.initiative_id, db::Int(x.position), x.text, std::string(OwnerName(x.owner)),
       std::string(ConditionStatusName(x.status)), now});
}

Result<std::vector<Condition>> InitiativeStore::ConditionsOf(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kConditionColumns +
                                                 " FROM initiative_conditions WHERE initiative_id = ? "
                                                 "ORDER BY position, id",
                                             {initiative_id}));
  std::vector<Condition> out;
  for (const auto& r : rows) out.push_back(ToCondition(r));
  return out;
}

Result<void> InitiativeStore::SetConditionStatus(db::Connection& c, int64_t id, ConditionStatus status, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE initiative_conditions SET status = ?, updated_at = ? WHERE id = ?",
                        {std::string(ConditionStatusName(status)), now, id}));
  return Ok();
}

Result<int64_t> InitiativeStore::InsertTask(db::Connection& c, const DepartmentTask& t, int64_t now) {
  return c.Insert(
      "INSERT INTO initiative_tasks (initiative_id, department, question, due_at, created_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {t.initiative_id, t.department, t.question, t.due_at, now});
}

Result<std::optional<DepartmentTask>> InitiativeStore::FindTask(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kTaskColumns + " FROM initiative_tasks WHERE id = ?", {id}));
  if (!row) return std::optional<DepartmentTask>();
  return std::optional<DepartmentTask>(ToTask(*row));
}

Result<std::vector<DepartmentTask>> InitiativeStore::TasksOf(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kTaskColumns +
                                                 " FROM initiative_tasks WHERE initiative_id = ? ORDER BY id",
                                             {initiative_id}));
  return ToTasks(rows);
}

Result<std::vector<DepartmentTask>> InitiativeStore::OpenTasksFor(db::Connection& c,
                                                                  const std::vector<std::string>& depts) {
  if (depts.empty()) return std::vector<DepartmentTask>();
  std::string marks;
  db::Params params;
  for (const auto& d : depts) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(d);
  }
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kTaskColumns +
                                  " FROM initiative_tasks WHERE answered_at IS NULL AND department IN (" + marks +
                                  ") ORDER BY due_at, id",
                              params));
  return ToTasks(rows);
}

Result<void> InitiativeStore::AnswerTask(db::Connection& c, const DepartmentTask& t) {
  WP_TRY_VOID(c.Execute("UPDATE initiative_tasks SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?",
                        {t.answer, db::OptInt(t.answered_at), t.answered_by, t.id}));
  return Ok();
}

}  // namespace wp::initiatives

namespace wp::initiatives {

namespace {

constexpr const char* kSubsidyColumns =
    "id, initiative_id, status, purpose, budget_json, requested_cents, applied_at, granted_cents, decision_reason, "
    "decided_at, year, payment_reference, paid_at, spending_json, account, reported_at, settled_cents, "
    "settlement_reason, settled_at";

std::string LinesJson(const std::vector<platforms::BudgetLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) out.push_back({{"description", l.description}, {"cents", l.amount.cents}});
  return out.dump();
}

std::vector<platforms::BudgetLine> LinesFrom(const std::string& text) {
  std::vector<platforms::BudgetLine> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& l : j) {
    if (!l.is_object()) continue;
    out.push_back({l.value("description", ""), Money{l.value("cents", int64_t{0})}});
  }
  return out;
}

std::optional<Money> OptMoney(const db::Row& r, size_t i) {
  auto v = r.OptInt(i);
  return v ? std::optional<Money>(Money{*v}) : std::nullopt;
}

db::Value MoneyValue(const std::optional<Money>& m) { return m ? db::Value(m->cents) : db::Null(); }

StartSubsidy ToSubsidy(const db::Row& r) {
  StartSubsidy s;
  s.id = r.Int(0);
  s.initiative_id = r.Int(1);
  s.status = ParseGrantStatus(r.Text(2)).value_or(GrantStatus::kApplied);
  s.purpose = r.Text(3);
  s.budget = LinesFrom(r.Text(4));
  s.requested = Money{r.Int(5)};
  s.applied_at = r.Int(6);
  s.granted = OptMoney(r, 7);
  s.decision_reason = r.Text(8);
  s.decided_at = r.Int(9);
  s.year = static_cast<int>(r.Int(10));
  s.payment_reference = r.Text(11);
  s.paid_at = r.Int(12);
  s.spending = LinesFrom(r.Text(13));
  s.account = r.Text(14);
  s.reported_at = r.Int(15);
  s.settled = OptMoney(r, 16);
  s.settlement_reason = r.Text(17);
  s.settled_at = r.Int(18);
  return s;
}

Result<std::vector<StartSubsidy>> SubsidiesWhere(db::Connection& c, const std::string& where,
                                                 std::vector<db::Value> params) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kSubsidyColumns +
                                                 " FROM initiative_subsidies WHERE " + where + " ORDER BY id",
                                             std::move(params)));
  std::vector<StartSubsidy> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToSubsidy(r));
  return out;
}

}  // namespace

Result<int64_t> InitiativeStore::InsertSubsidy(db::Connection& c, const StartSubsidy& s) {
  return c.Insert(
      "INSERT INTO initiative_subsidies (initiative_id, status, purpose, budget_json, requested_cents, applied_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {s.initiative_id, std::string(GrantStatusName(s.status)), s.purpose, LinesJson(s.budget), s.requested.cents,
       s.applied_at});
}

Result<void> InitiativeStore::UpdateSubsidy(db::Connection& c, const StartSubsidy& s) {
  WP_TRY_VOID(c.Execute(
      "UPDATE initiative_subsidies SET status = ?, purpose = ?, budget_json = ?, requested_cents = ?, "
      "granted_cents = ?, decision_reason = ?, decided_at = ?, year = ?, payment_reference = ?, paid_at = ?, "
      "spending_json = ?, account = ?, reported_at = ?, settled_cents = ?, settlement_reason = ?, settled_at = ? "
      "WHERE id = ?",
      {std::string(GrantStatusName(s.status)), s.purpose, LinesJson(s.budget), s.requested.cents,
       MoneyValue(s.granted), s.decision_reason, s.decided_at, db::Int(s.year), s.payment_reference, s.paid_at,
       LinesJson(s.spending), s.account, s.reported_at, MoneyValue(s.settled), s.settlement_reason, s.settled_at,
       s.id}));
  return Ok();
}

Result<std::vector<StartSubsidy>> InitiativeStore::SubsidiesOf(db::Connection& c, int64_t initiative_id) {
  return SubsidiesWhere(c, "initiative_id = ?", {initiative_id});
}

Result<std::optional<StartSubsidy>> InitiativeStore::FindSubsidy(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto found, SubsidiesWhere(c, "id = ?", {id}));
  if (found.empty()) return std::optional<StartSubsidy>();
  return std::optional<StartSubsidy>(std::move(found.front()));
}

Result<std::vector<StartSubsidy>> InitiativeStore::SubsidiesOfYear(db::Connection& c, int year) {
  return SubsidiesWhere(c, "year = ? AND status IN ('granted', 'paid', 'reported', 'settled')", {db::Int(year)});
}

Result<std::vector<StartSubsidy>> InitiativeStore::SubsidiesToHandle(db::Connection& c) {
  return SubsidiesWhere(c, "status IN ('applied', 'granted', 'reported')", {});
}

Result<void> InitiativeStore::InsertPlanSource(db::Connection& c, int64_t plan_id, int64_t initiative_id,
                                               const std::string& plan_path, int64_t now) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO initiative_plan_sources (plan_id, initiative_id, plan_path, created_at) VALUES (?, ?, ?, ?)",
      {plan_id, initiative_id, plan_path, now}));
  return Ok();
}

Result<std::optional<int64_t>> InitiativeStore::InitiativeOfPlan(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT initiative_id FROM initiative_plan_sources WHERE plan_id = ?", {plan_id}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<std::optional<std::string>> InitiativeStore::PlanPathOf(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT plan_path FROM initiative_plan_sources WHERE initiative_id = ?",
                                                {initiative_id}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

namespace {

InitiativeFile ToFile(const db::Row& r) {
  return {r.Int(0), r.Int(1), ParseFileKind(r.Text(2)).value_or(FileKind::kDocument), r.Text(3), r.Text(4), r.Int(5),
          r.Int(6)};
}

}  // namespace

Result<void> InitiativeStore::InsertFile(db::Connection& c, const InitiativeFile& f, const std::string& data) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO initiative_files (initiative_id, kind, file_name, content_type, bytes, data, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {f.initiative_id, std::string(FileKindName(f.kind)), f.name, f.content_type, static_cast<int64_t>(data.size()),
       db::Blob{data}, f.created_at}));
  return Ok();
}

Result<std::vector<InitiativeFile>> InitiativeStore::FilesOf(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, initiative_id, kind, file_name, content_type, bytes, created_at "
                                         "FROM initiative_files WHERE initiative_id = ? ORDER BY id",
                                         {initiative_id}));
  std::vector<InitiativeFile> out;
  for (const auto& r : rows) out.push_back(ToFile(r));
  return out;
}

Result<std::optional<std::pair<InitiativeFile, std::string>>> InitiativeStore::FindFile(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id, initiative_id, kind, file_name, content_type, bytes, "
                                                "created_at, data FROM initiative_files WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<std::pair<InitiativeFile, std::string>>();
  return std::optional<std::pair<InitiativeFile, std::string>>(std::pair(ToFile(*row), row->Bytes(7)));
}

Result<void> InitiativeStore::DeleteFile(db::Connection& c, int64_t id) {
  WP_TRY_VOID(c.Execute("DELETE FROM initiative_files WHERE id = ?", {id}));
  return Ok();
}

}  // namespace wp::initiatives
