// Tests of the forums domain: the set-up checks, quotas proposed from CBS
// figures, the seeded address sample, registrations against the quotas, the
// published files read back by the engine, staggered terms, the counting
// check before a draw and who may organise.
#include "features/forums/forums.h"

#include <gtest/gtest.h>

#include <set>

namespace wp::forums {
namespace {

constexpr int64_t kNow = 1795455000;

ForumSetup Valid() {
  ForumSetup s;
  s.name = "Wijkforum Zijlweg-West";
  s.district_code = "WK039203";
  s.purpose = "De wijkagenda";
  s.seats = 7;
  s.term_months = 24;
  s.register_until = kNow + 86400;
  s.quotas_csv = "feature,value,min,max\ngeslacht,man,3,4\ngeslacht,vrouw,3,4\n";
  return s;
}

bool HasField(const Error& e, const std::string& field) {
  for (const auto& f : e.fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(CheckSetup, AcceptsAValidForm) {
  auto q = CheckSetup(Valid(), kNow);
  ASSERT_TRUE(q.has_value()) << q.error().detail;
  EXPECT_EQ(q->features.size(), 2u);
}

TEST(CheckSetup, ATermLongerThanTwoYearsIsRefused) {
  ForumSetup s = Valid();
  s.term_months = 25;
  auto q = CheckSetup(s, kNow);
  ASSERT_FALSE(q.has_value());
  EXPECT_TRUE(HasField(q.error(), "term_months"));
}

TEST(CheckSetup, QuotasThatCannotFillTheSeatsAreRefused) {
  ForumSetup s = Valid();
  s.quotas_csv = "feature,value,min,max\ngeslacht,man,1,2\ngeslacht,vrouw,1,2\n";
  auto q = CheckSetup(s, kNow);
  ASSERT_FALSE(q.has_value());
  ASSERT_TRUE(HasField(q.error(), "quotas"));
  EXPECT_EQ(q.error().fields[0].message_key, "forums.error.quota_sum");
}

TEST(CheckSetup, NamesEveryBadField) {
  ForumSetup s;
  s.quotas_csv = "nonsense";
  auto q = CheckSetup(s, kNow);
  ASSERT_FALSE(q.has_value());
  for (const char* f : {"name", "district", "purpose", "seats", "term_months", "register_until", "quotas"}) {
    EXPECT_TRUE(HasField(q.error(), f)) << f;
  }
}

TEST(ProposeQuotas, ProportionalToTheFigures) {
  AreaFigures f;
  f.men = 4055;
  f.women = 4235;
  f.buurten = {{"Zijlweg", 3000}, {"Leidsevaart", 1000}};
  std::string csv = ProposeQuotasCsv(f, 7);
  EXPECT_EQ(csv,
            "feature,value,min,max\ngeslacht,man,3,4\ngeslacht,vrouw,3,4\nbuurt,Zijlweg,5,6\nbuurt,Leidsevaart,1,2\n");
  auto quotas = sortition::ParseCategoriesCsv(csv);
  ASSERT_TRUE(quotas.has_value()) << quotas.error().detail;
}

TEST(ProposeQuotas, BuurtenWithoutFiguresAreListedOpen) {
  AreaFigures f;
  f.buurten_without_figures = {"Stationsbuurt"};
  EXPECT_EQ(ProposeQuotasCsv(f, 12), "feature,value,min,max\nbuurt,Stationsbuurt,0,12\n");
  EXPECT_EQ(ProposeQuotasCsv(AreaFigures{}, 12), "");
}

TEST(SampleAddresses, SameSeedSameSampleAnotherSeedAnother) {
  std::vector<std::string> addresses;
  for (int i = 1; i <= 200; ++i) addresses.push_back("Zijlweg " + std::to_string(i));
  auto a = SampleAddresses("3 12 27", addresses, 20);
  auto b = SampleAddresses("3 12 27", addresses, 20);
  auto c = SampleAddresses("3 12 28", addresses, 20);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(std::set<int>(a.begin(), a.end()).size(), 20u);
  EXPECT_EQ(SampleAddresses("x", addresses, 500).size(), 200u);
  // The rank does not depend on the order or the spelling of the list.
  std::vector<std::string> shuffled(addresses.rbegin(), addresses.rend());
  shuffled[0] = "  ZIJLWEG   200 ";
  auto d = SampleAddresses("3 12 27", shuffled, 20);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(199 - d[i], a[i]);
}

TEST(CheckFeatures, EveryCategoryNeedsAKnownValue) {
  auto quotas = sortition::ParseCategoriesCsv("feature,value,min,max\ngeslacht,man,0,1\nrol,doener,0,1\n");
  ASSERT_TRUE(quotas.has_value());
  EXPECT_TRUE(CheckFeatures(*quotas, {{"geslacht", "man"}, {"rol", "doener"}}).has_value());
  auto bad = CheckFeatures(*quotas, {{"geslacht", "onbekend"}});
  ASSERT_FALSE(bad.has_value());
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "feature_0");
  EXPECT_EQ(bad.error().fields[1].field, "feature_1");
}

TEST(Files, RespondentsReadBackByTheEngine) {
  auto quotas = sortition::ParseCategoriesCsv("feature,value,min,max\nbuurt,\"Zijlweg, west\",1,1\nbuurt,Oost,0,1\n");
  ASSERT_TRUE(quotas.has_value());
  std::string categories = CategoriesCsv(*quotas);
  std::string respondents =
      RespondentsCsv(*quotas, {{PublicId(1), {{"buurt", "Zijlweg, west"}}}, {PublicId(2), {{"buurt", "Oost"}}}});
  EXPECT_EQ(respondents, "id,buurt\nR001,\"Zijlweg, west\"\nR002,Oost\n");
  auto instance = InstanceFromFiles(categories, respondents, 1);
  ASSERT_TRUE(instance.has_value()) << instance.error().detail;
  EXPECT_EQ(instance->agents.size(), 2u);
  EXPECT_EQ(instance->FindAgent("R002"), 1);
}

TEST(VerifyCommand, TakesOnlyTheFolder) {
  EXPECT_EQ(VerifyCommand("lotingmap"), "wijkplatform draw --verify lotingmap");
}

TEST(TermEnd, HalfTheSeatsGetHalfTheTerm) {
  EXPECT_EQ(TermEnd(0, 24, 0, 7), 24 * kSecondsPerMonth);
  EXPECT_EQ(TermEnd(0, 24, 3, 7), 24 * kSecondsPerMonth);
  EXPECT_EQ(TermEnd(0, 24, 4, 7), 12 * kSecondsPerMonth);
  EXPECT_EQ(TermEnd(0, 1, 6, 7), 1 * kSecondsPerMonth);
}

TEST(CountShortfalls, SaysWhichQuotaFailsAndByHowMuch) {
  auto instance = InstanceFromFiles("feature,value,min,max\ng,v,2,3\ng,m,0,3\n", "id,g\nR001,v\nR002,m\nR003,m\n", 3);
  ASSERT_TRUE(instance.has_value());
  auto s = CountShortfalls(*instance);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].feature, "g=v");
  EXPECT_EQ(s[0].min, 2);
  EXPECT_EQ(s[0].have, 1);
  instance->panel_size = 4;
  s = CountShortfalls(*instance);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].feature, "");
  EXPECT_EQ(s[0].have, 3);
}

TEST(MayOrganise, GebiedsverbinderOfTheStadsdeelOrAdministrator) {
  auth::User gv{5, "gv@x", "GV", "nl", {{auth::Role::kAreaLiaison, "zuidwest"}}};
  auth::User admin{6, "a@x", "A", "nl", {{auth::Role::kAdministrator, ""}}};
  auth::User resident{7, "r@x", "R", "nl", {}};
  EXPECT_TRUE(MayOrganise(gv, "zuidwest"));
  EXPECT_FALSE(MayOrganise(gv, "noord"));
  EXPECT_TRUE(MayOrganise(admin, "noord"));
  EXPECT_FALSE(MayOrganise(resident, "zuidwest"));
  EXPECT_TRUE(IsOrganiser(gv));
  EXPECT_FALSE(IsOrganiser(resident));
}

}  // namespace
}  // namespace wp::forums
