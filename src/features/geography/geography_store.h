// GeographyStore: the municipality's geography in the database (imported CBS
// files plus rows per area) and the published stadsdeel contacts.
#pragma once

#include <optional>
#include <string>

#include "core/db/database.h"
#include "core/result.h"
#include "features/geography/borough_contact.h"
#include "features/geography/cbs_import.h"
#include "features/geography/geography.h"

namespace wp::geography {

class GeographyStore {
 public:
  // Replaces the stored geography by `files` (already parsed into `m`).
  static Result<void> Replace(db::Connection& c, const CbsFiles& files, const Municipality& m, int64_t now);
  // The stored CBS files, or nullopt when nothing was imported yet.
  static Result<std::optional<CbsFiles>> LoadFiles(db::Connection& c);
  // True when a geography has been imported.
  static Result<bool> HasGeography(db::Connection& c);
  static Result<bool> BoroughExists(db::Connection& c, const std::string& borough_slug);
  static Result<std::optional<BoroughContact>> Contact(db::Connection& c, const std::string& borough_slug);
  static Result<void> SaveContact(db::Connection& c, const std::string& borough_slug, const BoroughContact& contact,
                                  int64_t actor_id);
};

}  // namespace wp::geography
