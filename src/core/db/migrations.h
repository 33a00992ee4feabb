// Migrations: numbered SQL files per feature, applied once each, in
// registration order, recorded in schema_migrations. SQL may use the tokens
// {{id}} (auto-increment primary key), {{blob}} and {{bigint}}, rewritten per dialect.
#pragma once

#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/embedded.h"

namespace wp::db {

struct Migration {
  std::string id;   // e.g. "accounts/0001_create_users"
  std::string sql;
};

// Builds migrations from embedded *.sql files, ids "<feature>/<file stem>",
// sorted by file name.
std::vector<Migration> MigrationsFromFiles(const std::string& feature, std::span<const EmbeddedFile> files);

// Rewrites the dialect tokens in `sql`.
std::string TranslateDdl(std::string_view sql, Dialect dialect);

// Applies the migrations not yet applied. Returns how many were applied.
// Errors: the failing migration's id and the database message.
Result<int> ApplyMigrations(Database& db, const std::vector<Migration>& migrations);

}  // namespace wp::db
