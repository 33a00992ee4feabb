// Test-only: what the budgets page tests share: a PageHarness with the
// budgets tables, the commands, a small made-up municipality (two
// stadsdelen), Amsterdam time, the demo users, and an edition whose phases
// start a day, 10, 20, 30 and 40 days after the harness clock's start.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "features/budgets/commands.h"
#include "features/budgets/page_data.h"
#include "testing/page_harness.h"
#include "testing/temp_dir.h"
#include "wp_budgets_files.h"

namespace wp::budgets {

inline constexpr int64_t kDay = 24 * 3600;
inline constexpr int64_t kStart = 1767225600;  // the FakeClock's start: 2026-01-01T00:00:00Z
inline constexpr int64_t kPlansOpen = kStart + kDay, kLikesOpen = kStart + 10 * kDay, kReviewOpen = kStart + 20 * kDay,
                         kVotingOpen = kStart + 30 * kDay, kVotingClose = kStart + 40 * kDay;

inline geography::Municipality MadeUpMunicipality() {
  geography::Municipality m;
  m.name = "Haarlem";
  m.boroughs = {{"Centrum", "centrum", 1, 1, 1, {}}, {"Schalkwijk", "schalkwijk", 2, 2, 3, {}}};
  auto district = [](const char* code, const char* name, const char* borough) {
    geography::District d;
    d.code = *geography::DistrictCode::Parse(code);
    d.name = name;
    d.borough = borough;
    return d;
  };
  m.districts = {district("WK039201", "Oude Stad", "Centrum"), district("WK039205", "Europawijk", "Schalkwijk"),
                 district("WK039206", "Meerwijk", "Schalkwijk")};
  auto buurt = [](const char* code, const char* name, const char* district, const char* borough) {
    geography::Neighbourhood n;
    n.code = *geography::NeighbourhoodCode::Parse(code);
    n.name = name;
    n.district_code = *geography::DistrictCode::Parse(district);
    n.borough = borough;
    return n;
  };
  m.neighbourhoods = {buurt("BU03920101", "Stationsbuurt", "WK039201", "Centrum"),
                      buurt("BU03920501", "Europaplein", "WK039205", "Schalkwijk"),
                      buurt("BU03920502", "Engelandpark", "WK039205", "Schalkwijk"),
                      buurt("BU03920601", "Meerwijk-Centrum", "WK039206", "Schalkwijk")};
  return m;
}

class PageWorld {
 public:
  PageWorld()
      : commands_(h_.db(), h_.clock(), h_.random(), h_.catalog(), Options()),
        deps_{h_.web(), commands_, [m = municipality_] { return m; }, zone_} {}

  static auth::User Official() { return {1, "gv@example.nl", "Gea", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}}; }
  static auth::User OtherOfficial() {
    return {2, "gv2@example.nl", "Guus", "nl", {{auth::Role::kAreaLiaison, "centrum"}}};
  }
  static auth::User Expert() { return {3, "expert@example.nl", "Eva", "nl", {{auth::Role::kMunicipalExpert, ""}}}; }
  static auth::User Ann() { return {4, "ann@example.nl", "Ann", "nl", {}}; }
  static auth::User Bob() { return {5, "bob@example.nl", "Bob", "nl", {}}; }

  // "Schalkwijk aan Zet" (schalkwijk-aan-zet), the whole stadsdeel, 10 likes needed.
  Edition CreateEdition(bool published = true) {
    Edition e;
    e.slug = "schalkwijk-aan-zet";
    e.title = "Schalkwijk aan Zet";
    e.borough_slug = "schalkwijk";
    e.area = {"BU03920501", "BU03920502", "BU03920601"};
    e.budget_cents = 5'000'000;
    e.themes = {"Groen", "Ontmoeten"};
    e.like_threshold = 2;
    e.dates = {kPlansOpen, kLikesOpen, kReviewOpen, kVotingOpen, kVotingClose};
    e.published = published;
    auto id = commands_.SaveEdition(Official(), e, BoroughOfBuurt(*municipality_));
    EXPECT_TRUE(id.has_value()) << (id.has_value() ? "" : id.error().detail);
    e.id = id.value_or(0);
    return e;
  }

  // A plan by `who` (the clock must be in the plan phase).
  int64_t Submit(const auth::User& who, const Edition& e, const std::string& title) {
    PlanInput in{title,        "Een plan voor de buurt.", "Groen", "BU03920501", std::nullopt,
                 std::nullopt, {{"Materiaal", "1.250"}}};
    auto id = commands_.SubmitPlan(who, e, in, {});
    EXPECT_TRUE(id.has_value()) << (id.has_value() ? "" : id.error().detail);
    return id.value_or(0);
  }

  Plan PlanNow(const Edition& e, int64_t id) { return commands_.Details(e, id).value().plan; }

  template <typename P>
  static web::Web::Handler Handler(P& pages, Result<http::Response> (P::*fn)(web::Context&)) {
    return [&pages, fn](web::Context& ctx) { return (pages.*fn)(ctx); };
  }
  static bool Has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

 protected:
  BudgetsOptions Options() {
    BudgetsOptions o;
    o.upload_dir = uploads_.path().string();
    return o;
  }

  testing::TempDir uploads_;
  testing::PageHarness h_{"budgets", BudgetsFiles()};
  time::TimeZone zone_ = time::TimeZone::FromPosixRule(time::kAmsterdamRule).value();
  std::shared_ptr<const geography::Municipality> municipality_ =
      std::make_shared<geography::Municipality>(MadeUpMunicipality());
  BudgetCommands commands_;
  PageDeps deps_;
};

}  // namespace wp::budgets
