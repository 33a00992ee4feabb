// Sections other features' pages show: on geography's wijk page
// (GeographyService::AddDistrictSection) the planned and running projects in
// that wijk, and on a platform's page (PlatformDirectory::AddPageSection)
// those in the platform's wijken, with whether the platform gets e-mail
// about new ones and a link to its participation page. Already escaped
// HTML. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n/catalog.h"
#include "features/participation/commands.h"

namespace wp::participation {

class Sections {
 public:
  // Projects listed at most.
  static constexpr size_t kLines = 5;

  Sections(const ProjectCommands& commands, const i18n::Catalog& catalog) : commands_(commands), catalog_(catalog) {}

  std::string District(std::string_view district_code, std::string_view locale) const;
  std::string Platform(const platforms::Platform& p, std::string_view locale) const;

 private:
  // The list items of the current projects among `projects` (at most kLines).
  std::string Items(const std::vector<Project>& projects, std::string_view locale) const;
  std::string Text(std::string_view locale, std::string_view key, const i18n::Args& args = {}) const;

  const ProjectCommands& commands_;
  const i18n::Catalog& catalog_;
};

}  // namespace wp::participation
