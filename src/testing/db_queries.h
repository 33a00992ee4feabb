// Test-only reads of the database a test runs against: the e-mails queued in
// the outbox, a count, the id of an account. For feature tests (routes and
// page tests); production code reads through its feature's store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace wp::testing {

struct QueuedMail {
  std::string to, subject, body;
};
// Every e-mail in the outbox, oldest first.
std::vector<QueuedMail> Outbox(db::Database& db);
// The first column of the one row `sql` returns (e.g. "SELECT COUNT(*) FROM ...").
int64_t Count(db::Database& db, const std::string& sql);
// The id of the account with `email`; 0 when there is none.
int64_t UserId(db::Database& db, const std::string& email);

}  // namespace wp::testing
