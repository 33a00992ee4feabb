#include "features/news/feature.h"

#include "features/news/demo.h"
#include "features/news/news_store.h"
#include "features/news/routes.h"
#include "wp_news_files.h"

namespace wp::news {

NewsCommands& RegisterNews(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                           platforms::PlatformDirectory& directory, const NewsOptions& options) {
  registry.AddFiles("news", NewsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("news", NewsFiles()));
  auto& commands = registry.Keep(
      std::make_unique<NewsCommands>(deps.db, deps.clock, deps.web.catalog(), directory, options.settings));
  registry.AddStat({"wp_news_posts_published", "Published news posts",
                    [](db::Connection& c) { return NewsStore::CountPublished(c).value_or(0); }});
  registry.AddDemo("news", [&commands](const web::DemoSeed& seed) { return LoadNewsDemo(seed, commands); });
  const web::Web& web = deps.web;
  auto& news = registry.Keep(std::make_unique<NewsPages>(web, commands, deps.zone));
  auto& kernteam = registry.Keep(std::make_unique<KernteamPages>(web, commands, deps.zone));
  registry.AddRoutes([&web, &news, &kernteam](http::Router& router) { AddNewsRoutes(router, web, news, kernteam); });
  return commands;
}

}  // namespace wp::news
