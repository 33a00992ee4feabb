// Demo content of forums (`serve --demo`): Wijkforum Zijlweg-West (seven
// seats drawn from 59 registrations after 323 letters, with its draw page
// and one replacement from the reserve; a workspace with a meeting, a PDF and
// a published neighbourhood agenda with budget), a panel of the Oude Stad still taking registrations,
// and Wijkforum Haarlemmerhoutkwartier, drawn about 200 days ago from 41
// registrations (so the dashboards have a quarter that has ended to count).
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/forums/commands.h"
#include "features/forums/draw_job.h"
#include "features/forums/workspace_commands.h"
#include "features/forums/workspace_commands.h"

namespace wp::forums {

// The commands and draw job of the forum drawn in the past: working on the
// same database at a clock set about 200 days before the seed's now.
struct PastForum {
  ForumCommands& commands;
  DrawJob& draw_job;
};

Result<void> LoadForumsDemo(const web::DemoSeed& seed, ForumCommands& commands, DrawJob& draw_job,
                            WorkspaceCommands& workspace, PastForum past);

}  // namespace wp::forums
