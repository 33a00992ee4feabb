// GeographyStore: the municipality's geography in the database (imported CBS
// files plus rows per area) and the published stadsdeel contacts.
#pragma once

#include <optional>
#include <string>

#include "core/db/database.h"
#include "core/result.h"
#include "features/geography/cbs_import.h"
#include "features/geography/geography.h"

namespace wp::geography {

struct BoroughContact {
  std::string contact_name;
  std::string email;
  std::string phone;
  std::string note;
  int64_t updated_at = 0;
};

class GeographyStore {
 public:
  // Replaces the stored geography by `files` (already parsed into `m`).
  static Result<void> Replace(db::Connection& c, const CbsFiles& files, const Municipality& m, int64_t now);
  // The stored CBS files, or nullopt when nothing was imported yet.
  static Result<std::optional<CbsFiles>> LoadFiles(db::Connection& c);
  static Result<std::optional<BoroughContact>> Contact(db::Connection& c, const std::string& borough_slug);
  static Result<void> SaveContact(db::Connection& c, const std::string& borough_slug, const BoroughContact& contact,
                                  int64_t actor_id);
};

}  // namespace wp::geography
