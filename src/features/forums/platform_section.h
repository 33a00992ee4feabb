// PlatformSection: the forums section of a platform's page
// (platforms::PlatformDirectory::AddPageSection): the lottery forums of the
// platform's wijk with links to each forum, its workspace and its published
// neighbourhood agendas. Empty when the area has no forum. Already escaped
// HTML. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n/catalog.h"
#include "features/forums/workspace_commands.h"
#include "features/platforms/platform.h"

namespace wp::forums {

class PlatformSection {
 public:
  PlatformSection(WorkspaceCommands& commands, const i18n::Catalog& catalog) : commands_(commands), catalog_(catalog) {}

  std::string Render(const platforms::Platform& p, std::string_view locale) const;

 private:
  WorkspaceCommands& commands_;
  const i18n::Catalog& catalog_;
};

}  // namespace wp::forums
