#include "features/budgets/edition_directory.h"

#include <atomic>

#include "features/budgets/commands.h"
#include "features/budgets/page_data.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {
namespace {

std::atomic<uint64_t> budgets_generation{0};

// More kept entries than this (editions are few) empties the table first.
constexpr size_t kMaxKept = 256;

}  // namespace

uint64_t BudgetsGeneration() { return budgets_generation.load(std::memory_order_acquire); }

void NoteBudgetsChanged() { budgets_generation.fetch_add(1, std::memory_order_acq_rel); }

bool StillFresh(uint64_t generation, std::chrono::system_clock::time_point at,
                std::chrono::system_clock::time_point now, int cache_ms) {
  return generation == BudgetsGeneration() && now >= at && now - at < std::chrono::milliseconds(cache_ms);
}

// The generation is read before loading, so a change that commits while
// loading leaves the entry stale at once.
template <class Key, class T, class Load>
Result<T> EditionDirectory::Memo(std::map<Key, Kept<T>>& kept, const Key& key, Load load) const {
  if (cache_ms_ <= 0) return load();
  const uint64_t generation = BudgetsGeneration();
  const auto now = commands_.clock().Now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = kept.find(key);
    if (it != kept.end() && StillFresh(it->second.generation, it->second.at, now, cache_ms_)) {
      return it->second.value;
    }
  }
  WP_ASSIGN_OR_RETURN(T value, load());
  std::lock_guard<std::mutex> lock(mu_);
  if (kept.size() >= kMaxKept) kept.clear();
  kept.insert_or_assign(key, Kept<T>{value, generation, now});
  return value;
}

Result<std::optional<Edition>> EditionDirectory::FindBySlug(std::string_view slug) const {
  return Memo(by_slug_, std::string(slug), [&] { return commands_.FindEdition(slug); });
}

Result<std::optional<Edition>> EditionDirectory::FindById(int64_t id) const {
  return Memo(by_id_, id, [&] { return commands_.FindEditionById(id); });
}

Result<std::vector<BallotPlan>> EditionDirectory::BallotPlans(int64_t edition_id) const {
  return Memo(plans_, edition_id, [&] { return commands_.BallotPlans(edition_id); });
}

Result<std::vector<BallotPlan>> EditionDirectory::ReadBallotPlans(int64_t edition_id) const {
  return commands_.BallotPlans(edition_id);
}

Result<void> EditionDirectory::RecordSelection(db::Connection& c, int64_t edition_id,
                                               const std::vector<int64_t>& selected) const {
  return commands_.RecordSelection(c, edition_id, selected);
}

Result<std::optional<PlanSummary>> EditionDirectory::FindPlan(int64_t plan_id) const {
  WP_ASSIGN_OR_RETURN(auto plan, commands_.FindPlan(plan_id));
  if (!plan) return std::optional<PlanSummary>();
  WP_ASSIGN_OR_RETURN(auto edition, commands_.FindEditionById(plan->edition_id));
  if (!edition) return std::optional<PlanSummary>();
  PlanSummary s;
  s.plan_id = plan->id;
  s.submitter_id = plan->submitter_id;
  s.title = plan->title;
  s.description = plan->description;
  s.neighbourhood_code = plan->neighbourhood_code;
  s.submitter_name = plan->submitter_name;
  s.submitter_locale = plan->submitter_locale;
  s.edition_name = edition->title;
  s.path = PlanPath(*edition, plan->id);
  s.not_chosen = MayGoToInitiativeDesk(plan->status);
  return std::optional<PlanSummary>(std::move(s));
}

Result<std::vector<PlanSummary>> EditionDirectory::PlansOf(int64_t submitter_id) const {
  WP_ASSIGN_OR_RETURN(auto ids, commands_.PlanIdsOf(submitter_id));
  std::vector<PlanSummary> out;
  for (int64_t id : ids) {
    WP_ASSIGN_OR_RETURN(auto plan, FindPlan(id));
    if (plan) out.push_back(std::move(*plan));
  }
  return out;
}

bool EditionDirectory::CanManage(const auth::User& u, const Edition& e) { return IsOfficial(u, e.borough_slug); }

}  // namespace wp::budgets
