// What of the rounds of talks the archive's search holds (#14 item 8): the
// minutes and agreements of a meeting once they are public (held or
// closed); nothing before, and nothing of a cancelled meeting. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/search/entry.h"
#include "features/talks/talk.h"

namespace wp::talks {

inline constexpr const char* kMinutesSource = "talks_minutes";

// The entry of meeting `m` (kind "notulen", titled `title`): its minutes,
// then each agreement with who acts on it. Empty unless IsPublished(m.status).
std::vector<search::Entry> MinutesEntries(const Meeting& m, const std::vector<Agreement>& agreements,
                                          const std::string& title);

}  // namespace wp::talks
