#include "features/budgets/edition_directory.h"

#include "features/budgets/commands.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

Result<std::optional<Edition>> EditionDirectory::FindBySlug(std::string_view slug) const {
  return commands_.FindEdition(slug);
}

Result<std::optional<Edition>> EditionDirectory::FindById(int64_t id) const { return commands_.FindEditionById(id); }

Result<std::vector<BallotPlan>> EditionDirectory::BallotPlans(int64_t edition_id) const {
  return commands_.BallotPlans(edition_id);
}

Result<void> EditionDirectory::RecordSelection(db::Connection& c, int64_t edition_id,
                                               const std::vector<int64_t>& selected) const {
  return commands_.RecordSelection(c, edition_id, selected);
}

bool EditionDirectory::CanManage(const auth::User& u, const Edition& e) { return IsOfficial(u, e.borough_slug); }

}  // namespace wp::budgets
