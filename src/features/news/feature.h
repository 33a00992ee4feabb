// RegisterNews: news of wijkplatforms: Markdown posts, Atom feeds,
// newsletters through the e-mail outbox (#3).
#pragma once

#include "core/web/registry.h"
#include "features/news/commands.h"
#include "features/platforms/directory.h"

namespace wp::news {

struct NewsOptions {
  NewsSettings settings;
};

NewsCommands& RegisterNews(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                           platforms::PlatformDirectory& directory, const NewsOptions& options);

}  // namespace wp::news
