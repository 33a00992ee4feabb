// The reserve of a forum (#16): the registered volunteers a draw did not
// choose, in a published order derived from the draw's seed, and the rule
// that takes the first reserve who keeps every quota reachable when a member
// leaves. Pure: no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/sortition/selection/instance.h"

namespace wp::forums {

using Features = std::map<std::string, std::string>;  // category -> value

// The reserve order: `public_ids` ranked by SHA-256 of "<seed>\n<public id>"
// (hex, ascending). Anyone with the published seed and ids gets the same list.
std::vector<std::string> ReserveOrder(std::string_view seed, const std::vector<std::string>& public_ids);

// True when a panel of `panel` (the members who stay, plus a candidate) keeps
// every quota reachable for `seats` seats: no value above its maximum, and in
// every category the minimums still missing fit in the seats still open.
bool QuotasReachable(const sortition::Quotas& quotas, int seats, const std::vector<Features>& panel);

struct Reserve {
  std::string public_id;
  Features features;
};

// True when the seats still open after `panel` can be filled from `pool` so
// that every quota holds at once (all categories jointly, not one by one):
// some `seats - panel.size()` people of the pool complete the panel within
// every minimum and maximum. A search over the pool's kinds of people; when
// it grows too large (more than 200,000 steps) it answers as QuotasReachable.
bool CompletionExists(const sortition::Quotas& quotas, int seats, const std::vector<Features>& panel,
                      const std::vector<Features>& pool);

// The index in `reserves` (in reserve order) of the first reserve who, added
// to `panel`, leaves a panel the other reserves can complete under all quotas
// jointly (CompletionExists); nullopt when none does (then the engine draws a
// replacement, or says which quota cannot be met).
std::optional<size_t> FirstFittingReserve(const sortition::Quotas& quotas, int seats,
                                          const std::vector<Features>& panel, const std::vector<Reserve>& reserves);

// Why the reserve cannot fill the seats still open after `panel`: per quota
// value, the minimum (min), and what the panel and the whole reserve could
// bring together (have), when that is less than the minimum; a category whose maximums leave
// fewer places than the open seats comes as feature "<category>" with min =
// the open seats and have = the places left. Empty when counting finds no
// problem (then only the quotas together stand in the way).
struct ReserveShortfall {
  std::string feature;
  int min = 0;
  int have = 0;
};
std::vector<ReserveShortfall> ReserveShortfalls(const sortition::Quotas& quotas, int seats,
                                                const std::vector<Features>& panel,
                                                const std::vector<Reserve>& reserves);

}  // namespace wp::forums
