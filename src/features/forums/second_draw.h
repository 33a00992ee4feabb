// The second, weighted draw of a forum (#16 item 5; Zijlweg-West balanced
// doers and thinkers this way): `extra` more seats drawn from the people who
// are left, with targets for the whole forum after the draw. The engine then
// draws the extra seats under the targets minus what the forum already
// holds. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/forums/reserve.h"
#include "features/sortition/selection/instance.h"

namespace wp::forums {

// One quota value of the plan: the target for the whole forum after the
// draw, what the members hold now, what the extra seats must bring (the
// target minus what is held), and how many people are left with it.
struct PlanRow {
  std::string feature;  // "rol=denker"
  int target_min = 0, target_max = 0;
  int held = 0;
  int need_min = 0, need_max = 0;
  int available = 0;
};

struct SecondDrawPlan {
  sortition::Quotas targets;    // the forum's quotas after the draw (members + extra)
  sortition::Quotas remaining;  // the quotas of the extra seats: targets minus held
  std::vector<PlanRow> rows;    // in quota order
};

// Plans a second draw. `targets_csv` is a categories file (feature,value,
// min,max) for the whole forum after the draw; it names one or more of the
// forum's categories, each with all its values. A category it leaves out
// keeps its minimum, and its maximum grows by `extra`. Per value: the extra
// seats must bring max(0, min - held) and at most max - held.
// Errors (FormInvalid, every problem found, each naming the quota and by how
// much): "extra" forums.error.extra_seats (below 1), .extra_too_many (more
// than the people left); "targets" .targets_parse, .targets_empty,
// .targets_category (not a category of the forum), .targets_values (values
// differ from the forum's), .target_over (the members already hold more than
// the maximum), .target_short (fewer people left than the minimum needs),
// .target_category_min (the minimums need more seats than `extra`),
// .target_category_room (the maximums and the people left fill fewer).
Result<SecondDrawPlan> PlanSecondDraw(const sortition::Quotas& forum_quotas, std::string_view targets_csv,
                                      const std::vector<Features>& members, const std::vector<Features>& pool,
                                      int extra);

}  // namespace wp::forums
