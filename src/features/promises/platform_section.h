// PlatformSection: the promises section of a platform's page
// (platforms::PlatformDirectory::AddPageSection): how many promises are
// open, late and done, the open ones with the earliest due date first (late
// ones marked), how many municipal commitments its wijkcontract has, and a
// link to the platform's promises page. Already escaped HTML. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n/catalog.h"
#include "features/promises/commands.h"

namespace wp::promises {

class PlatformSection {
 public:
  // Open promises listed at most.
  static constexpr size_t kLines = 5;

  PlatformSection(const PromiseCommands& commands, const i18n::Catalog& catalog)
      : commands_(commands), catalog_(catalog) {}

  // The section of `p` in `locale`; a short note when the promises cannot be read.
  std::string Render(const platforms::Platform& p, std::string_view locale) const;

 private:
  const PromiseCommands& commands_;
  const i18n::Catalog& catalog_;
};

}  // namespace wp::promises
