#include "features/codes/codes_world.h"

#include <stdexcept>

#include "core/db/migrations.h"
#include "features/codes/demo.h"
#include "features/codes/voting_key.h"
#include "wp_budgets_files.h"
#include "wp_codes_files.h"

namespace wp::codes {

namespace {

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r.has_value()) throw std::runtime_error("CodesWorld: " + what + ": " + r.error().detail);
  return std::move(*r);
}

void Must(Result<void> r, const std::string& what) {
  if (!r.has_value()) throw std::runtime_error("CodesWorld: " + what + ": " + r.error().detail);
}

constexpr int64_t kDay = 24 * 3600;
constexpr const char* kBuurt = "BU03920001";
const auth::User kExpert{5, "expert@example.invalid", "Expert", "nl", {{auth::Role::kMunicipalExpert, ""}}};

}  // namespace

const auth::User CodesWorld::kAdmin{1, "beheer@example.invalid", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}};
const auth::User CodesWorld::kLiaison{
    2, "gv@example.invalid", "Samira", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
const auth::User CodesWorld::kOtherLiaison{
    3, "gv2@example.invalid", "Pieter", "nl", {{auth::Role::kAreaLiaison, "centrum"}}};
const auth::User CodesWorld::kResident{4, "bewoner@example.invalid", "Anouk", "nl", {}};

CodesWorld::CodesWorld() : CodesWorld("codes", CodesFiles()) {}

CodesWorld::CodesWorld(const std::string& feature, std::span<const EmbeddedFile> files)
    : harness_(std::make_unique<wp::testing::PageHarness>(feature, files)),
      print_dir_(dir_.File("print")),
      zone_(Must(time::TimeZone::FromPosixRule(time::kAmsterdamRule), "zone")) {
  auto& h = *harness_;
  std::vector<db::Migration> migrations = db::MigrationsFromFiles("budgets", BudgetsFiles());
  for (auto& m : db::MigrationsFromFiles("codes", CodesFiles())) migrations.push_back(std::move(m));
  Must(db::ApplyMigrations(h.db(), migrations), "migrations");
  budgets_ =
      std::make_unique<budgets::BudgetCommands>(h.db(), h.clock(), h.random(), h.catalog(), budgets::BudgetsOptions{});
  editions_ = std::make_unique<budgets::EditionDirectory>(*budgets_);
  book_ = std::make_unique<CodeBook>(Must(LoadOrCreateVotingKey(dir_.File("voting.key"), h.random()), "key"));
  CodesOptions options;
  options.print_dir = print_dir_;
  options.base_url = "https://wijkplatform.example";
  commands_ = std::make_unique<CodeCommands>(h.db(), h.clock(), h.random(), *book_, *editions_, h.catalog(), zone_,
                                             h.jobs(), options);
}

CodesWorld::~CodesWorld() = default;

budgets::Edition CodesWorld::VotingEdition(const std::string& slug, const std::vector<int64_t>& plan_costs_cents) {
  auto& clock = harness_->clock();
  const int64_t now = clock.NowUnixSeconds();
  budgets::Edition e;
  e.slug = slug;
  e.title = "Schalkwijk aan Zet (" + slug + ")";
  e.description = "Een ronde voor de tests.";
  e.borough_slug = "schalkwijk";
  e.area = {kBuurt};
  e.budget_cents = 50'000'00;
  e.themes = {"Groen"};
  e.like_threshold = 1;
  e.dates = {now + kDay, now + 2 * kDay, now + 3 * kDay, now + 4 * kDay, now + 24 * kDay};
  e.published = true;
  e.id = Must(budgets_->SaveEdition(kAdmin, e, {{kBuurt, "schalkwijk"}}), "edition");
  clock.Advance(std::chrono::seconds(kDay + 60));  // plans
  std::vector<int64_t> plans;
  for (size_t i = 0; i < plan_costs_cents.size(); ++i) {
    budgets::PlanInput in{"Plan " + std::to_string(i + 1),
                          "Een plan voor de buurt.",
                          "Groen",
                          kBuurt,
                          std::nullopt,
                          std::nullopt,
                          {{"Kosten", std::to_string(plan_costs_cents[i] / 100)}}};
    plans.push_back(Must(budgets_->SubmitPlan(kResident, e, in, {}), "plan"));
  }
  clock.Advance(std::chrono::seconds(kDay));  // likes
  for (int64_t p : plans) Must(budgets_->Like(kLiaison, e, p), "like");
  clock.Advance(std::chrono::seconds(kDay));  // review
  Must(budgets_->Settle(e), "settle likes");
  for (int64_t p : plans) Must(budgets_->Review(kExpert, e, p, budgets::ReviewOutcome::kFeasible, ""), "review");
  clock.Advance(std::chrono::seconds(kDay));  // voting
  Must(budgets_->Settle(e), "settle the ballot");
  return Edition(slug);
}

budgets::Edition CodesWorld::Edition(const std::string& slug) {
  auto e = Must(editions_->FindBySlug(slug), "edition");
  if (!e) throw std::runtime_error("CodesWorld: no edition " + slug);
  return *e;
}

std::vector<std::string> CodesWorld::IssueCodes(const budgets::Edition& e, int n) {
  std::vector<std::string> addresses;
  for (int i = 0; i < n; ++i) addresses.push_back("Proefstraat " + std::to_string(next_address_++) + ", Haarlem");
  return Must(codes::IssueCodes(*commands_, kAdmin, e, addresses), "issue codes");
}

}  // namespace wp::codes
