// BuildOpinionMap: the whole opinion-map recompute from a vote matrix: the
// 2-D projection (projection.h), the groups (groups.h) and the statement
// statistics (statement_stats.h). Pure and deterministic: the same matrix and
// settings (seed included) give the same map, bit for bit.
#pragma once

#include "core/result.h"
#include "features/opinion/map/groups.h"
#include "features/opinion/map/projection.h"
#include "features/opinion/map/statement_stats.h"
#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct MapSettings {
  ProjectionSettings projection;
  GroupSettings groups;
  StatementSettings statements;
};

struct OpinionMap {
  Projection projection;
  Grouping groups;
  MapStatements statements;
};

// Errors (kInvalidInput): settings out of range (CheckGroupSettings, a
// projection block below 2 or no iterations, z <= 0, lists of fewer than 1).
Result<OpinionMap> BuildOpinionMap(const VoteMatrix& votes, const MapSettings& settings = {});

// Groups and statistics for a projection computed elsewhere (bench/opinion's
// dense baseline). REQUIRES: the settings passed the checks above.
OpinionMap MapFromProjection(const VoteMatrix& votes, Projection projection, const MapSettings& settings);

// "A", "B", ... for group 0, 1, ...
std::string GroupLabel(int group);

}  // namespace wp::opinion
