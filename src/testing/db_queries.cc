#include "testing/db_queries.h"

#include <stdexcept>

namespace wp::testing {

namespace {

template <typename T>
T Checked(Result<T> r, const char* what) {
  if (!r.has_value()) throw std::runtime_error(std::string(what) + ": " + r.error().detail);
  return std::move(*r);
}

}  // namespace

std::vector<QueuedMail> Outbox(db::Database& db) {
  auto rows = Checked(db.Read([](db::Connection& c) {
    return c.Query("SELECT recipient, subject, body_text FROM mail_outbox ORDER BY id");
  }),
                      "Outbox");
  std::vector<QueuedMail> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

int64_t Count(db::Database& db, const std::string& sql) {
  return Checked(db.Read([&](db::Connection& c) { return c.QueryOne(sql); }), "Count").Int(0);
}

int64_t UserId(db::Database& db, const std::string& email) {
  auto row = Checked(
      db.Read([&](db::Connection& c) { return c.QueryOptional("SELECT id FROM users WHERE email = ?", {email}); }),
      "UserId");
  return row ? row->Int(0) : 0;
}

}  // namespace wp::testing
