// RegisterOpinion: opinion-map conversations (#17 item 3) per wijk or buurt:
// anonymous participants vote agree / disagree / pass on short statements,
// the site shows the map of opinion groups and publishes the anonymous vote
// matrix that `wijkplatform opinion-map` replays. Areas come from the
// geography, the organising kernteams from the platforms.
#pragma once

#include "core/web/registry.h"
#include "features/geography/service.h"
#include "features/opinion/commands.h"
#include "features/platforms/directory.h"

namespace wp::opinion {

OpinionCommands& RegisterOpinion(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                 const geography::GeographyService& geography,
                                 const platforms::PlatformDirectory& directory);

}  // namespace wp::opinion
