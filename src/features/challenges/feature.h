// RegisterChallenges: the right to challenge (uitdaagrecht, #18): challenges
// with gate checks per criterion, a business case, go/no-go decisions in an
// append-only history, the cooperation agreement as a PDF and monitoring
// reports with reminders, and the officials' overview.
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/challenges/commands.h"
#include "features/geography/service.h"

namespace wp::challenges {

struct ChallengesOptions {
  ChallengeSettings settings;
  int report_check_seconds = 3600;  // how often the monitoring job looks for reports due or overdue
};

ChallengeCommands& RegisterChallenges(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                      const geography::GeographyService& geography, const accounts::Roles& roles,
                                      const ChallengesOptions& options);

}  // namespace wp::challenges
