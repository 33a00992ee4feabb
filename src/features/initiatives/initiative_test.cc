#include "features/initiatives/initiative.h"

#include <gtest/gtest.h>

namespace wp::initiatives {
namespace {

Compass Complete() {
  Compass c;
  c.title = "Geveltuinen in de Zijlweg";
  c.what = "We willen geveltuinen aanleggen langs de hele straat.";
  c.neighbourhood_code = "BU03920101";
  c.when = "Voorjaar 2027";
  c.helpers = "Tien buren en de basisschool.";
  c.needs = {Need::kPermit, Need::kMaterials};
  c.initiator_name = "Buren van de Zijlweg";
  return c;
}

bool HasError(const std::vector<FieldError>& errors, const std::string& field, const std::string& key) {
  for (const auto& e : errors) {
    if (e.field == field && e.message_key == key) return true;
  }
  return false;
}

TEST(CompassTest, ADraftNeedsOnlyATitle) {
  Compass c;
  c.title = "Een idee";
  EXPECT_TRUE(CheckDraft(c).empty());
  c.title.clear();
  EXPECT_TRUE(HasError(CheckDraft(c), "title", kMissing));
}

TEST(CompassTest, SubmittingNeedsEveryQuestionAnswered) {
  EXPECT_TRUE(CheckSubmission(Complete()).empty());
  struct Case {
    const char* field;
    void (*change)(Compass&);
    const char* key;
  } cases[] = {
      {"what", [](Compass& c) { c.what.clear(); }, kMissing},
      {"neighbourhood", [](Compass& c) { c.neighbourhood_code.clear(); }, kMissing},
      {"when", [](Compass& c) { c.when.clear(); }, kMissing},
      {"helpers", [](Compass& c) { c.helpers.clear(); }, kMissing},
      {"needs", [](Compass& c) { c.needs.clear(); }, kNoNeeds},
      {"initiator_name", [](Compass& c) { c.initiator_name.clear(); }, kMissing},
      {"title", [](Compass& c) { c.title = std::string(101, 'a'); }, kTooLong},
      {"title", [](Compass& c) { c.title = "regel\neen"; }, kBadCharacters},
      {"place", [](Compass& c) { c.place = std::string(301, 'a'); }, kTooLong},
      {"what", [](Compass& c) { c.what = std::string(3001, 'a'); }, kTooLong},
  };
  for (const auto& k : cases) {
    Compass c = Complete();
    k.change(c);
    auto errors = CheckSubmission(c);
    EXPECT_TRUE(HasError(errors, k.field, k.key)) << k.field << " " << k.key;
    EXPECT_EQ(errors.size(), 1u) << k.field;
  }
  Compass multiline = Complete();
  multiline.what = "Regel een.\nRegel twee.";
  EXPECT_TRUE(CheckSubmission(multiline).empty()) << "long texts may have lines";
  Compass accents = Complete();
  accents.title = "Café " + std::string(95, 'e');  // 100 characters, 101 bytes
  EXPECT_TRUE(CheckSubmission(accents).empty());
}

TEST(CompassTest, NeedsAreStoredAsNames) {
  EXPECT_EQ(NeedsText({Need::kAdvice, Need::kPermit, Need::kAdvice}), "permit,advice");
  EXPECT_EQ(ParseNeeds("advice,permit,unknown,permit"), (std::vector<Need>{Need::kPermit, Need::kAdvice}));
  EXPECT_TRUE(ParseNeeds("").empty());
  for (Need n : kAllNeeds) EXPECT_EQ(ParseNeed(NeedName(n)), n);
}

TEST(CompassTest, EmailNumbersAndDepartments) {
  EXPECT_TRUE(IsPlausibleEmail("ans@example.nl"));
  for (const char* bad : {"", "ans", "@example.nl", "ans@", "ans@nl", "a b@example.nl", "a@b@example.nl"}) {
    EXPECT_FALSE(IsPlausibleEmail(bad)) << bad;
  }
  EXPECT_EQ(InitiativeNumber(12), "I-12");
  EXPECT_EQ(ParseInitiativeNumber("I-12"), 12);
  EXPECT_EQ(ParseInitiativeNumber("i-12"), 12);
  EXPECT_EQ(ParseInitiativeNumber("12"), 12);
  EXPECT_FALSE(ParseInitiativeNumber("I-").has_value());
  EXPECT_FALSE(ParseInitiativeNumber("M-12").has_value());
  EXPECT_FALSE(ParseInitiativeNumber("0").has_value());
  EXPECT_TRUE(IsDepartment("vergunningen"));
  EXPECT_FALSE(IsDepartment("wegen"));
}

TEST(AnswerTest, EachAnswerNeedsItsOwnParts) {
  Condition insurance{0, 0, "Jullie sluiten een verzekering af.", ConditionOwner::kInitiator};
  struct Case {
    const char* what;
    AnswerInput in;
    const char* field;  // nullptr: valid
    const char* key;
  } cases[] = {
      {"ja", {Answer::kYes, "Het mag.", "", {}}, nullptr, nullptr},
      {"ja, mits with a condition", {Answer::kYesProvided, "Het mag.", "", {insurance}}, nullptr, nullptr},
      {"nee, want with a route", {Answer::kNoBecause, "Het mag niet.", "Vraag het parkbeheer.", {}}, nullptr, nullptr},
      {"no answer", {Answer::kNone, "Tekst", "", {}}, "answer", kMissing},
      {"no explanation", {Answer::kYes, "", "", {}}, "explanation", kMissing},
      {"ja, mits without conditions", {Answer::kYesProvided, "Het mag.", "", {}}, "conditions", kNoConditions},
      {"ja, mits with an empty condition",
       {Answer::kYesProvided, "Het mag.", "", {insurance, Condition{}}},
       "condition_2",
       kMissing},
      {"nee, want without a route", {Answer::kNoBecause, "Het mag niet.", "", {}}, "alternative", kMissing},
      {"ja with conditions",
       {Answer::kYes, "Het mag.", "", {insurance}},
       "conditions",
       "initiatives.error.conditions_only_with_mits"},
  };
  for (const auto& c : cases) {
    auto errors = CheckAnswer(c.in);
    if (!c.field) {
      EXPECT_TRUE(errors.empty()) << c.what;
    } else {
      EXPECT_TRUE(HasError(errors, c.field, c.key)) << c.what;
    }
  }
  AnswerInput many{Answer::kYesProvided, "Het mag.", "", std::vector<Condition>(kMaxConditions + 1, insurance)};
  EXPECT_TRUE(HasError(CheckAnswer(many), "conditions", kTooLong));
}

TEST(AnswerTest, ConditionsAreCountedByStatus) {
  std::vector<Condition> conditions(4);
  conditions[0].status = ConditionStatus::kMet;
  conditions[1].status = ConditionStatus::kWaived;
  conditions[2].status = ConditionStatus::kMet;
  ConditionCounts c = CountConditions(conditions);
  EXPECT_EQ(c.open, 1);
  EXPECT_EQ(c.met, 2);
  EXPECT_EQ(c.waived, 1);
  for (auto s : {ConditionStatus::kOpen, ConditionStatus::kMet, ConditionStatus::kWaived}) {
    EXPECT_EQ(ParseConditionStatus(ConditionStatusName(s)), s);
  }
  EXPECT_EQ(ParseOwner("initiator"), ConditionOwner::kInitiator);
  EXPECT_EQ(ParseOwner("municipality"), ConditionOwner::kMunicipality);
  EXPECT_FALSE(ParseOwner("iemand").has_value());
}

}  // namespace
}  // namespace wp::initiatives
