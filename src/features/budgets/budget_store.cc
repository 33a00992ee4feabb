#include "features/budgets/budget_store.h"

#include <map>

namespace wp::budgets {

namespace {

using db::Int;
using db::Text;

constexpr const char* kEditionColumns =
    "id, slug, title, description, borough_slug, budget_cents, min_age, like_threshold, ballot_kind, max_plans, "
    "min_spend_cents, max_spend_cents, counting_rule, plans_open, likes_open, review_open, voting_open, "
    "voting_close, published";

Result<Edition> EditionFromRow(db::Connection& c, const db::Row& r) {
  Edition e;
  e.id = r.Int(0);
  e.slug = r.Text(1);
  e.title = r.Text(2);
  e.description = r.Text(3);
  e.borough_slug = r.Text(4);
  e.budget_cents = r.Int(5);
  e.min_age = static_cast<int>(r.Int(6));
  e.like_threshold = static_cast<int>(r.Int(7));
  e.ballot_kind = ParseBallotKind(r.Text(8)).value_or(BallotKind::kSplitBudget);
  e.max_plans = static_cast<int>(r.Int(9));
  e.min_spend_cents = r.OptInt(10);
  e.max_spend_cents = r.OptInt(11);
  e.counting_rule = ParseCountingRule(r.Text(12)).value_or(CountingRule::kGreedy);
  e.dates = {r.Int(13), r.Int(14), r.Int(15), r.Int(16), r.Int(17)};
  e.published = r.Bool(18);
  WP_ASSIGN_OR_RETURN(auto area,
                      c.Query("SELECT neighbourhood_code FROM budget_edition_area WHERE edition_id = ?", {Int(e.id)}));
  for (const auto& a : area) e.area.insert(a.Text(0));
  WP_ASSIGN_OR_RETURN(auto themes, c.Query("SELECT theme FROM budget_edition_themes WHERE edition_id = ? "
                                           "ORDER BY position",
                                           {Int(e.id)}));
  for (const auto& t : themes) e.themes.push_back(t.Text(0));
  return e;
}

Result<void> WriteAreaAndThemes(db::Connection& c, const Edition& e) {
  WP_TRY_VOID(c.Execute("DELETE FROM budget_edition_area WHERE edition_id = ?", {Int(e.id)}));
  WP_TRY_VOID(c.Execute("DELETE FROM budget_edition_themes WHERE edition_id = ?", {Int(e.id)}));
  for (const auto& code : e.area) {
    WP_TRY_VOID(c.Execute("INSERT INTO budget_edition_area (edition_id, neighbourhood_code) VALUES (?, ?)",
                          {Int(e.id), Text(code)}));
  }
  int pos = 0;
  for (const auto& t : e.themes) {
    WP_TRY_VOID(c.Execute("INSERT INTO budget_edition_themes (edition_id, position, theme) VALUES (?, ?, ?)",
                          {Int(e.id), Int(pos++), Text(t)}));
  }
  return Ok();
}

db::Params EditionParams(const Edition& e) {
  return {Text(e.slug),
          Text(e.title),
          Text(e.description),
          Text(e.borough_slug),
          Int(e.budget_cents),
          Int(e.min_age),
          Int(e.like_threshold),
          Text(std::string(BallotKindName(e.ballot_kind))),
          Int(e.max_plans),
          db::OptInt(e.min_spend_cents),
          db::OptInt(e.max_spend_cents),
          Text(std::string(CountingRuleName(e.counting_rule))),
          Int(e.dates.plans_open),
          Int(e.dates.likes_open),
          Int(e.dates.review_open),
          Int(e.dates.voting_open),
          Int(e.dates.voting_close),
          Int(e.published ? 1 : 0)};
}

constexpr const char* kPlanColumns =
    "p.id, p.edition_id, p.submitter_id, p.submitter_name, p.submitter_email, p.submitter_locale, p.title, "
    "p.description, p.theme, p.neighbourhood_code, p.lon, p.lat, p.cost_cents, p.status, p.status_note, "
    "p.merged_into, p.created_at, p.updated_at, "
    "(SELECT COUNT(*) FROM budget_likes l WHERE l.plan_id = p.id)";

// A plan without its cost lines (PlanFromRow adds them; ListPlans reads
// all of an edition's lines in one query).
Plan PlanColumnsFromRow(const db::Row& r) {
  Plan p;
  p.id = r.Int(0);
  p.edition_id = r.Int(1);
  p.submitter_id = r.Int(2);
  p.submitter_name = r.Text(3);
  p.submitter_email = r.Text(4);
  p.submitter_locale = r.Text(5);
  p.title = r.Text(6);
  p.description = r.Text(7);
  p.theme = r.Text(8);
  p.neighbourhood_code = r.Text(9);
  if (!r.IsNull(10)) p.lon = r.Real(10);
  if (!r.IsNull(11)) p.lat = r.Real(11);
  p.cost_cents = r.Int(12);
  p.status = ParsePlanStatus(r.Text(13)).value_or(PlanStatus::kSubmitted);
  p.status_note = r.Text(14);
  p.merged_into = r.OptInt(15);
  p.created_at = r.Int(16);
  p.updated_at = r.Int(17);
  p.likes = r.Int(18);
  return p;
}

Result<Plan> PlanFromRow(db::Connection& c, const db::Row& r) {
  Plan p = PlanColumnsFromRow(r);
  WP_ASSIGN_OR_RETURN(auto costs, c.Query("SELECT label, amount_cents FROM budget_plan_costs WHERE plan_id = ? "
                                          "ORDER BY position",
                                          {Int(p.id)}));
  for (const auto& row : costs) p.cost_lines.push_back({row.Text(0), row.Int(1)});
  return p;
}

db::Value OptReal(const std::optional<double>& v) { return v ? db::Value(*v) : db::Null(); }

Result<void> WriteCosts(db::Connection& c, const Plan& p) {
  WP_TRY_VOID(c.Execute("DELETE FROM budget_plan_costs WHERE plan_id = ?", {Int(p.id)}));
  int pos = 0;
  for (const auto& l : p.cost_lines) {
    WP_TRY_VOID(c.Execute("INSERT INTO budget_plan_costs (plan_id, position, label, amount_cents) VALUES (?, ?, ?, ?)",
                          {Int(p.id), Int(pos++), Text(l.label), Int(l.amount_cents)}));
  }
  return Ok();
}

}  // namespace

Result<int64_t> BudgetStore::InsertEdition(db::Connection& c, const Edition& e, int64_t now) {
  db::Params params = EditionParams(e);
  params.push_back(Int(now));
  params.push_back(Int(now));
  WP_ASSIGN_OR_RETURN(int64_t id,
                      c.Insert("INSERT INTO budget_editions (slug, title, description, borough_slug, budget_cents, "
                               "min_age, like_threshold, ballot_kind, max_plans, min_spend_cents, max_spend_cents, "
                               "counting_rule, plans_open, likes_open, review_open, voting_open, voting_close, "
                               "published, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params));
  Edition copy = e;
  copy.id = id;
  WP_TRY_VOID(WriteAreaAndThemes(c, copy));
  return id;
}

Result<void> BudgetStore::UpdateEdition(db::Connection& c, const Edition& e, int64_t now) {
  db::Params params = EditionParams(e);
  params.push_back(Int(now));
  params.push_back(Int(e.id));
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("UPDATE budget_editions SET slug = ?, title = ?, description = ?, borough_slug = ?, "
                                "budget_cents = ?, min_age = ?, like_threshold = ?, ballot_kind = ?, max_plans = ?, "
                                "min_spend_cents = ?, max_spend_cents = ?, counting_rule = ?, plans_open = ?, "
                                "likes_open = ?, review_open = ?, voting_open = ?, voting_close = ?, published = ?, "
                                "updated_at = ? WHERE id = ?",
                                params));
  if (n == 0) return NotFound("edition " + std::to_string(e.id), "budgets.error.edition_not_found");
  return WriteAreaAndThemes(c, e);
}

Result<std::optional<Edition>> BudgetStore::FindEdition(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional(std::string("SELECT ") + kEditionColumns + " FROM budget_editions WHERE id = ?", {Int(id)}));
  if (!row) return std::optional<Edition>();
  WP_ASSIGN_OR_RETURN(Edition e, EditionFromRow(c, *row));
  return std::optional<Edition>(std::move(e));
}

Result<std::optional<Edition>> BudgetStore::FindEditionBySlug(db::Connection& c, std::string_view slug) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kEditionColumns + " FROM budget_editions WHERE slug = ?",
                                      {Text(std::string(slug))}));
  if (!row) return std::optional<Edition>();
  WP_ASSIGN_OR_RETURN(Edition e, EditionFromRow(c, *row));
  return std::optional<Edition>(std::move(e));
}

