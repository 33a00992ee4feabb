// BudgetStore's SQL for what hangs on a plan: likes, photos, merge proposals,
// milestones and progress notes (the editions and plans themselves are in
// budget_store.cc).
#include "features/budgets/budget_store.h"

namespace wp::budgets {

namespace {

using db::Int;
using db::Text;

MergeProposal MergeFromRow(const db::Row& r) {
  MergeProposal m;
  m.id = r.Int(0);
  m.source_plan_id = r.Int(1);
  m.target_plan_id = r.Int(2);
  m.source_consent = r.Bool(3);
  m.target_consent = r.Bool(4);
  m.state = ParseMergeState(r.Text(5)).value_or(MergeState::kPending);
  m.note = r.Text(6);
  return m;
}

constexpr const char* kMergeColumns = "id, source_plan_id, target_plan_id, source_consent, target_consent, state, note";

}  // namespace

Result<void> BudgetStore::InsertLike(db::Connection& c, int64_t edition_id, int64_t plan_id, int64_t user_id,
                                     int64_t now) {
  auto r = c.Execute("INSERT INTO budget_likes (edition_id, plan_id, user_id, created_at) VALUES (?, ?, ?, ?)",
                     {Int(edition_id), Int(plan_id), Int(user_id), Int(now)});
  if (!r.has_value()) {
    if (r.error().code == ErrorCode::kConflict) return Conflict("liked already", "budgets.like.error.twice");
    return r.error();
  }
  return Ok();
}

Result<bool> BudgetStore::DeleteLike(db::Connection& c, int64_t plan_id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(
      int64_t n, c.Execute("DELETE FROM budget_likes WHERE plan_id = ? AND user_id = ?", {Int(plan_id), Int(user_id)}));
  return n > 0;
}

Result<bool> BudgetStore::HasLiked(db::Connection& c, int64_t plan_id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT 1 FROM budget_likes WHERE plan_id = ? AND user_id = ?",
                                                {Int(plan_id), Int(user_id)}));
  return row.has_value();
}

Result<int64_t> BudgetStore::CountLikes(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM budget_likes WHERE plan_id = ?", {Int(plan_id)}));
  return row.Int(0);
}

Result<void> BudgetStore::CopyLikes(db::Connection& c, int64_t edition_id, int64_t from, int64_t to, int64_t now) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t n,
                      c.Execute("INSERT INTO budget_likes (edition_id, plan_id, user_id, created_at) "
                                "SELECT ?, ?, l.user_id, ? FROM budget_likes l WHERE l.plan_id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM budget_likes m WHERE m.plan_id = ? AND m.user_id = l.user_id)",
                                {Int(edition_id), Int(to), Int(now), Int(from), Int(to)}));
  return Ok();
}

Result<int64_t> BudgetStore::InsertPhoto(db::Connection& c, int64_t plan_id, const std::string& stored_name,
                                         const std::string& content_type, int64_t now) {
  return c.Insert(
      "INSERT INTO budget_plan_photos (plan_id, stored_name, content_type, created_at) "
      "VALUES (?, ?, ?, ?) RETURNING id",
      {Int(plan_id), Text(stored_name), Text(content_type), Int(now)});
}

Result<std::vector<Photo>> BudgetStore::Photos(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, plan_id, stored_name, content_type FROM budget_plan_photos "
                                         "WHERE plan_id = ? ORDER BY id",
                                         {Int(plan_id)}));
  std::vector<Photo> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3)});
  return out;
}

Result<std::optional<Photo>> BudgetStore::FindPhoto(db::Connection& c, const std::string& stored_name) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id, plan_id, stored_name, content_type FROM "
                                                "budget_plan_photos WHERE stored_name = ?",
                                                {Text(stored_name)}));
  if (!row) return std::optional<Photo>();
  return std::optional<Photo>(Photo{row->Int(0), row->Int(1), row->Text(2), row->Text(3)});
}

Result<bool> BudgetStore::DeletePhoto(db::Connection& c, int64_t plan_id, int64_t photo_id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM budget_plan_photos WHERE id = ? AND plan_id = ?",
                                           {Int(photo_id), Int(plan_id)}));
  return n > 0;
}

Result<int64_t> BudgetStore::InsertMerge(db::Connection& c, int64_t edition_id, int64_t source, int64_t target,
                                         int64_t proposed_by, const std::string& note, int64_t now) {
  return c.Insert(
      "INSERT INTO budget_merges (edition_id, source_plan_id, target_plan_id, proposed_by, note, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {Int(edition_id), Int(source), Int(target), Int(proposed_by), Text(note), Int(now)});
}

Result<std::optional<MergeProposal>> BudgetStore::FindMerge(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional(std::string("SELECT ") + kMergeColumns + " FROM budget_merges WHERE id = ?", {Int(id)}));
  if (!row) return std::optional<MergeProposal>();
  return std::optional<MergeProposal>(MergeFromRow(*row));
}

Result<std::vector<MergeProposal>> BudgetStore::MergesOf(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kMergeColumns +
                                             " FROM budget_merges WHERE source_plan_id = ? OR target_plan_id = ? "
                                             "ORDER BY id",
                                         {Int(plan_id), Int(plan_id)}));
  std::vector<MergeProposal> out;
  for (const auto& r : rows) out.push_back(MergeFromRow(r));
  return out;
}

Result<void> BudgetStore::UpdateMerge(db::Connection& c, const MergeProposal& m) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t n,
                      c.Execute("UPDATE budget_merges SET source_consent = ?, target_consent = ?, state = ? "
                                "WHERE id = ?",
                                {Int(m.source_consent ? 1 : 0), Int(m.target_consent ? 1 : 0),
                                 Text(std::string(MergeStateName(m.state))), Int(m.id)}));
  return Ok();
}

Result<int64_t> BudgetStore::InsertMilestone(db::Connection& c, int64_t plan_id, const std::string& title,
                                             int64_t due_at) {
  return c.Insert("INSERT INTO budget_milestones (plan_id, title, due_at) VALUES (?, ?, ?) RETURNING id",
                  {Int(plan_id), Text(title), Int(due_at)});
}

Result<std::vector<Milestone>> BudgetStore::Milestones(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, plan_id, title, due_at, done_at FROM budget_milestones "
                                         "WHERE plan_id = ? ORDER BY due_at, id",
                                         {Int(plan_id)}));
  std::vector<Milestone> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.OptInt(4)});
  return out;
}

Result<bool> BudgetStore::MarkMilestoneDone(db::Connection& c, int64_t plan_id, int64_t milestone_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE budget_milestones SET done_at = ? WHERE id = ? AND plan_id = ? "
                                           "AND done_at IS NULL",
                                           {Int(now), Int(milestone_id), Int(plan_id)}));
  return n > 0;
}

Result<void> BudgetStore::InsertProgress(db::Connection& c, int64_t plan_id, int64_t author_id,
                                         const std::string& author_name, const std::string& note, int64_t now) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id,
                      c.Insert("INSERT INTO budget_progress (plan_id, at, author_id, author_name, note) "
                               "VALUES (?, ?, ?, ?, ?) RETURNING id",
                               {Int(plan_id), Int(now), Int(author_id), Text(author_name), Text(note)}));
  return Ok();
}

Result<std::vector<ProgressUpdate>> BudgetStore::Progress(db::Connection& c, int64_t plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, author_name, note FROM budget_progress WHERE plan_id = ? "
                                         "ORDER BY id DESC",
                                         {Int(plan_id)}));
  std::vector<ProgressUpdate> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace wp::budgets
