#include "features/news/feature.h"

#include "wp_news_files.h"

namespace wp::news {

void RegisterNews(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("news", NewsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("news", NewsFiles()));
}

}  // namespace wp::news