Result<std::vector<Edition>> BudgetStore::ListEditions(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kEditionColumns +
                                         " FROM budget_editions ORDER BY plans_open DESC, id DESC"));
  std::vector<Edition> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(Edition e, EditionFromRow(c, r));
    out.push_back(std::move(e));
  }
  return out;
}

Result<EditionFlags> BudgetStore::Flags(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT likes_settled, ballot_settled, selection_recorded "
                                           "FROM budget_editions WHERE id = ?",
                                           {Int(edition_id)}));
  return EditionFlags{row.Bool(0), row.Bool(1), row.Bool(2)};
}

Result<void> BudgetStore::SetFlag(db::Connection& c, int64_t edition_id, EditionFlag flag) {
  const char* column = "likes_settled";
  switch (flag) {
    case EditionFlag::kLikesSettled:
      column = "likes_settled";
      break;
    case EditionFlag::kBallotSettled:
      column = "ballot_settled";
      break;
    case EditionFlag::kSelectionRecorded:
      column = "selection_recorded";
      break;
  }
  WP_ASSIGN_OR_RETURN(
      [[maybe_unused]] int64_t n,
      c.Execute(std::string("UPDATE budget_editions SET ") + column + " = 1 WHERE id = ?", {Int(edition_id)}));
  return Ok();
}

