// Backups of the database, and restoring one into a fresh database.
//
// SQLite: the online backup API copies a consistent snapshot while servers
// keep running (WAL readers never block the writer), checks the copy, and
// writes one self-contained file. PostgreSQL: pg_dump in its custom format,
// restored with pg_restore into an empty database (Debian's
// postgresql-client); the connection details reach them through PG*
// environment variables, never the command line.
//
// The voting key (voting_key_file) is never in a database backup: it is
// backed up apart (docs/operations.md), so a stolen database backup cannot
// link codes to ballots. BackupVotingKey copies it to a file of its own and
// refuses the database backup's file or folder.
#pragma once

#include <cstdint>
#include <string>

#include "app/config.h"
#include "core/result.h"

namespace wp::app {

struct BackupReport {
  std::string backend;  // "sqlite" or "postgresql"
  std::string file;
  int64_t bytes = 0;
};

// Writes a backup of config.database_url to `file` (refuses to overwrite).
Result<BackupReport> BackupDatabase(const Config& config, const std::string& file);

// Restores `file` into config.database_url, which must be empty or absent.
Result<BackupReport> RestoreDatabase(const Config& config, const std::string& file);

// Copies config.voting_key_file to `key_file` (created owner-only, never
// overwritten). Refuses when `key_file` is `database_backup` itself or lies in
// its folder: the key and the ballots are kept apart.
Result<void> BackupVotingKey(const Config& config, const std::string& key_file, const std::string& database_backup);

// Puts the key backup `key_file` in place as config.voting_key_file (owner
// only). An existing key file is kept when it holds the same key, refused
// when it holds another.
Result<void> RestoreVotingKey(const Config& config, const std::string& key_file);

}  // namespace wp::app
