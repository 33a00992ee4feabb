// LoadTalksDemo: rounds of talks with the demo platform Boerhaavewijk: a
// spring meeting that was held, with its agenda, minutes and agreements that
// became promises; an autumn meeting ahead with agenda items from the
// kernteam and the municipality; an autumn meeting of the year before that
// was cancelled. Runs once (nothing when the platform has meetings, or does
// not exist).
#pragma once

#include "core/db/database.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/talks/commands.h"

namespace wp::talks {

// `db` writes the agenda of the held meeting as it was proposed before it
// (the commands accept proposals only until a week before a meeting).
Result<void> LoadTalksDemo(const web::DemoSeed& seed, TalkCommands& commands, db::Database& db);

}  // namespace wp::talks
