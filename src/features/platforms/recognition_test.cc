#include "features/platforms/recognition.h"

#include <gtest/gtest.h>

#include <map>

#include "features/platforms/test_users.h"

namespace wp::platforms {
namespace {

using S = PlatformStatus;
using test_actors::Actor;
using test_actors::kAllActors;
using test_actors::kBorough;
using test_actors::kPlatformId;
using test_actors::MakeUser;

struct SpecRow {
  bool municipality;
  bool applicants;
  bool reason_required;
};

// The flow as #3 and Haarlem's rules describe it; every other pair is forbidden.
const std::map<std::pair<S, S>, SpecRow>& Spec() {
  static const std::map<std::pair<S, S>, SpecRow> spec = {
      {{S::kSubmitted, S::kInFormation}, {true, false, true}}, {{S::kSubmitted, S::kRefused}, {true, false, true}},
      {{S::kSubmitted, S::kWithdrawn}, {false, true, false}},  {{S::kInFormation, S::kRecognised}, {true, false, true}},
      {{S::kInFormation, S::kRefused}, {true, false, true}},   {{S::kInFormation, S::kWithdrawn}, {false, true, false}},
      {{S::kRecognised, S::kEnded}, {true, true, true}},
  };
  return spec;
}

bool IsMunicipality(Actor a) { return a == Actor::kAreaLiaisonThis || a == Actor::kAdministrator; }

TEST(RecognitionFlowTest, TableMatchesTheSpec) {
  EXPECT_EQ(RecognitionFlow().size(), Spec().size());
  for (const auto& rule : RecognitionFlow()) {
    auto it = Spec().find({rule.from, rule.to});
    ASSERT_NE(it, Spec().end()) << PlatformStatusName(rule.from) << "->" << PlatformStatusName(rule.to);
    EXPECT_EQ(rule.by_municipality, it->second.municipality);
    EXPECT_EQ(rule.by_applicants, it->second.applicants);
    EXPECT_EQ(rule.reason_required, it->second.reason_required);
  }
}

// Every pair of statuses times every kind of actor, with and without a reason.
TEST(CanTransitionTest, EveryPairEveryActor) {
  for (S from : kAllPlatformStatuses) {
    for (S to : kAllPlatformStatuses) {
      auto spec = Spec().find({from, to});
      for (Actor actor : kAllActors) {
        const auth::User user = MakeUser(actor);
        std::string label = std::string(PlatformStatusName(from)) + "->" + std::string(PlatformStatusName(to)) +
                            " by " + test_actors::ActorLabel(actor);
        auto with_reason = CanTransition(from, to, user, kBorough, kPlatformId, "Besproken met de wijk");
        auto without_reason = CanTransition(from, to, user, kBorough, kPlatformId, "  ");
        if (spec == Spec().end()) {
          ASSERT_FALSE(with_reason.has_value()) << label;
          EXPECT_EQ(with_reason.error(), TransitionProblem::kNoSuchTransition) << label;
          EXPECT_EQ(FindTransition(from, to), nullptr) << label;
          continue;
        }
        bool may = (spec->second.municipality && IsMunicipality(actor)) ||
                   (spec->second.applicants && actor == Actor::kKernteamThis);
        if (!may) {
          ASSERT_FALSE(with_reason.has_value()) << label;
          EXPECT_EQ(with_reason.error(), TransitionProblem::kForbidden) << label;
          ASSERT_FALSE(without_reason.has_value()) << label;
          EXPECT_EQ(without_reason.error(), TransitionProblem::kForbidden) << label;
          continue;
        }
        EXPECT_TRUE(with_reason.has_value()) << label;
        if (spec->second.reason_required) {
          ASSERT_FALSE(without_reason.has_value()) << label;
          EXPECT_EQ(without_reason.error(), TransitionProblem::kReasonRequired) << label;
        } else {
          EXPECT_TRUE(without_reason.has_value()) << label;
        }
      }
    }
  }
}

TEST(CanTransitionTest, ReasonTooLong) {
  auth::User admin = MakeUser(Actor::kAdministrator);
  auto got = CanTransition(S::kSubmitted, S::kInFormation, admin, kBorough, kPlatformId,
                           std::string(kMaxReasonBytes + 1, 'r'));
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error(), TransitionProblem::kReasonTooLong);
  EXPECT_TRUE(
      CanTransition(S::kSubmitted, S::kInFormation, admin, kBorough, kPlatformId, std::string(kMaxReasonBytes, 'r'))
          .has_value());
  // Also for a withdrawal, where the reason is optional.
  auto withdraw = CanTransition(S::kSubmitted, S::kWithdrawn, MakeUser(Actor::kKernteamThis), kBorough, kPlatformId,
                                std::string(kMaxReasonBytes + 1, 'r'));
  ASSERT_FALSE(withdraw.has_value());
  EXPECT_EQ(withdraw.error(), TransitionProblem::kReasonTooLong);
}

TEST(CanTransitionTest, PlatformWithoutBoroughOnlyForUnscopedLiaisonsAndAdministrators) {
  auth::User scoped = MakeUser(Actor::kAreaLiaisonThis);
  auth::User unscoped{5, "gv@haarlem.nl", "GV", "nl", {{auth::Role::kAreaLiaison, ""}}};
  EXPECT_FALSE(CanTransition(S::kSubmitted, S::kInFormation, scoped, "", kPlatformId, "ok").has_value());
  EXPECT_TRUE(CanTransition(S::kSubmitted, S::kInFormation, unscoped, "", kPlatformId, "ok").has_value());
  EXPECT_TRUE(CanTransition(S::kSubmitted, S::kInFormation, unscoped, "noord", kPlatformId, "ok").has_value());
}

TEST(CanTransitionTest, KernteamOfANewPlatformWithoutIdIsNoApplicant) {
  auth::User unscoped_kernteam{5, "k@example.nl", "K", "nl", {{auth::Role::kKernteamMember, ""}}};
  EXPECT_FALSE(CanTransition(S::kSubmitted, S::kWithdrawn, unscoped_kernteam, kBorough, 0, "").has_value());
  EXPECT_TRUE(CanTransition(S::kSubmitted, S::kWithdrawn, unscoped_kernteam, kBorough, kPlatformId, "").has_value());
}

TEST(TransitionProblemKeyTest, Distinct) {
  std::set<std::string_view> keys;
  for (auto p : {TransitionProblem::kNoSuchTransition, TransitionProblem::kForbidden,
                 TransitionProblem::kReasonRequired, TransitionProblem::kReasonTooLong}) {
    keys.insert(TransitionProblemKey(p));
  }
  EXPECT_EQ(keys.size(), 4u);
}

Platform SubmittedPlatform() {
  Platform p;
  p.id = kPlatformId;
  p.name = "Wijkplatform Boerhaavewijk";
  p.borough_slug = kBorough;
  p.status = S::kSubmitted;
  return p;
}

TEST(DecideTransitionTest, BuildsTheHistoryEntryWithTrimmedReason) {
  auth::User gv = MakeUser(Actor::kAreaLiaisonThis);
  auto got = DecideTransition(SubmittedPlatform(), S::kInFormation, gv, "  Kernteam van vijf mensen  ", 1'720'000'000);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, (StatusChange{kPlatformId, S::kSubmitted, S::kInFormation, gv.id, "Kernteam van vijf mensen",
                                1'720'000'000}));
}

TEST(DecideTransitionTest, UsesThePlatformsOwnStatusAndBorough) {
  Platform p = SubmittedPlatform();
  p.status = S::kRecognised;
  auto skip = DecideTransition(p, S::kInFormation, MakeUser(Actor::kAdministrator), "terug", 1);
  ASSERT_FALSE(skip.has_value());
  EXPECT_EQ(skip.error(), TransitionProblem::kNoSuchTransition);
  p.borough_slug = "noord";
  auto other_borough = DecideTransition(p, S::kEnded, MakeUser(Actor::kAreaLiaisonThis), "gestopt", 1);
  ASSERT_FALSE(other_borough.has_value());
  EXPECT_EQ(other_borough.error(), TransitionProblem::kForbidden);
}

TEST(HistoryTest, AppendOnlyChain) {
  std::vector<StatusChange> history;
  EXPECT_EQ(StatusAfter(history), S::kSubmitted);
  StatusChange first{kPlatformId, S::kSubmitted, S::kInFormation, 1, "start", 100};
  ASSERT_TRUE(CanAppend(history, first).has_value());
  history.push_back(first);
  EXPECT_EQ(StatusAfter(history), S::kInFormation);

  struct Case {
    const char* label;
    StatusChange next;
    std::optional<HistoryProblem> want;
  } cases[] = {
      {"next step", {kPlatformId, S::kInFormation, S::kRecognised, 1, "erkend", 200}, std::nullopt},
      {"same second is fine", {kPlatformId, S::kInFormation, S::kRecognised, 1, "erkend", 100}, std::nullopt},
      {"stale from", {kPlatformId, S::kSubmitted, S::kRefused, 1, "nee", 200}, HistoryProblem::kFromMismatch},
      {"other platform", {8, S::kInFormation, S::kRecognised, 1, "erkend", 200}, HistoryProblem::kOtherPlatform},
      {"time goes back",
       {kPlatformId, S::kInFormation, S::kRecognised, 1, "erkend", 99},
       HistoryProblem::kTimeGoesBack},
  };
  for (const auto& c : cases) {
    auto got = CanAppend(history, c.next);
    if (c.want) {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), *c.want) << c.label;
    } else {
      EXPECT_TRUE(got.has_value()) << c.label;
    }
  }
  EXPECT_FALSE(CanAppend({}, StatusChange{kPlatformId, S::kInFormation, S::kRecognised, 1, "", 1}).has_value());
}

