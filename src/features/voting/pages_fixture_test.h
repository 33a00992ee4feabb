// The voting handlers on a CodesWorld (PageHarness: no server): the voting
// views, messages and tables, an edition in its voting phase with three plans
// (EUR 10.000, 20.000 and 30.000 of EUR 50.000), and the page classes. For
// the *_pages_test.cc files only.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "core/db/migrations.h"
#include "features/codes/codes_world.h"
#include "features/voting/ballot_pages.h"
#include "features/voting/feature.h"
#include "features/voting/official_pages.h"
#include "features/voting/result_pages.h"
#include "wp_voting_files.h"

namespace wp::voting {

// The voting files without their migrations, which need VotingMigrations.
inline std::vector<EmbeddedFile> VotingFilesWithoutMigrations() {
  std::vector<EmbeddedFile> files;
  for (const auto& f : VotingFiles()) {
    if (f.path.rfind("migrations/", 0) != 0) files.push_back(f);
  }
  return files;
}

class VotingPagesWorld {
 public:
  VotingPagesWorld()
      : files_(VotingFilesWithoutMigrations()),
        codes_("voting", files_),
        commands_(harness().db(), harness().clock(), codes_.editions(), codes_.book(), VotingLimits{}, log_),
        ballots_(harness().web(), commands_, codes_.zone()),
        officials_(harness().web(), commands_, codes_.commands().four_eyes(), codes_.zone()),
        results_(harness().web(), commands_, codes_.zone()) {
    RegisterRiskyActs(codes_.commands().four_eyes(), commands_);
    auto applied = db::ApplyMigrations(harness().db(), VotingMigrations(db::Dialect::kSqlite));
    if (!applied.has_value()) throw std::runtime_error("voting migrations: " + applied.error().detail);
    edition_ = codes_.VotingEdition("stem-2026", {10'000'00, 20'000'00, 30'000'00});
    auto plans = commands_.Plans(edition_);
    if (!plans.has_value()) throw std::runtime_error("plans: " + plans.error().detail);
    plans_ = *plans;
  }

  wp::testing::PageHarness& harness() { return codes_.harness(); }
  codes::CodesWorld& codes() { return codes_; }
  VotingCommands& commands() { return commands_; }
  const budgets::Edition& edition() const { return edition_; }
  const std::vector<budgets::BallotPlan>& plans() const { return plans_; }
  std::string log() const { return log_.str(); }
  // Route parameters of the edition's pages.
  wp::testing::PageHarness::Params Slug() const { return {{"slug", edition_.slug}}; }
  std::string Id(size_t plan) const { return std::to_string(plans_.at(plan).plan_id); }

  template <typename Pages>
  static web::Web::Handler Handler(Pages& pages, Result<http::Response> (Pages::*fn)(web::Context&)) {
    return [&pages, fn](web::Context& ctx) { return (pages.*fn)(ctx); };
  }
  web::Web::Handler Ballot(Result<http::Response> (BallotPages::*fn)(web::Context&)) { return Handler(ballots_, fn); }
  web::Web::Handler Official(Result<http::Response> (OfficialPages::*fn)(web::Context&)) {
    return Handler(officials_, fn);
  }
  web::Web::Handler Results(Result<http::Response> (ResultPages::*fn)(web::Context&)) { return Handler(results_, fn); }

 private:
  std::vector<EmbeddedFile> files_;
  codes::CodesWorld codes_;
  std::ostringstream log_;
  VotingCommands commands_;
  BallotPages ballots_;
  OfficialPages officials_;
  ResultPages results_;
  budgets::Edition edition_;
  std::vector<budgets::BallotPlan> plans_;
};

}  // namespace wp::voting
