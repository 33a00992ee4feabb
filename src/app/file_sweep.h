// The app's sweep of unreferenced documents (core/files/blob_sweep.h) over
// the columns the features registered (FeatureRegistry::AddStoredFileColumn).
// It refuses to run while a migration creates a `sha256` column that no
// feature registered: a forgotten registration must never cost documents.
#pragma once

#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/db/migrations.h"
#include "core/files/blob_sweep.h"
#include "core/result.h"
#include "core/web/registry.h"

namespace wp::app {

// Tables whose migrations give them a `sha256` column that is not among
// `registered` ("table.column"), and registered names that are not plain
// SQL identifiers.
std::vector<std::string> StoredFileColumnProblems(const std::vector<db::Migration>& migrations,
                                                  const std::vector<web::StoredFileColumn>& registered);

Result<files::SweepReport> SweepUnreferencedFiles(db::Database& db, const files::BlobStore& store,
                                                  const std::vector<db::Migration>& migrations,
                                                  const std::vector<web::StoredFileColumn>& registered,
                                                  files::SweepOptions options = {});

}  // namespace wp::app
