#include "features/geography/service.h"

#include "features/geography/cbs_import.h"
#include "features/geography/permissions.h"

namespace wp::geography {

std::shared_ptr<const Municipality> GeographyService::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Result<bool> GeographyService::LoadFromDatabase() {
  WP_ASSIGN_OR_RETURN(auto files, db_.Read([](db::Connection& c) { return GeographyStore::LoadFiles(c); }));
  if (!files) return false;
  WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(*files));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::make_shared<const Municipality>(std::move(m));
  return true;
}

Result<ImportSummary> GeographyService::ImportFolder(const std::filesystem::path& folder, const std::string& prefix,
                                                     bool replace) {
  WP_ASSIGN_OR_RETURN(CbsFiles files, ReadCbsFolder(folder, prefix));
  WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(files));
  ImportSummary s;
  s.municipality_code = m.code.str();
  s.municipality_name = m.name;
  s.boroughs = static_cast<int>(m.boroughs.size());
  s.districts = static_cast<int>(m.districts.size());
  s.neighbourhoods = static_cast<int>(m.neighbourhoods.size());
  for (const auto& d : m.districts) s.population += d.figures.population.value_or(0);
  auto existing = current();
  s.replaced = !existing->districts.empty();
  if (s.replaced && !replace) {
    return Conflict("a geography (" + existing->name + ") is already imported; pass --replace to replace it",
                    "geography.import.exists");
  }
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(GeographyStore::Replace(c, files, m, clock_.NowUnixSeconds()));
    return true;
  }));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::make_shared<const Municipality>(std::move(m));
  return s;
}

Result<std::optional<BoroughContact>> GeographyService::Contact(const std::string& slug) {
  return db_.Read([&](db::Connection& c) { return GeographyStore::Contact(c, slug); });
}

Result<void> GeographyService::SaveContact(const auth::User& actor, const std::string& slug, BoroughContact contact) {
  if (!Can(actor, GeoAction::kEditBoroughContact, slug)) return Forbidden("may not edit this contact");
  if (!FindBoroughBySlug(*current(), slug)) return NotFound("no such stadsdeel");
  contact.updated_at = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(GeographyStore::SaveContact(c, slug, contact, actor.id));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

}  // namespace wp::geography
