// GeographyService: the geography feature's interface for the app and other
// features. It holds the current municipality (parsed once, shared read-only
// by all requests), loads and imports it through GeographyCommands, and lets
// other features add sections to the wijk page. Thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/geography/commands.h"
#include "features/geography/geography.h"

namespace wp::geography {

class GeographyService {
 public:
  GeographyService(db::Database& db, const Clock& clock) : commands_(db, clock) {}

  // Loads the stored geography. Returns false when nothing was imported yet.
  Result<bool> LoadFromDatabase();
  // Imports <folder>/<prefix>-*.csv/.geojson and makes it current. Errors:
  // those of GeographyCommands::Import (kInvalidInput naming file and line;
  // kConflict "geography.import.exists" when a geography is stored and
  // `replace` is false); the current municipality stays on an error.
  Result<ImportSummary> ImportFolder(const std::filesystem::path& folder, const std::string& prefix, bool replace);
  // At start: makes the stored municipality current or, when none is stored,
  // imports <folder>/<prefix>-* (unless `folder` is empty); servers starting
  // together on an empty database import it once. Returns the summary when
  // this call imported. Errors: those of GeographyCommands::LoadOrImport.
  Result<std::optional<ImportSummary>> LoadOrImport(const std::filesystem::path& folder, const std::string& prefix);
  // The current municipality (empty Municipality before any import). A new
  // import gives a new object; the one returned stays valid and unchanged.
  std::shared_ptr<const Municipality> current() const;

  // The use cases behind the pages (stadsdeel contacts).
  GeographyCommands& commands() { return commands_; }

  // Extension point for other features (geography depends on none of them):
  // a section renders extra, already escaped HTML for the wijk page of
  // `district_code` ("WK039201") in `locale` ("nl" | "en"), e.g. the wijk's
  // platform. Register during setup, before serving; Render is thread-safe.
  using DistrictSection = std::function<std::string(std::string_view district_code, std::string_view locale)>;
  void AddDistrictSection(DistrictSection section) { district_sections_.push_back(std::move(section)); }
  // The sections' HTML for the wijk page, in registration order.
  std::string RenderDistrictSections(std::string_view district_code, std::string_view locale) const;

 private:
  void MakeCurrent(Municipality m);

  GeographyCommands commands_;
  mutable std::mutex mu_;
  std::shared_ptr<const Municipality> current_ = std::make_shared<Municipality>();
  std::vector<DistrictSection> district_sections_;
};

}  // namespace wp::geography
