// RegisterPlatforms: Wijkplatforms: registry, recognition, kernteam, werkgroepen, members (#3).
// Declared in directory.h, which returns the PlatformDirectory other features use.
#pragma once

#include "core/web/registry.h"
#include "features/platforms/directory.h"
