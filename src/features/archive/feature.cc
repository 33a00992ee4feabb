#include "features/archive/feature.h"

#include "core/html/escape.h"
#include "features/archive/archive_store.h"
#include "features/archive/demo.h"
#include "features/archive/routes.h"
#include "wp_archive_files.h"

namespace wp::archive {

namespace {

// The migrations of this database: the search index has one form per
// dialect (0002_search_sqlite / 0002_search_postgres), kept under one id.
std::vector<db::Migration> MigrationsFor(db::Dialect dialect) {
  const std::string keep = dialect == db::Dialect::kPostgres ? "_postgres" : "_sqlite";
  const std::string drop = dialect == db::Dialect::kPostgres ? "_sqlite" : "_postgres";
  std::vector<db::Migration> out;
  for (auto& m : db::MigrationsFromFiles("archive", ArchiveFiles())) {
    if (m.id.ends_with(drop)) continue;
    if (m.id.ends_with(keep)) m.id.resize(m.id.size() - keep.size());
    out.push_back(std::move(m));
  }
  return out;
}

// A link to the archive on the platform's page.
std::string Section(const i18n::Catalog& catalog, const platforms::Platform& p, std::string_view locale) {
  return "<section class=\"wp-archive\" aria-labelledby=\"wp-archive-heading\">"
         "<h2 class=\"utrecht-heading-2\" id=\"wp-archive-heading\">" +
         html::Escape(catalog.Format(locale, "archive.section.heading")) + "</h2><p class=\"utrecht-paragraph\">" +
         html::Escape(catalog.Format(locale, "archive.section.intro")) + " <a class=\"utrecht-link\" href=\"/wijkplatform/" +
         html::Escape(p.slug) + "/archief\">" + html::Escape(catalog.Format(locale, "archive.section.link")) +
         "</a></p></section>";
}

}  // namespace

std::vector<db::Migration> ArchiveMigrations(db::Dialect dialect) { return MigrationsFor(dialect); }

ArchiveIndex& CreateArchiveIndex(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  return registry.Keep(std::make_unique<ArchiveIndex>(deps.db));
}

ArchiveCommands& RegisterArchive(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                 platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                 const ArchiveIndex& index, const ArchiveOptions& options) {
  registry.AddFiles("archive", ArchiveFiles());
  registry.AddMigrations(MigrationsFor(deps.db.dialect()));
  auto& extractor = registry.Keep(MakePopplerTextExtractor());
  const i18n::Catalog& catalog = deps.web.catalog();
  auto& commands = registry.Keep(std::make_unique<ArchiveCommands>(
      deps.db, deps.clock, deps.files, extractor, directory, roles, deps.zone, catalog, index, options.settings));
  deps.web.AddNav({"/archief", "archive.nav.search", std::nullopt, false});
  deps.web.AddNav({"/mijn/volgen", "archive.nav.following", auth::Role::kCouncilMember, true});
  registry.AddUploadRoute({http::Method::kPost, kUploadPattern, true});
  registry.AddStoredFileColumn({"archive_documents", "sha256"});  // its PDFs, kept by the file sweep
  registry.AddStat({"wp_archive_documents", "Public documents in the platforms' archives",
                    [](db::Connection& c) { return ArchiveStore::CountDocuments(c).value_or(0); }});
  deps.jobs.AddPeriodic("archive.digests", options.digest_check_seconds, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SendDigests());
    return Ok();
  });
  registry.AddDemo("archive", [&commands, &clock = deps.clock](const web::DemoSeed& seed) {
    return LoadArchiveDemo(seed, commands, seed.clock ? *seed.clock : clock);
  });
  directory.AddPageSection([&catalog](const platforms::Platform& p, const auth::User*, std::string_view locale) {
    return Section(catalog, p, locale);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& keeper = registry.Keep(std::make_unique<KeeperPages>(web, commands, open));
  auto& follow = registry.Keep(std::make_unique<FollowPages>(web, commands));
  registry.AddRoutes([&web, &open, &keeper, &follow](http::Router& router) {
    AddArchiveRoutes(router, web, open, keeper, follow);
  });
  return commands;
}

}  // namespace wp::archive
