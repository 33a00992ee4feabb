// Demo content (`wijkplatform serve --demo`): a few published news posts on
// the demo platforms. Idempotent: a post whose title is there already is not
// written again.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/news/commands.h"

namespace wp::news {

Result<void> LoadNewsDemo(const web::DemoSeed& seed, NewsCommands& commands);

}  // namespace wp::news
