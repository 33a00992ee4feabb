#include "features/opinion/map/opinion_map.h"

namespace wp::opinion {
namespace {

Result<void> CheckSettings(const MapSettings& s) {
  WP_TRY_VOID(CheckGroupSettings(s.groups));
  if (s.projection.block < 2 || s.projection.max_iterations < 1 || !(s.projection.tolerance > 0)) {
    return InvalidInput("the projection needs a block of at least 2, at least 1 iteration and a positive tolerance");
  }
  if (!(s.statements.z > 0) || s.statements.max_representative < 1 || s.statements.max_consensus < 1) {
    return InvalidInput("the statement settings need z > 0 and lists of at least 1");
  }
  return Ok();
}

}  // namespace

OpinionMap MapFromProjection(const VoteMatrix& votes, Projection projection, const MapSettings& settings) {
  OpinionMap map;
  map.projection = std::move(projection);
  map.groups = FindGroups(votes, map.projection.participant, settings.groups);
  map.statements = ComputeStatementStats(votes, map.groups, settings.statements);
  return map;
}

Result<OpinionMap> BuildOpinionMap(const VoteMatrix& votes, const MapSettings& settings) {
  WP_TRY_VOID(CheckSettings(settings));
  return MapFromProjection(votes, Project(votes, settings.projection), settings);
}

std::string GroupLabel(int group) { return std::string(1, static_cast<char>('A' + group)); }

}  // namespace wp::opinion
