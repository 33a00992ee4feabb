// The checks of the need, offer and fund forms, and the stored forms of kinds and themes.
#include "features/offers/offer.h"

#include <gtest/gtest.h>

namespace wp::offers {
namespace {

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(OfferTest, NamesRoundTrip) {
  for (Kind k : kAllKinds) EXPECT_EQ(ParseKind(KindName(k)), k);
  for (OffererType t : kAllOffererTypes) EXPECT_EQ(ParseOffererType(OffererTypeName(t)), t);
  EXPECT_FALSE(ParseKind("permit").has_value());
  EXPECT_EQ(ThemesText({"sport", "green", "nonsense", "green"}), "green,sport");
  EXPECT_EQ(ParseThemes("sport,green,x,sport"), (std::vector<std::string>{"green", "sport"}));
  EXPECT_TRUE(ParseThemes("").empty());
}

TEST(OfferTest, NeedChecks) {
  struct Case {
    const char* name;
    NeedInput in;
    std::vector<std::string> want;
  } cases[] = {
      {"complete", {Kind::kVolunteers, "Buren die helpen", {"green"}, "4 mensen"}, {}},
      {"no text", {Kind::kVolunteers, "", {}, ""}, {"text:web.required"}},
      {"unknown theme", {Kind::kSpace, "Een zaal", {"weather"}, ""}, {"themes:offers.error.unknown_choice"}},
      {"too many themes",
       {Kind::kSpace, "Een zaal", {"green", "play", "meeting", "clean", "sport"}, ""},
       {"themes:offers.error.too_many_themes"}},
      {"amount on two lines", {Kind::kMoney, "Geld", {}, "250\neuro"}, {"amount:offers.error.bad_characters"}},
      {"text too long", {Kind::kMoney, std::string(kMaxTextChars + 1, 'a'), {}, ""}, {"text:offers.error.too_long"}},
      {"long text of accented letters fits",
       {Kind::kMoney, [] {
          std::string s;
          for (size_t i = 0; i < kMaxTextChars; ++i) s += "é";
          return s;
        }(), {}, ""},
       {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Fields(CheckNeed(c.in)), c.want) << c.name;
}

TEST(OfferTest, OfferChecks) {
  OfferInput ok{Kind::kMaterials, "Grijpers te leen", {"clean"}, "", "Bouwmarkt", OffererType::kEntrepreneur,
                "winkel@example.nl"};
  EXPECT_TRUE(CheckOffer(ok, true).empty());
  OfferInput bad = ok;
  bad.name = "";
  bad.email = "winkel@";
  EXPECT_EQ(Fields(CheckOffer(bad, true)),
            (std::vector<std::string>{"name:web.required", "email:offers.error.bad_email"}));
  bad.email = "";
  EXPECT_EQ(Fields(CheckOffer(bad, true)), (std::vector<std::string>{"name:web.required", "email:web.required"}));
  EXPECT_EQ(Fields(CheckOffer(bad, false)), (std::vector<std::string>{"name:web.required"}))
      << "with an account the address is the account's";
}

TEST(OfferTest, FundChecks) {
  Fund f{0, "Buurtfonds", "Kleine plannen", "tot € 2.500", "https://example.org/fonds", "heel Haarlem", 0, 0};
  EXPECT_TRUE(CheckFund(f).empty());
  f.url = "javascript:alert(1)";
  EXPECT_EQ(Fields(CheckFund(f)), (std::vector<std::string>{"url:offers.error.bad_url"}));
  f.url = "https://exa mple.org";
  EXPECT_EQ(Fields(CheckFund(f)), (std::vector<std::string>{"url:offers.error.bad_url"}));
  f.url = "";
  f.name = "";
  f.what = "";
  EXPECT_EQ(Fields(CheckFund(f)), (std::vector<std::string>{"name:web.required", "what:web.required"}));
}

TEST(OfferTest, CurrentUntilTheLastDayEnds) {
  EXPECT_TRUE(IsCurrent(true, std::nullopt, 5));
  EXPECT_FALSE(IsCurrent(false, std::nullopt, 5));
  EXPECT_TRUE(IsCurrent(true, 6, 5));
  EXPECT_FALSE(IsCurrent(true, 5, 5));
}

}  // namespace
}  // namespace wp::offers
