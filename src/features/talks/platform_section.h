// PlatformSection: the rounds-of-talks section of a platform's page
// (platforms::PlatformDirectory::AddPageSection): the next meeting with the
// municipality (date, place) and its agenda, with a link to the meeting, or
// a short note that none is planned. Already escaped HTML. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n/catalog.h"
#include "features/talks/commands.h"

namespace wp::talks {

class PlatformSection {
 public:
  PlatformSection(const TalkCommands& commands, const i18n::Catalog& catalog) : commands_(commands), catalog_(catalog) {}

  // The section of `p` in `locale`; a short note when the meetings cannot be read.
  std::string Render(const platforms::Platform& p, std::string_view locale) const;

 private:
  const TalkCommands& commands_;
  const i18n::Catalog& catalog_;
};

}  // namespace wp::talks
