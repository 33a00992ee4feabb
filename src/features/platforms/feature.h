// RegisterPlatforms: Wijkplatforms: registry, recognition, kernteam, werkgroepen, members (issue 3).
// Declared in directory.h (contract C1), which returns the PlatformDirectory.
#pragma once

#include "core/web/registry.h"
#include "features/platforms/directory.h"
