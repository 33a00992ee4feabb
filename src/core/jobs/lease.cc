#include "core/jobs/lease.h"

#include <unistd.h>

#include <algorithm>

namespace wp::jobs {

std::string NewWorkerId(Random& random) {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + "/" + std::to_string(::getpid()) + "/" + random.Hex(6);
}

Result<db::Rows> ClaimRows(db::Connection& c, const ClaimSpec& spec, const Lease& lease, const db::Params& due_params,
                           int limit) {
  std::string table(spec.table);
  std::string sql = "UPDATE " + table + " SET lease_owner = ?, lease_until = ?";
  if (!spec.also_set.empty()) sql += ", " + std::string(spec.also_set);
  sql += " WHERE id IN (SELECT id FROM " + table + " WHERE (" + std::string(spec.due) +
         ") AND (lease_until IS NULL OR lease_until <= ?) ORDER BY " + std::string(spec.order_by) + " LIMIT ?";
  // PostgreSQL: lock the chosen rows and skip rows another claimer has
  // locked, so claimers never queue behind each other. SQLite has a single
  // writer, so the statement is atomic as it stands.
  if (c.dialect() == db::Dialect::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  sql += ") RETURNING " + std::string(spec.returning);
  db::Params params = {lease.owner, lease.until};
  params.insert(params.end(), due_params.begin(), due_params.end());
  params.push_back(lease.now);
  params.push_back(db::Int(limit));
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(sql, params));
  // RETURNING gives no order; callers work oldest first.
  std::sort(rows.begin(), rows.end(), [](const db::Row& a, const db::Row& b) { return a.Int(0) < b.Int(0); });
  return rows;
}

Result<bool> RenewLease(db::Connection& c, std::string_view table, int64_t id, std::string_view owner, int64_t until) {
  WP_ASSIGN_OR_RETURN(
      int64_t n, c.Execute("UPDATE " + std::string(table) + " SET lease_until = ? WHERE id = ? AND lease_owner = ?",
                           {until, id, std::string(owner)}));
  return n == 1;
}

}  // namespace wp::jobs
