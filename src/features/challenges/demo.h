// Demo content (`wijkplatform serve --demo`): in Schalkwijk a challenge at
// each stage: at the gate with two criteria checked, at the business case,
// at the agreement (its PDF can be downloaded), running with a report, and
// one stopped after a no-go. Idempotent: a challenge whose task is there is
// not made again. Skipped when the geography has no stadsdeel Schalkwijk.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/challenges/commands.h"

namespace wp::challenges {

Result<void> LoadChallengesDemo(const web::DemoSeed& seed, ChallengeCommands& commands);

}  // namespace wp::challenges
