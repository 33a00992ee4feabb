// The data of challenges as the views show them, shared by the pages:
// paths, the stage stepper and badge, facts, the gate table, the business
// case, decisions and reports. Texts in the request's language. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/challenges/commands.h"

namespace wp::challenges {

inline constexpr const char* kIndexPath = "/uitdaagrecht";
inline constexpr const char* kNewPath = "/uitdaagrecht/nieuw";
std::string ChallengePath(int64_t id);  // "/uitdaagrecht/{id}"

bool UserCan(const web::Context& ctx, Action action, const Challenge& c);
nlohmann::json StageBadge(const web::Context& ctx, Stage s);
nlohmann::json StageStepper(const web::Context& ctx, Stage s);
nlohmann::json Facts(const web::Context& ctx, const ChallengeCommands& commands, const Challenge& c);
// One row per criterion: the latest check (met or not, reason, who, when), or "not checked yet".
nlohmann::json GateTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v);
nlohmann::json BusinessCaseJson(const web::Context& ctx, const BusinessCase& b);
nlohmann::json DecisionsTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v);
nlohmann::json ReportsTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v);
nlohmann::json ChallengesTable(const web::Context& ctx, const std::vector<Challenge>& list);
// The notice on a running challenge's page: when the next report is due,
// or since when it is late ({text, late}).
nlohmann::json ReportDueNotice(const web::Context& ctx, const ChallengeCommands& commands, const ReportSchedule& s);
// A select's options [{value, label, selected}].
nlohmann::json Options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen);

}  // namespace wp::challenges
