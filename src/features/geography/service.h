// GeographyService: the current municipality (parsed once, shared read-only
// by all requests), importing CBS files, and stadsdeel contacts.
// Thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "features/geography/geography.h"
#include "features/geography/geography_store.h"

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

class GeographyService {
 public:
  GeographyService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Loads the stored geography. Returns false when nothing was imported yet.
  Result<bool> LoadFromDatabase();
  // Imports <folder>/<prefix>-*.csv/.geojson. Errors: kInvalidInput naming
  // file and line; kConflict "geography.import.exists" when another
  // municipality is stored and `replace` is false.
  Result<ImportSummary> ImportFolder(const std::filesystem::path& folder, const std::string& prefix, bool replace);
  // The current municipality (empty Municipality before any import).
  std::shared_ptr<const Municipality> current() const;

  Result<std::optional<BoroughContact>> Contact(const std::string& borough_slug);
  // Errors: kForbidden; kNotFound for an unknown stadsdeel.
  Result<void> SaveContact(const auth::User& actor, const std::string& borough_slug, BoroughContact contact);

  // Extension point for other features (geography depends on none of them):
  // a section renders extra, already escaped HTML for the wijk page of
  // `district_code` ("WK039201") in `locale` ("nl" | "en"), e.g. the wijk's
  // platform. Register during setup, before serving; Render is thread-safe.
  using DistrictSection = std::function<std::string(std::string_view district_code, std::string_view locale)>;
  void AddDistrictSection(DistrictSection section) { district_sections_.push_back(std::move(section)); }
  // The sections' HTML for the wijk page, in registration order.
  std::string RenderDistrictSections(std::string_view district_code, std::string_view locale) const {
    std::string out;
    for (const auto& section : district_sections_) out += section(district_code, locale);
    return out;
  }

 private:
  db::Database& db_;
  const Clock& clock_;
  mutable std::mutex mu_;
  std::shared_ptr<const Municipality> current_ = std::make_shared<Municipality>();
  std::vector<DistrictSection> district_sections_;
};

}  // namespace wp::geography
