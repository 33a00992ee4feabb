#include "app/counted_edition_demo.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/commands.h"
#include "features/codes/demo.h"
#include "features/voting/commands.h"

namespace wp::app {

namespace {

constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 24 * kHour;

// How many voters chose which plans, as positions in the ballot ordered by
// cost (0 = the most expensive plan). The first kOnline ballots are cast
// online while voting is open, the rest on paper after it closed.
struct BallotGroup {
  int voters;
  std::vector<size_t> plans;
};
const std::vector<BallotGroup> kBallots = {{14, {0, 1}}, {8, {0, 2}}, {6, {1, 2}}, {5, {0}}, {4, {2}}, {3, {1}}};
constexpr int kOnline = 30;

// The buurten of the addresses (the list's "buurtcode" column), so the
// dashboards show turnout per buurt: the voters first (26 in Romolenpolder-oost,
// 12 in Kruidenbuurt, 2 in Schoolenaer), then 60 addresses whose residents did
// not vote (24, 28 and 8). Schoolenaer's 2 voters stay hidden (fewer than 10).
struct BuurtShare {
  const char* code;
  int voters, others;
};
const BuurtShare kBuurten[] = {{"BU03921901", 26, 24}, {"BU03921802", 12, 28}, {"BU03921803", 2, 8}};

// The commands of the three features, working on the app's database at the
// moment `clock` is set to. The job runner keeps the app's own clock
// (`now`): its claim on the code generation is a lease that the app's
// background runners compare with their clock, and a lease taken at a
// replayed moment would already have ended for them, so they would take the
// half-done generation over.
struct Replay {
  Replay(const CountedEditionDemoDeps& deps, const Clock& clock, const Clock& now)
      : budgets(deps.db, clock, deps.random, deps.catalog, deps.budgets_options),
        editions(budgets),
        jobs(deps.db, now, deps.random),
        codes(deps.db, clock, deps.random, deps.code_book, editions, deps.catalog, deps.zone, jobs, deps.codes_options),
        voting(deps.db, clock, editions, deps.code_book, voting::VotingLimits{}, deps.log) {}
  budgets::BudgetCommands budgets;
  budgets::EditionDirectory editions;
  jobs::JobRunner jobs;  // runs the code generation here, in the foreground
  codes::CodeCommands codes;
  voting::VotingCommands voting;
};

Result<void> CastBallots(Replay& r, FakeClock& clock, const budgets::Edition& e, const auth::User& official,
                         std::vector<budgets::BallotPlan> plans, const std::vector<std::string>& codes) {
  std::stable_sort(plans.begin(), plans.end(),
                   [](const auto& a, const auto& b) { return a.cost_cents > b.cost_cents; });
  size_t next = 0;
  for (const BallotGroup& group : kBallots) {
    std::vector<int64_t> chosen;
    for (size_t position : group.plans) {
      if (position < plans.size()) chosen.push_back(plans[position].plan_id);
    }
    for (int v = 0; v < group.voters && next < codes.size(); ++v, ++next) {
      const bool online = static_cast<int>(next) < kOnline;
      clock.Set(online ? e.dates.voting_open + 2 * kDay + static_cast<int64_t>(next) * 5 * kHour
                       : e.dates.voting_close + kDay);
      WP_ASSIGN_OR_RETURN(
          [[maybe_unused]] bool first,
          r.voting.Cast(e, codes[next], chosen, online ? codes::Channel::kOnline : codes::Channel::kPaper,
                        online ? std::nullopt : std::optional<auth::User>(official), "demo"));
    }
  }
  return Ok();
}

// Milestones by the gebiedsverbinder, progress by each funded plan's
// submitter; the cheapest funded plan is finished.
Result<void> Implement(Replay& r, FakeClock& clock, const budgets::Edition& e, const auth::User& official) {
  WP_ASSIGN_OR_RETURN(std::vector<budgets::Plan> plans, r.budgets.Plans(e.id));
  std::vector<budgets::Plan> funded;
  for (const auto& p : plans) {
    if (p.status == budgets::PlanStatus::kSelected) funded.push_back(p);
  }
  std::sort(funded.begin(), funded.end(), [](const auto& a, const auto& b) { return a.cost_cents < b.cost_cents; });
  for (size_t i = 0; i < funded.size(); ++i) {
    const budgets::Plan& p = funded[i];
    const auth::User submitter{p.submitter_id, p.submitter_email, p.submitter_name, "nl", {}};
    clock.Set(e.dates.voting_close + 21 * kDay);
    WP_TRY_VOID(r.budgets.AddMilestone(official, e, p.id, "Afspraken vastgelegd met de gemeente",
                                       e.dates.voting_close + 30 * kDay));
    WP_TRY_VOID(r.budgets.AddMilestone(official, e, p.id, "Uitvoering klaar", e.dates.voting_close + 300 * kDay));
    WP_ASSIGN_OR_RETURN(budgets::PlanDetails details, r.budgets.Details(e, p.id));
    if (details.milestones.size() < 2) return Internal("demo milestones missing");
    clock.Set(e.dates.voting_close + 28 * kDay);
    WP_TRY_VOID(r.budgets.PostProgress(submitter, e, p.id,
                                       "De afspraken met de gebiedsverbinder staan op papier. We beginnen!",
                                       details.milestones[0].id, false));
    if (i == 0) {
      clock.Set(e.dates.voting_close + 200 * kDay);
      WP_TRY_VOID(r.budgets.PostProgress(submitter, e, p.id,
                                         "Klaar! Dank aan alle buren die hebben geholpen. Kom gerust kijken.",
                                         details.milestones[1].id, true));
    }
  }
  return Ok();
}

}  // namespace

Result<void> LoadCountedEditionDemo(const CountedEditionDemoDeps& deps, const web::DemoSeed& seed) {
  // Replayed moments lie in the past of the app's clock, which also decides
  // where the edition's dates are (the budgets demo sets them from it).
  FakeClock clock(seed.clock->NowUnixSeconds());
  Replay r(deps, clock, *seed.clock);
  WP_ASSIGN_OR_RETURN(std::optional<budgets::Edition> found, r.budgets.FindEdition(kCountedDemoEditionSlug));
  if (!found) return Ok();
  const budgets::Edition e = *found;
  WP_ASSIGN_OR_RETURN(bool counted, r.voting.Counted(e.id));
  WP_ASSIGN_OR_RETURN(codes::CodesStatus status, r.codes.Status(e));
  if (counted || status.addresses > 0 || !status.runs.empty()) return Ok();
  // Empty in demo databases made before this content existed (their 2025
  // plans were given statuses directly): leave those as they are.
  WP_ASSIGN_OR_RETURN(std::vector<budgets::BallotPlan> plans, r.editions.BallotPlans(e.id));
  if (plans.empty()) return Ok();

  WP_ASSIGN_OR_RETURN(int64_t official_id,
                      seed.ensure_user("gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)",
                                       {{auth::Role::kAreaLiaison, e.borough_slug}}));
  const auth::User official{official_id,
                            "gebiedsverbinder@demo.wijkplatform.invalid",
                            "Samira de Vries (demo)",
                            "nl",
                            {{auth::Role::kAreaLiaison, e.borough_slug}}};

  std::vector<std::string> addresses, buurten;
  for (bool voters : {true, false}) {
    for (const BuurtShare& b : kBuurten) {
      for (int v = 0; v < (voters ? b.voters : b.others); ++v) {
        addresses.push_back("Demolaan " + std::to_string(addresses.size() + 1) + ", Haarlem (demo)");
        buurten.push_back(b.code);
      }
    }
  }
  clock.Set(e.dates.voting_open - 10 * kDay);
  WP_ASSIGN_OR_RETURN(std::vector<std::string> codes, codes::IssueCodes(r.codes, official, e, addresses, buurten));
  WP_TRY_VOID(CastBallots(r, clock, e, official, std::move(plans), codes));
  clock.Set(e.dates.voting_close + 2 * kDay);
  WP_ASSIGN_OR_RETURN([[maybe_unused]] voting::StoredResult result, r.voting.CountAndPublish(official, e));
  return Implement(r, clock, e, official);
}

}  // namespace wp::app