Result<int64_t> BudgetStore::InsertPlan(db::Connection& c, const Plan& p, int64_t now) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert("INSERT INTO budget_plans (edition_id, submitter_id, submitter_name, submitter_email, submitter_locale, "
               "title, description, theme, neighbourhood_code, lon, lat, cost_cents, status, status_note, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id",
               {Int(p.edition_id), Int(p.submitter_id), Text(p.submitter_name), Text(p.submitter_email),
                Text(p.submitter_locale), Text(p.title), Text(p.description), Text(p.theme), Text(p.neighbourhood_code),
                OptReal(p.lon), OptReal(p.lat), Int(p.cost_cents), Text(std::string(PlanStatusName(p.status))),
                Int(now), Int(now)}));
  Plan copy = p;
  copy.id = id;
  WP_TRY_VOID(WriteCosts(c, copy));
  PlanEvent ev{now, p.submitter_name, std::nullopt, p.status, ""};
  WP_TRY_VOID(AppendHistory(c, id, ev, p.submitter_id));
  return id;
}

Result<void> BudgetStore::UpdatePlanContent(db::Connection& c, const Plan& p, int64_t now) {
  WP_ASSIGN_OR_RETURN(
      [[maybe_unused]] int64_t n,
      c.Execute("UPDATE budget_plans SET title = ?, description = ?, theme = ?, neighbourhood_code = ?, "
                "lon = ?, lat = ?, cost_cents = ?, updated_at = ? WHERE id = ?",
                {Text(p.title), Text(p.description), Text(p.theme), Text(p.neighbourhood_code), OptReal(p.lon),
                 OptReal(p.lat), Int(p.cost_cents), Int(now), Int(p.id)}));
  return WriteCosts(c, p);
}

