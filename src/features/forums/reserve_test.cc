// Tests of the reserve: a reproducible order from the seed, and the first
// reserve who keeps every quota reachable (table-driven).
#include "features/forums/reserve.h"

#include <gtest/gtest.h>

#include "core/strings.h"

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

}  // namespace
}  // namespace wp::forums
