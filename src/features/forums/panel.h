// Published for other features (surveys' panel mode): the forums and panels
// an official may send something to, and the current members of one. Only
// what is needed to reach the members: their name and e-mail address, which
// the forum keeps after the appeal period (README); never the volunteers who
// were not drawn, addresses, phone numbers or features. Each function reads
// in the caller's transaction; thread-safe as the connection is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/db/database.h"
#include "core/result.h"

namespace wp::forums {

struct PanelChoice {
  int64_t id = 0;
  std::string name;     // "Wijkforum Zijlweg-West"
  std::string area;     // the wijk's name
  std::string kind;     // "forum" or "panel"
  int64_t members = 0;  // current members (CurrentPanelMembers)
};

// The forums and panels `user` organises (administrators: all; a
// gebiedsverbinder: those of the stadsdeel), newest first.
Result<std::vector<PanelChoice>> PanelChoices(db::Connection& c, const auth::User& user, int64_t now);

// One of PanelChoices, or nullopt when there is no such forum or `user` does
// not organise it.
Result<std::optional<PanelChoice>> FindPanelChoice(db::Connection& c, const auth::User& user, int64_t forum_id,
                                                   int64_t now);

struct PanelMember {
  int64_t id = 0;  // the same for the same member of this forum (not a public id)
  std::string name;
  std::string email;
};

// The members of forum `forum_id` at `now`: drawn (first draw or
// replacement), not left, term not ended, with an e-mail address; in order
// of their draw.
Result<std::vector<PanelMember>> CurrentPanelMembers(db::Connection& c, int64_t forum_id, int64_t now);

}  // namespace wp::forums
