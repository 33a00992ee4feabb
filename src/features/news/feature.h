// RegisterNews: News of wijkplatforms: Markdown posts, Atom feeds, newsletters through the outbox (issue 3).
#pragma once

#include "core/web/registry.h"

namespace wp::news {

void RegisterNews(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::news
