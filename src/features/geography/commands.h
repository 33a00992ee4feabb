// GeographyCommands: the use cases of the geography feature, each in one
// transaction: read the stored municipality, import CBS files, read and
// publish a stadsdeel's contact. They keep no state; GeographyService holds
// the municipality they load. Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/geography/borough_contact.h"
#include "features/geography/geography.h"

namespace wp::geography {

struct ImportSummary {
  std::string municipality_code;
  std::string municipality_name;
  int boroughs = 0;
  int districts = 0;
  int neighbourhoods = 0;
  int64_t population = 0;
  bool replaced = false;  // an earlier import was replaced
};

// A municipality just imported, with what the import did.
struct Imported {
  Municipality municipality;
  ImportSummary summary;
};

// The municipality a server starts with: the stored one, or the one it just
// imported (then `imported` says what the import did).
struct Loaded {
  Municipality municipality;
  std::optional<ImportSummary> imported;
};

class GeographyCommands {
 public:
  GeographyCommands(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The stored municipality, parsed again from the stored CBS files; nullopt
  // when nothing was imported yet. Errors: those of ImportMunicipality when
  // the stored files no longer parse.
  Result<std::optional<Municipality>> LoadStored() const;
  // Reads <folder>/<prefix>-*.csv/.geojson, checks them and stores them,
  // replacing an earlier import only when `replace` is set. Errors:
  // kInvalidInput naming file and line; kNotFound for a missing file;
  // kConflict "geography.import.exists" when a geography is stored and
  // `replace` is false. Nothing changes on an error.
  Result<Imported> Import(const std::filesystem::path& folder, const std::string& prefix, bool replace);
  // What a server does at start: the stored municipality, or, when none is
  // stored, the files of <folder>/<prefix>-* imported and stored. Decided in
  // one transaction, so of several servers starting on an empty database one
  // imports and the others load its import. nullopt when nothing is stored
  // and `folder` is empty. Errors: those of LoadStored and Import.
  Result<std::optional<Loaded>> LoadOrImport(const std::filesystem::path& folder, const std::string& prefix);

  // The published contact of stadsdeel `borough_slug`, or nullopt.
  Result<std::optional<BoroughContact>> Contact(const std::string& borough_slug) const;
  // Publishes the contact of stadsdeel `borough_slug` (fields trimmed).
  // Errors: kForbidden unless `actor` may edit it (permissions.h); kNotFound
  // for an unknown stadsdeel; FormInvalid with CheckBoroughContact's fields.
  Result<void> SaveContact(const auth::User& actor, const std::string& borough_slug, BoroughContact contact);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace wp::geography
