#include "features/geography/geography_store.h"

namespace wp::geography {

namespace {

db::Value Population(const Figures& f) { return f.population ? db::Value(*f.population) : db::Value(nullptr); }

}  // namespace

Result<void> GeographyStore::Replace(db::Connection& c, const CbsFiles& files, const Municipality& m, int64_t now) {
  WP_TRY_VOID(c.Execute("DELETE FROM geo_neighbourhoods"));
  WP_TRY_VOID(c.Execute("DELETE FROM geo_districts"));
  WP_TRY_VOID(c.Execute("DELETE FROM geo_boroughs"));
  WP_TRY_VOID(c.Execute("DELETE FROM geo_sources"));
  auto put = [&](const std::string& role, const SourceFile& f) -> Result<void> {
    WP_TRY_VOID(c.Execute("INSERT INTO geo_sources (role, file_name, contents, imported_at) VALUES (?, ?, ?, ?)",
                          {role, f.name, f.contents, now}));
    return Ok();
  };
  if (files.boroughs_csv) WP_TRY_VOID(put("boroughs_csv", *files.boroughs_csv));
  WP_TRY_VOID(put("districts_csv", files.districts_csv));
  WP_TRY_VOID(put("districts_geojson", files.districts_geojson));
  WP_TRY_VOID(put("neighbourhoods_csv", files.neighbourhoods_csv));
  WP_TRY_VOID(put("neighbourhoods_geojson", files.neighbourhoods_geojson));
  if (files.council_mapping_csv) WP_TRY_VOID(put("council_mapping_csv", *files.council_mapping_csv));
  for (const auto& b : m.boroughs) {
    WP_TRY_VOID(c.Execute("INSERT INTO geo_boroughs (slug, name, population) VALUES (?, ?, ?)",
                          {b.slug, b.name, Population(b.figures)}));
  }
  for (const auto& d : m.districts) {
    const Borough* b = FindBorough(m, d.borough);
    WP_TRY_VOID(
        c.Execute("INSERT INTO geo_districts (code, name, slug, borough_slug, population) VALUES (?, ?, ?, ?, ?)",
                  {d.code.str(), d.name, d.slug, b ? b->slug : "", Population(d.figures)}));
  }
  for (const auto& n : m.neighbourhoods) {
    const Borough* b = FindBorough(m, n.borough);
    WP_TRY_VOID(c.Execute(
        "INSERT INTO geo_neighbourhoods (code, name, district_code, borough_slug, population) VALUES (?, ?, ?, ?, ?)",
        {n.code.str(), n.name, n.district_code.str(), b ? b->slug : "", Population(n.figures)}));
  }
  return Ok();
}

Result<std::optional<CbsFiles>> GeographyStore::LoadFiles(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT role, file_name, contents FROM geo_sources"));
  if (rows.empty()) return std::optional<CbsFiles>();
  CbsFiles files;
  for (const auto& r : rows) {
    SourceFile f{r.Text(1), r.Text(2)};
    std::string role = r.Text(0);
    if (role == "boroughs_csv") {
      files.boroughs_csv = f;
    } else if (role == "districts_csv") {
      files.districts_csv = f;
    } else if (role == "districts_geojson") {
      files.districts_geojson = f;
    } else if (role == "neighbourhoods_csv") {
      files.neighbourhoods_csv = f;
    } else if (role == "neighbourhoods_geojson") {
      files.neighbourhoods_geojson = f;
    } else if (role == "council_mapping_csv") {
      files.council_mapping_csv = f;
    }
  }
  return std::optional<CbsFiles>(std::move(files));
}

Result<bool> GeographyStore::HasGeography(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT role FROM geo_sources LIMIT 1"));
  return row.has_value();
}

Result<bool> GeographyStore::BoroughExists(db::Connection& c, const std::string& slug) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT slug FROM geo_boroughs WHERE slug = ?", {slug}));
  return row.has_value();
}

Result<std::optional<BoroughContact>> GeographyStore::Contact(db::Connection& c, const std::string& slug) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional(
          "SELECT contact_name, email, phone, note, updated_at FROM geo_borough_contacts WHERE borough_slug = ?",
          {slug}));
  if (!row) return std::optional<BoroughContact>();
  return std::optional<BoroughContact>(
      BoroughContact{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Int(4)});
}

Result<void> GeographyStore::SaveContact(db::Connection& c, const std::string& slug, const BoroughContact& k,
                                         int64_t actor_id) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO geo_borough_contacts (borough_slug, contact_name, email, phone, note, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (borough_slug) DO UPDATE SET contact_name = excluded.contact_name, "
      "email = excluded.email, phone = excluded.phone, note = excluded.note, updated_at = excluded.updated_at, "
      "updated_by = excluded.updated_by",
      {slug, k.contact_name, k.email, k.phone, k.note, k.updated_at, actor_id}));
  return Ok();
}

}  // namespace wp::geography
