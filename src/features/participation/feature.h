// RegisterParticipation: the participation calendar (#14 item 6): the
// municipality's projects per area with their participation paragraph
// (what residents can and cannot influence, the level, the timeline, how
// the wijkplatform takes part); platforms subscribe and are e-mailed about
// new projects in their area. Sections on the wijk page and the platform page.
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/participation/commands.h"
#include "features/platforms/directory.h"

namespace wp::participation {

ProjectCommands& RegisterParticipation(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                       geography::GeographyService& geography,
                                       platforms::PlatformDirectory& directory, const accounts::Roles& roles);

}  // namespace wp::participation
