// RegisterArchive: the collective memory of the wijkplatforms (#14 item 8):
// each platform's archive of PDF documents with full-text search, council
// members who follow platforms and get a daily digest.
#pragma once

#include <vector>

#include "core/db/migrations.h"
#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/archive/archive_index.h"
#include "features/archive/commands.h"
#include "features/platforms/directory.h"

namespace wp::archive {

struct ArchiveOptions {
  ArchiveSettings settings;
  int digest_check_seconds = 900;
};

// The archive's migrations for a database of `dialect` (the search index
// differs per backend), as RegisterArchive adds them.
std::vector<db::Migration> ArchiveMigrations(db::Dialect dialect);

// The archive's search index, made before the features that feed it
// (advice, talks register their sources on it); RegisterArchive takes it.
ArchiveIndex& CreateArchiveIndex(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

ArchiveCommands& RegisterArchive(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                 platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                 const ArchiveIndex& index, const ArchiveOptions& options);

}  // namespace wp::archive