Result<std::optional<Plan>> BudgetStore::FindPlan(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional(std::string("SELECT ") + kPlanColumns + " FROM budget_plans p WHERE p.id = ?", {Int(id)}));
  if (!row) return std::optional<Plan>();
  WP_ASSIGN_OR_RETURN(Plan p, PlanFromRow(c, *row));
  return std::optional<Plan>(std::move(p));
}

Result<std::vector<int64_t>> BudgetStore::PlanIdsOfSubmitter(db::Connection& c, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT id FROM budget_plans WHERE submitter_id = ? ORDER BY id", {Int(user_id)}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<Plan>> BudgetStore::ListPlans(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPlanColumns +
                                             " FROM budget_plans p WHERE p.edition_id = ? "
                                             "ORDER BY p.theme, p.title, p.id",
                                         {Int(edition_id)}));
  std::vector<Plan> out;
  std::map<int64_t, size_t> index;
  for (const auto& r : rows) {
    out.push_back(PlanColumnsFromRow(r));
    index[out.back().id] = out.size() - 1;
  }
  // The cost lines of all the edition's plans in one query (not one per plan:
  // every ballot page lists the plans).
  WP_ASSIGN_OR_RETURN(auto costs, c.Query("SELECT k.plan_id, k.label, k.amount_cents FROM budget_plan_costs k "
                                          "JOIN budget_plans p ON p.id = k.plan_id WHERE p.edition_id = ? "
                                          "ORDER BY k.plan_id, k.position",
                                          {Int(edition_id)}));
  for (const auto& row : costs) {
    auto at = index.find(row.Int(0));
    if (at != index.end()) out[at->second].cost_lines.push_back({row.Text(1), row.Int(2)});
  }
  return out;
}

Result<void> BudgetStore::ChangeStatus(db::Connection& c, int64_t plan_id, PlanStatus from, PlanStatus to,
                                       const std::string& note, int64_t actor_id, const std::string& actor_name,
                                       int64_t now) {
  // The WHERE on the old status makes a concurrent change fail instead of
  // silently overwriting it.
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE budget_plans SET status = ?, status_note = ?, updated_at = ? "
                                           "WHERE id = ? AND status = ?",
                                           {Text(std::string(PlanStatusName(to))), Text(note), Int(now), Int(plan_id),
                                            Text(std::string(PlanStatusName(from)))}));
  if (n == 0) return Conflict("plan status changed meanwhile", "budgets.error.stale");
  PlanEvent ev{now, actor_name, from, to, note};
  return AppendHistory(c, plan_id, ev, actor_id);
}

Result<void> BudgetStore::AppendHistory(db::Connection& c, int64_t plan_id, const PlanEvent& ev, int64_t actor_id) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id,
                      c.Insert("INSERT INTO budget_plan_history (plan_id, at, actor_id, actor_name, from_status, "
                               "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               {Int(plan_id), Int(ev.at), Int(actor_id), Text(ev.actor_name),
                                Text(ev.from ? std::string(PlanStatusName(*ev.from)) : std::string()),
                                Text(std::string(PlanStatusName(ev.to))), Text(ev.note)}));
  return Ok();
}

Result<std::vector<PlanEvent>> BudgetStore::History(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_name, from_status, to_status, note FROM "
                                         "budget_plan_history WHERE plan_id = ? ORDER BY id",
                                         {Int(plan_id)}));
  std::vector<PlanEvent> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), ParsePlanStatus(r.Text(2)),
                   ParsePlanStatus(r.Text(3)).value_or(PlanStatus::kSubmitted), r.Text(4)});
  }
  return out;
}

Result<void> BudgetStore::SetMergedInto(db::Connection& c, int64_t plan_id, int64_t target_id) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t n, c.Execute("UPDATE budget_plans SET merged_into = ? WHERE id = ?",
                                                            {Int(target_id), Int(plan_id)}));
  return Ok();
}

}  // namespace wp::budgets