// ------------------------------------------------------ former wijkraden

TEST(CouncilConversionTest, DeadlineIsNewYear2025InHaarlem) {
  // 2024-12-31 23:59:59 CET is 22:59:59 UTC.
  EXPECT_TRUE(IsCouncilConversionOpen(1735685999));
  EXPECT_FALSE(IsCouncilConversionOpen(1735686000));
  EXPECT_TRUE(IsCouncilConversionOpen(1704067200));  // 2024-01-01 00:00 UTC, start of wijkplatforms
}

TEST(CouncilConversionTest, Table) {
  AreaMap map;
  map.neighbourhoods = {{"BU03922001", "WK039220", "schalkwijk"}, {"BU03922002", "WK039220", "schalkwijk"}};
  map.councils = {{"Molenwijk", {"BU03922001", "BU03922002"}}, {"Scheepmakersdijk", {}}};
  const int64_t before = 1'720'000'000;  // July 2024
  const int64_t after = kCouncilConversionDeadlineUtc;
  const std::set<std::string> whole = {"BU03922001", "BU03922002"};
  struct Case {
    const char* label;
    std::string council;
    std::set<std::string> area;
    std::vector<std::string> claimed;
    int64_t now;
    std::optional<ConversionProblem> want;
  } cases[] = {
      {"in time, whole area", "Molenwijk", whole, {}, before, std::nullopt},
      {"unmapped council, any area", "Scheepmakersdijk", {"BU03922001"}, {}, before, std::nullopt},
      {"too late", "Molenwijk", whole, {}, after, ConversionProblem::kDeadlinePassed},
      {"too late wins over unknown", "Onbekend", whole, {}, after, ConversionProblem::kDeadlinePassed},
      {"unknown council", "Onbekend", whole, {}, before, ConversionProblem::kUnknownCouncil},
      {"names are exact", "molenwijk", whole, {}, before, ConversionProblem::kUnknownCouncil},
      {"already continued", "Molenwijk", whole, {"Molenwijk"}, before, ConversionProblem::kAlreadyConverted},
      {"area leaves part out", "Molenwijk", {"BU03922001"}, {}, before, ConversionProblem::kAreaMissesCouncil},
  };
  for (const auto& c : cases) {
    auto got = CheckCouncilConversion(c.council, c.area, map, c.claimed, c.now);
    if (c.want) {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), *c.want) << c.label;
      EXPECT_FALSE(ConversionProblemKey(got.error()).empty());
    } else {
      EXPECT_TRUE(got.has_value()) << c.label;
    }
  }
}

}  // namespace
}  // namespace wp::platforms
