#include "features/geography/service.h"

namespace wp::geography {

std::shared_ptr<const Municipality> GeographyService::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

void GeographyService::MakeCurrent(Municipality m) {
  auto next = std::make_shared<const Municipality>(std::move(m));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::move(next);
}

Result<bool> GeographyService::LoadFromDatabase() {
  WP_ASSIGN_OR_RETURN(std::optional<Municipality> stored, commands_.LoadStored());
  if (!stored) return false;
  MakeCurrent(std::move(*stored));
  return true;
}

Result<ImportSummary> GeographyService::ImportFolder(const std::filesystem::path& folder, const std::string& prefix,
                                                     bool replace) {
  WP_ASSIGN_OR_RETURN(Imported imported, commands_.Import(folder, prefix, replace));
  MakeCurrent(std::move(imported.municipality));
  return imported.summary;
}

Result<std::optional<ImportSummary>> GeographyService::LoadOrImport(const std::filesystem::path& folder,
                                                                    const std::string& prefix) {
  WP_ASSIGN_OR_RETURN(std::optional<Loaded> loaded, commands_.LoadOrImport(folder, prefix));
  if (!loaded) return std::optional<ImportSummary>();
  MakeCurrent(std::move(loaded->municipality));
  return loaded->imported;
}

std::string GeographyService::RenderDistrictSections(std::string_view district_code, std::string_view locale) const {
  std::string out;
  for (const auto& section : district_sections_) out += section(district_code, locale);
  return out;
}

}  // namespace wp::geography
