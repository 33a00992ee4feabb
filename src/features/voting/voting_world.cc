#include "features/voting/voting_world.h"

#include <map>
#include <stdexcept>

#include "features/codes/code_format.h"
#include "features/codes/demo.h"
#include "features/codes/voting_key.h"
#include "features/geography/service.h"

namespace wp::voting {

namespace {

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.has_value()) throw std::runtime_error(std::string("VotingWorld: ") + what + ": " + r.error().detail);
  return std::move(*r);
}

const auth::User kSystem{0, "", "test", "nl", {{auth::Role::kAdministrator, ""}}};

}  // namespace

VotingWorld::VotingWorld(std::function<void(app::Config&)> customize) {
  key_file_ = dir_.File("voting.key");
  const std::string print_dir = dir_.File("print");
  harness_ = std::make_unique<wp::testing::AppHarness>([&](app::Config& c) {
    c.voting_key_file = key_file_;
    c.print_dir = print_dir;
    if (customize) customize(c);
  });
  key_file_ = harness_->config().voting_key_file;
  auto demo = harness_->app().LoadDemoContent();
  if (!demo.has_value()) throw std::runtime_error("VotingWorld: demo content: " + demo.error().detail);
  budgets_ = std::make_unique<budgets::BudgetCommands>(db(), harness_->clock(), random_, catalog_,
                                                       budgets::BudgetsOptions{});
  editions_ = std::make_unique<budgets::EditionDirectory>(*budgets_);
  std::string key = Must(codes::LoadOrCreateVotingKey(key_file_, random_), "voting key");
  book_ = std::make_unique<codes::CodeBook>(key);
  codes::CodesOptions options;
  options.voting_key = key;
  options.print_dir = dir_.File("print-test");
  jobs_ = std::make_unique<jobs::JobRunner>(db(), harness_->clock(), random_);
  codes_ = std::make_unique<codes::CodeCommands>(db(), harness_->clock(), random_, *book_, *editions_, catalog_,
                                                 harness_->app().zone(), *jobs_, options);
}

VotingWorld::~VotingWorld() {
  codes_.reset();
  jobs_.reset();
  harness_.reset();
}

budgets::Edition VotingWorld::edition() {
  auto e = Must(editions_->FindBySlug(kSlug), "edition");
  if (!e) throw std::runtime_error("VotingWorld: the demo edition is missing");
  return *e;
}

std::vector<budgets::BallotPlan> VotingWorld::plans() { return Must(editions_->BallotPlans(edition().id), "plans"); }

std::map<std::string, std::string> VotingWorld::BoroughOfBuurt() {
  std::map<std::string, std::string> out;
  auto m = harness_->app().geography()->current();
  for (const auto& n : m->neighbourhoods) {
    for (const auto& b : m->boroughs) {
      if (b.name == n.borough) out[n.code.str()] = b.slug;
    }
  }
  return out;
}

std::vector<std::string> VotingWorld::IssueCodes(int n, const std::string& slug) {
  auto found = Must(editions_->FindBySlug(slug), "edition");
  if (!found) throw std::runtime_error("VotingWorld: no edition " + slug);
  std::vector<std::string> addresses;
  for (int i = 0; i < n; ++i) addresses.push_back("Proefstraat " + std::to_string(next_address_++) + ", Haarlem");
  return Must(codes::IssueCodes(*codes_, kSystem, *found, addresses), "issue codes");
}

void VotingWorld::UpdateEdition(const std::function<void(budgets::Edition&)>& change) {
  budgets::Edition e = edition();
  change(e);
  std::map<std::string, std::string> borough_of_buurt = BoroughOfBuurt();
  auto saved = budgets_->SaveEdition(kSystem, e, borough_of_buurt);
  if (!saved.has_value()) {
    std::string why = saved.error().detail;
    for (const auto& f : saved.error().fields) why += "; " + f.field + ": " + f.message_key;
    throw std::runtime_error("VotingWorld: saving the edition failed: " + why);
  }
}

std::string VotingWorld::UnissuedCode() {
  SeededRandom r(7);
  return codes::GenerateCode(r);
}

}  // namespace wp::voting
