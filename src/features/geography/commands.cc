#include "features/geography/commands.h"

#include "features/geography/cbs_import.h"
#include "features/geography/geography_store.h"
#include "features/geography/permissions.h"

namespace wp::geography {

namespace {

ImportSummary Summarize(const Municipality& m, bool replaced) {
  ImportSummary s;
  s.municipality_code = m.code.str();
  s.municipality_name = m.name;
  s.boroughs = static_cast<int>(m.boroughs.size());
  s.districts = static_cast<int>(m.districts.size());
  s.neighbourhoods = static_cast<int>(m.neighbourhoods.size());
  for (const auto& d : m.districts) s.population += d.figures.population.value_or(0);
  s.replaced = replaced;
  return s;
}

}  // namespace

Result<std::optional<Municipality>> GeographyCommands::LoadStored() const {
  WP_ASSIGN_OR_RETURN(auto files, db_.Read([](db::Connection& c) { return GeographyStore::LoadFiles(c); }));
  if (!files) return std::optional<Municipality>();
  WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(*files));
  return std::optional<Municipality>(std::move(m));
}

Result<Imported> GeographyCommands::Import(const std::filesystem::path& folder, const std::string& prefix,
                                           bool replace) {
  WP_ASSIGN_OR_RETURN(CbsFiles files, ReadCbsFolder(folder, prefix));
  WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(files));
  // Checked inside the transaction, so two imports at once cannot both
  // think the database was empty.
  WP_ASSIGN_OR_RETURN(bool replaced, db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(bool stored, GeographyStore::HasGeography(c));
    if (stored && !replace) {
      return Conflict("a geography is already imported; pass --replace to replace it", "geography.import.exists");
    }
    WP_TRY_VOID(GeographyStore::Replace(c, files, m, clock_.NowUnixSeconds()));
    return stored;
  }));
  ImportSummary summary = Summarize(m, replaced);
  return Imported{std::move(m), std::move(summary)};
}

Result<std::optional<Loaded>> GeographyCommands::LoadOrImport(const std::filesystem::path& folder,
                                                              const std::string& prefix) {
  // On PostgreSQL the transaction is serializable: a server that loses the
  // race to import runs it again and then finds the winner's import stored.
  return db_.Write([&](db::Connection& c) -> Result<std::optional<Loaded>> {
    WP_ASSIGN_OR_RETURN(std::optional<CbsFiles> stored, GeographyStore::LoadFiles(c));
    if (stored) {
      WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(*stored));
      return std::optional<Loaded>(Loaded{std::move(m), std::nullopt});
    }
    if (folder.empty()) return std::optional<Loaded>();
    WP_ASSIGN_OR_RETURN(CbsFiles files, ReadCbsFolder(folder, prefix));
    WP_ASSIGN_OR_RETURN(Municipality m, ImportMunicipality(files));
    WP_TRY_VOID(GeographyStore::Replace(c, files, m, clock_.NowUnixSeconds()));
    ImportSummary summary = Summarize(m, false);
    return std::optional<Loaded>(Loaded{std::move(m), std::move(summary)});
  });
}

Result<std::optional<BoroughContact>> GeographyCommands::Contact(const std::string& slug) const {
  return db_.Read([&](db::Connection& c) { return GeographyStore::Contact(c, slug); });
}

Result<void> GeographyCommands::SaveContact(const auth::User& actor, const std::string& slug, BoroughContact contact) {
  if (!Can(actor, GeoAction::kEditBoroughContact, slug)) return Forbidden("may not edit this contact");
  contact = TrimmedContact(std::move(contact));
  if (auto problems = CheckBoroughContact(contact); !problems.empty()) return FormInvalid(std::move(problems));
  contact.updated_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(bool exists, GeographyStore::BoroughExists(c, slug));
    if (!exists) return NotFound("no such stadsdeel");
    return GeographyStore::SaveContact(c, slug, contact, actor.id);
  });
}

}  // namespace wp::geography
