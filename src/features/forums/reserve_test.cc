// Tests of the reserve: a reproducible order from the seed, and the first
// reserve who keeps every quota reachable (table-driven).
#include "features/forums/reserve.h"

#include <gtest/gtest.h>

#include "core/strings.h"
#include "features/forums/forums.h"

namespace wp::forums {
namespace {

sortition::Quotas Quotas() {
  return *sortition::ParseCategoriesCsv(
      "feature,value,min,max\ngeslacht,man,2,2\ngeslacht,vrouw,2,2\nrol,doener,1,3\nrol,denker,1,3\n");
}

Features F(const char* gender, const char* role) { return {{"geslacht", gender}, {"rol", role}}; }

TEST(ReserveOrder, IsTheSameForTheSameSeedAndDiffersForAnother) {
  std::vector<std::string> ids = {"R001", "R002", "R003", "R004", "R005", "R006"};
  auto a = ReserveOrder("lotto 1 2 3", ids);
  EXPECT_EQ(a, ReserveOrder("lotto 1 2 3", {"R006", "R005", "R004", "R003", "R002", "R001"}));
  EXPECT_NE(a, ReserveOrder("lotto 4 5 6", ids));
  EXPECT_EQ(a.size(), ids.size());
}

TEST(ReserveOrder, RanksBySha256OfSeedAndId) {
  auto order = ReserveOrder("s", {"R001", "R002"});
  std::string h1 = Sha256Hex("s\nR001"), h2 = Sha256Hex("s\nR002");
  EXPECT_EQ(order.front(), h1 < h2 ? "R001" : "R002");
}

struct ReachableCase {
  const char* name;
  std::vector<Features> panel;
  bool reachable;
};

TEST(QuotasReachable, Table) {
  const std::vector<ReachableCase> cases = {
      {"empty panel", {}, true},
      {"three men is above the maximum", {F("man", "doener"), F("man", "denker"), F("man", "denker")}, false},
      {"two men, two seats left for two women", {F("man", "doener"), F("man", "denker")}, true},
      {"full and balanced",
       {F("man", "doener"), F("man", "denker"), F("vrouw", "denker"), F("vrouw", "denker")},
       true},
      {"one seat left: a woman who does can bring both missing values",
       {F("man", "denker"), F("man", "denker"), F("vrouw", "denker")},
       true},
      {"more members than seats",
       {F("man", "doener"), F("man", "denker"), F("vrouw", "denker"), F("vrouw", "denker"), F("vrouw", "doener")},
       false},
  };
  for (const auto& c : cases) EXPECT_EQ(QuotasReachable(Quotas(), 4, c.panel), c.reachable) << c.name;
  // Three seats cannot hold the four minimums of gender.
  EXPECT_FALSE(QuotasReachable(Quotas(), 3, {F("man", "denker")}));
}

struct FitCase {
  const char* name;
  std::vector<Features> panel;
  std::vector<Reserve> reserves;
  std::optional<size_t> chosen;
};

TEST(FirstFittingReserve, Table) {
  std::vector<Features> three = {F("man", "denker"), F("man", "denker"), F("vrouw", "doener")};
  const std::vector<FitCase> cases = {
      {"the first reserve fits", three, {{"R009", F("vrouw", "denker")}, {"R004", F("vrouw", "doener")}}, 0},
      {"a man would be the third: skip to the woman",
       three,
       {{"R009", F("man", "doener")}, {"R004", F("vrouw", "denker")}},
       1},
      {"nobody fits", three, {{"R009", F("man", "doener")}, {"R004", F("man", "denker")}}, std::nullopt},
      {"no reserves", three, {}, std::nullopt},
      {"the last seat must bring the missing doer",
       {F("man", "denker"), F("man", "denker"), F("vrouw", "denker")},
       {{"R002", F("vrouw", "denker")}, {"R005", F("vrouw", "doener")}},
       1},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstFittingReserve(Quotas(), 4, c.panel, c.reserves), c.chosen) << c.name;
}

// Quotas where the categories bind together: 4 seats, 1..2 of each value.
sortition::Quotas Loose() {
  return *sortition::ParseCategoriesCsv(
      "feature,value,min,max\ngeslacht,man,1,2\ngeslacht,vrouw,1,2\nrol,doener,1,2\nrol,denker,1,2\n");
}

struct JointCase {
  const char* name;
  std::vector<Features> panel;
  std::vector<Reserve> reserves;
  std::optional<size_t> per_category;  // what the old per-category rule chose
  std::optional<size_t> joint;         // the rule now
};

// Two seats open; the per-category check takes a reserve after whom no one
// in the reserve can fill the last seat, because the last seat must bring
// two values at once (a woman who thinks) and the reserve has none.
TEST(FirstFittingReserve, ChecksAllQuotasJointlyNotPerCategory) {
  const std::vector<Features> panel = {F("man", "doener"), F("vrouw", "denker")};
  const std::vector<JointCase> cases = {
      {"a second male doer leaves a seat only a woman who thinks can take: there is none; a male thinker works",
       panel,
       {{"R001", F("man", "doener")}, {"R002", F("man", "denker")}, {"R003", F("vrouw", "doener")},
        {"R004", F("man", "doener")}},
       0,
       1},
      {"after the female doer the last seat needs a male thinker: only there after her",
       panel,
       {{"R001", F("vrouw", "doener")}, {"R002", F("man", "denker")}},
       0,
       0},
      {"the female doer would need a male thinker, and the male thinker a female doer: none in the rest",
       panel,
       {{"R001", F("vrouw", "doener")}, {"R002", F("vrouw", "doener")}},
       0,
       std::nullopt},
      {"one seat open: the per-category and joint rules agree",
       {F("man", "doener"), F("vrouw", "denker"), F("man", "denker")},
       {{"R001", F("man", "doener")}, {"R002", F("vrouw", "doener")}},
       1,
       1},
  };
  for (const auto& c : cases) {
    // The old rule, for comparison: the first reserve that passes QuotasReachable.
    std::optional<size_t> old;
    for (size_t i = 0; i < c.reserves.size() && !old; ++i) {
      auto with = c.panel;
      with.push_back(c.reserves[i].features);
      if (QuotasReachable(Loose(), 4, with)) old = i;
    }
    EXPECT_EQ(old, c.per_category) << c.name;
    EXPECT_EQ(FirstFittingReserve(Loose(), 4, c.panel, c.reserves), c.joint) << c.name;
  }
}

struct CompletionCase {
  const char* name;
  std::vector<Features> panel;
  std::vector<Features> pool;
  bool exists;
};

TEST(CompletionExists, Table) {
  const std::vector<CompletionCase> cases = {
      {"empty panel, a balanced pool", {}, {F("man", "doener"), F("vrouw", "denker"), F("man", "denker"),
                                            F("vrouw", "doener")}, true},
      {"empty panel, only men", {}, {F("man", "doener"), F("man", "denker"), F("man", "denker"), F("man", "doener")},
       false},
      {"the pool is smaller than the open seats", {F("man", "doener")}, {F("vrouw", "denker")}, false},
      {"a full panel within the quotas", {F("man", "doener"), F("vrouw", "denker"), F("man", "denker"),
                                          F("vrouw", "doener")}, {}, true},
      {"the panel already breaks a maximum", {F("man", "doener"), F("man", "doener"), F("man", "denker")},
       {F("vrouw", "denker")}, false},
      {"two values at once: a woman who thinks is needed and found",
       {F("man", "doener"), F("man", "doener"), F("vrouw", "denker")},
       {F("man", "denker"), F("vrouw", "doener"), F("vrouw", "denker")}, true},
      {"two values at once: not in the pool",
       {F("man", "doener"), F("man", "doener"), F("vrouw", "denker")},
       {F("man", "denker"), F("vrouw", "doener")}, false},
  };
  for (const auto& c : cases) EXPECT_EQ(CompletionExists(Loose(), 4, c.panel, c.pool), c.exists) << c.name;
}

TEST(ReserveShortfalls, NameTheQuotaTheReserveCannotMeetAndByHowMuch) {
  struct Case {
    const char* name;
    std::vector<Features> panel;
    std::vector<Features> reserve;
    std::vector<std::tuple<std::string, int, int>> want;  // feature, min, have
  };
  const std::vector<Case> cases = {
      {"enough", {F("man", "doener")}, {F("vrouw", "denker"), F("man", "denker"), F("vrouw", "doener")}, {}},
      {"no woman in forum or reserve",
       {F("man", "doener"), F("man", "denker")},
       {F("man", "denker"), F("man", "doener")},
       {{"geslacht=vrouw", 1, 0}, {"geslacht", 2, 0}}},
      {"two thinkers needed, one in the reserve",
       {F("man", "doener"), F("vrouw", "doener")},
       {F("vrouw", "denker")},
       {{"geslacht", 2, 1}, {"rol", 2, 1}}},
  };
  for (const auto& c : cases) {
    std::vector<Reserve> reserves;
    for (size_t i = 0; i < c.reserve.size(); ++i) reserves.push_back({PublicId(static_cast<int>(i) + 1), c.reserve[i]});
    auto got = ReserveShortfalls(Loose(), 4, c.panel, reserves);
    std::vector<std::tuple<std::string, int, int>> flat;
    for (const auto& s : got) flat.emplace_back(s.feature, s.min, s.have);
    EXPECT_EQ(flat, c.want) << c.name;
  }
}

}  // namespace
}  // namespace wp::forums
