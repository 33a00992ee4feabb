#include "features/forums/rounds.h"

#include <gtest/gtest.h>

#include "features/forums/forums.h"

namespace wp::forums {
namespace {

sortition::Quotas Quotas() {
  auto q = sortition::ParseCategoriesCsv(
      "feature,value,min,max\ngeslacht,man,1,2\ngeslacht,vrouw,1,2\nrol,doener,1,2\nrol,denker,1,2\n");
  EXPECT_TRUE(q.has_value());
  return *q;
}

Features Person(const std::string& gender, const std::string& role) { return {{"geslacht", gender}, {"rol", role}}; }

TEST(OpenSeatQuotas, TheQuotasLeftForTheOpenSeats) {
  struct Case {
    const char* name;
    std::vector<Features> members;
    int open;
    std::vector<std::pair<int, int>> bounds;  // per value in quota order: min, max
  };
  const std::vector<Case> cases = {
      {"empty forum", {}, 3, {{1, 2}, {1, 2}, {1, 2}, {1, 2}}},
      {"one woman doer", {Person("vrouw", "doener")}, 2, {{1, 2}, {0, 1}, {0, 1}, {1, 2}}},
      {"two men", {Person("man", "doener"), Person("man", "denker")}, 1, {{0, 0}, {1, 2}, {0, 1}, {0, 1}}},
      {"full", {Person("man", "doener"), Person("man", "denker"), Person("vrouw", "doener")}, 0,
       {{0, 0}, {0, 1}, {0, 0}, {0, 1}}},
  };
  for (const auto& c : cases) {
    OpenSeats open = OpenSeatQuotas(Quotas(), 3, c.members);
    EXPECT_EQ(open.open, c.open) << c.name;
    ASSERT_EQ(open.quotas.features.size(), c.bounds.size()) << c.name;
    for (size_t i = 0; i < c.bounds.size(); ++i) {
      EXPECT_EQ(open.quotas.features[i].min, c.bounds[i].first) << c.name << " " << open.quotas.features[i].Name();
      EXPECT_EQ(open.quotas.features[i].max, c.bounds[i].second) << c.name << " " << open.quotas.features[i].Name();
    }
  }
  // Members above a maximum leave no room, never a negative one.
  OpenSeats over = OpenSeatQuotas(Quotas(), 4, {Person("man", "doener"), Person("man", "doener"),
                                                Person("man", "doener")});
  EXPECT_EQ(over.quotas.features[0].max, 0);
  EXPECT_EQ(over.quotas.features[0].min, 0);
}

TEST(SampleNewAddresses, LeavesOutWhoHadALetterAndIsReproducible) {
  std::vector<std::string> list;
  for (int i = 1; i <= 30; ++i) list.push_back("Zijlweg " + std::to_string(i));
  std::vector<int> first = SampleAddresses("3 12 27", list, 10);
  std::set<std::string> before;
  for (int i : first) before.insert(list[static_cast<size_t>(i)]);
  std::vector<int> round = SampleNewAddresses("8 9", list, before, 10);
  ASSERT_EQ(round.size(), 10u);
  for (int i : round) EXPECT_EQ(before.count(list[static_cast<size_t>(i)]), 0u) << list[static_cast<size_t>(i)];
  EXPECT_EQ(SampleNewAddresses("8 9", list, before, 10), round) << "same seed, same sample";
  EXPECT_NE(SampleNewAddresses("8 10", list, before, 10), round) << "another seed, another sample";
  // Without earlier letters it is the first round's rule.
  EXPECT_EQ(SampleNewAddresses("3 12 27", list, {}, 10), first);
  // Typed differently, an address is still the same address.
  std::set<std::string> typed = {"ZIJLWEG  1"};
  for (int i : SampleNewAddresses("x", list, typed, 30)) EXPECT_NE(list[static_cast<size_t>(i)], "Zijlweg 1");
  EXPECT_EQ(SampleNewAddresses("x", list, typed, 30).size(), 29u);
  // More asked than left: everyone left.
  EXPECT_EQ(SampleNewAddresses("8 9", list, before, 100).size(), 20u);
}

TEST(RoundRefusal, InOrder) {
  struct Case {
    bool drawn;
    int open;
    bool waiting;
    std::optional<std::string> refusal;
  };
  const std::vector<Case> cases = {
      {false, 3, false, "forums.error.not_drawn"},     {true, 0, false, "forums.error.no_open_seats"},
      {true, 0, true, "forums.error.no_open_seats"},   {true, 1, true, "forums.error.round_open"},
      {true, 1, false, std::nullopt},                  {true, 5, false, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RoundRefusal(c.drawn, c.open, c.waiting), c.refusal) << c.drawn << c.open << c.waiting;
  }
}

TEST(AppealStart, TheLatestDoneDrawOfAnyKind) {
  EXPECT_EQ(AppealStart({}), std::nullopt);
  EXPECT_EQ(AppealStart({{"draw", false, std::nullopt}}), std::nullopt);
  EXPECT_EQ(AppealStart({{"draw", true, 100}}), 100);
  EXPECT_EQ(AppealStart({{"draw", true, 100}, {"round_draw", true, 500}, {"replacement", false, 900}}), 500);
  EXPECT_EQ(AppealStart({{"round_draw", true, 500}, {"draw", true, 100}}), 500) << "not the last in the list";
}

TEST(MayErase, AfterTheAppealPeriodUnlessTheRoundWaits) {
  const int64_t day = 86400;
  struct Case {
    int64_t now;
    std::optional<int64_t> start;
    bool waiting;
    bool erase;
  };
  const std::vector<Case> cases = {
      {100 * day, std::nullopt, false, false}, {10 * day, 0, false, false}, {14 * day - 1, 0, false, false},
      {14 * day, 0, false, true},              {30 * day, 0, true, false},  {30 * day, 0, false, true},
  };
  for (const auto& c : cases) EXPECT_EQ(MayErase(c.now, c.start, 14, c.waiting), c.erase) << c.now;
}

TEST(KeepsNameAndEmail, MembersAndTheFirstRoundsReserve) {
  EXPECT_TRUE(KeepsNameAndEmail(true, 1));
  EXPECT_TRUE(KeepsNameAndEmail(true, 2));
  EXPECT_TRUE(KeepsNameAndEmail(false, 1)) << "the reserve of the first draw";
  EXPECT_FALSE(KeepsNameAndEmail(false, 2)) << "not drawn in a later round: no reserve";
}

}  // namespace
}  // namespace wp::forums
