#include "features/events/registration_rules.h"

#include <gtest/gtest.h>

namespace wp::events {
namespace {

using RS = RegistrationState;
using RP = RegistrationProblem;

Participant User(int64_t id) {
  return Participant{id, "Lid " + std::to_string(id), "lid" + std::to_string(id) + "@x.nl"};
}
Participant OneOff(std::string name, std::string email) { return Participant{std::nullopt, name, email}; }

// Registers everyone in order at t = 1, 2, ...; fails the test on a problem.
EventRoster RosterWith(std::optional<int> capacity, const std::vector<Participant>& people, bool waiting_list = true) {
  EventRoster roster{capacity, waiting_list, std::nullopt, {}};
  int64_t t = 1;
  for (const auto& p : people) {
    auto got = AddRegistration(roster, p, t++);
    EXPECT_TRUE(got.has_value()) << p.name;
    if (got) roster = got->roster;
  }
  return roster;
}

std::vector<RS> States(const EventRoster& roster) {
  std::vector<RS> out;
  for (const auto& r : roster.registrations) out.push_back(r.state);
  return out;
}

TEST(RegisterTest, FillsPlacesThenTheWaitingList) {
  EventRoster roster = RosterWith(2, {User(1), User(2), User(3), OneOff("Piet", "piet@x.nl")});
  EXPECT_EQ(States(roster), (std::vector<RS>{RS::kConfirmed, RS::kConfirmed, RS::kWaiting, RS::kWaiting}));
  EXPECT_EQ(ConfirmedCount(roster), 2);
  EXPECT_EQ(WaitingCount(roster), 2);
  EXPECT_TRUE(CheckRoster(roster));
  for (size_t i = 0; i < roster.registrations.size(); ++i) {
    EXPECT_EQ(roster.registrations[i].id, static_cast<int64_t>(i + 1));
    EXPECT_EQ(roster.registrations[i].registered_at, static_cast<int64_t>(i + 1));
  }
}

TEST(RegisterTest, UnlimitedCapacityNeverWaits) {
  std::vector<Participant> people;
  for (int i = 1; i <= 50; ++i) people.push_back(User(i));
  EventRoster roster = RosterWith(std::nullopt, people);
  EXPECT_EQ(ConfirmedCount(roster), 50);
  EXPECT_EQ(WaitingCount(roster), 0);
}

TEST(RegisterTest, OneOffParticipantIsNormalised) {
  auto got = AddRegistration(EventRoster{}, OneOff("  Fatima  ", " Fatima@Example.NL "), 10);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->registration.participant, OneOff("Fatima", "fatima@example.nl"));
  EXPECT_EQ(got->registration.state, RS::kConfirmed);
  EXPECT_EQ(got->roster.registrations.back(), got->registration);
}

TEST(RegisterTest, ProblemsTable) {
  EventRoster full_no_list = RosterWith(1, {User(1)}, /*waiting_list=*/false);
  EventRoster base = RosterWith(1, {User(1), OneOff("Piet", "piet@x.nl")});
  EventRoster closing = base;
  closing.closes_at_utc = 100;
  struct Case {
    const char* label;
    EventRoster roster;
    Participant who;
    int64_t now;
    std::optional<RP> want;
  } cases[] = {
      {"account holder joins the waiting list", base, User(2), 50, std::nullopt},
      {"just before closing", closing, User(2), 99, std::nullopt},
      {"at closing time", closing, User(2), 100, RP::kClosed},
      {"closed wins over a bad form", closing, OneOff("", ""), 100, RP::kClosed},
      {"one-off without name", base, OneOff(" ", "a@x.nl"), 50, RP::kMissingName},
      {"one-off without e-mail", base, OneOff("Ans", ""), 50, RP::kBadEmail},
      {"one-off bad e-mail", base, OneOff("Ans", "ans at x.nl"), 50, RP::kBadEmail},
      {"same account twice", base, User(1), 50, RP::kAlreadyRegistered},
      {"same one-off e-mail ignoring case", base, OneOff("Piet Jansen", " PIET@x.nl"), 50, RP::kAlreadyRegistered},
      {"one-off with an account holder's e-mail", base, OneOff("Lid", "lid1@x.nl"), 50, RP::kAlreadyRegistered},
      {"account holder with a one-off's e-mail", base, Participant{9, "Piet", "piet@x.nl"}, 50, RP::kAlreadyRegistered},
      {"full without waiting list", full_no_list, User(2), 50, RP::kFull},
      {"two accounts may share an e-mail", base, Participant{3, "Huisgenoot", "lid1@x.nl"}, 50, std::nullopt},
  };
  for (const auto& c : cases) {
    auto got = AddRegistration(c.roster, c.who, c.now);
    if (c.want) {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), *c.want) << c.label;
    } else {
      ASSERT_TRUE(got.has_value()) << c.label;
      EXPECT_TRUE(CheckRoster(got->roster)) << c.label;
    }
  }
}

TEST(CancelTest, FreedPlaceGoesToTheFirstWaiting) {
  EventRoster roster = RosterWith(2, {User(1), User(2), User(3), User(4)});
  auto got = CancelRegistration(roster, /*registration_id=*/1, 500);
  ASSERT_TRUE(got.has_value());
  ASSERT_TRUE(got->promoted.has_value());
  EXPECT_EQ(got->promoted->id, 3);
  EXPECT_EQ(got->promoted->state, RS::kConfirmed);
  EXPECT_EQ(States(got->roster), (std::vector<RS>{RS::kCancelled, RS::kConfirmed, RS::kConfirmed, RS::kWaiting}));
  EXPECT_EQ(got->roster.registrations[0].cancelled_at, 500);
  EXPECT_TRUE(CheckRoster(got->roster));
}

TEST(CancelTest, CancellingAWaitingPlacePromotesNobody) {
  EventRoster roster = RosterWith(1, {User(1), User(2), User(3)});
  auto got = CancelRegistration(roster, 2, 500);
  ASSERT_TRUE(got.has_value());
  EXPECT_FALSE(got->promoted.has_value());
  EXPECT_EQ(States(got->roster), (std::vector<RS>{RS::kConfirmed, RS::kCancelled, RS::kWaiting}));
}

TEST(CancelTest, NoWaitingListMeansAFreePlace) {
  EventRoster roster = RosterWith(1, {User(1)}, false);
  auto got = CancelRegistration(roster, 1, 5);
  ASSERT_TRUE(got.has_value());
  EXPECT_FALSE(got->promoted.has_value());
  auto again = AddRegistration(got->roster, User(2), 6);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->registration.state, RS::kConfirmed);
}

TEST(CancelTest, ErrorsAndClosedRegistration) {
  EventRoster roster = RosterWith(2, {User(1)});
  auto unknown = CancelRegistration(roster, 99, 5);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error(), RP::kNotFound);
  auto once = CancelRegistration(roster, 1, 5);
  ASSERT_TRUE(once.has_value());
  auto twice = CancelRegistration(once->roster, 1, 6);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error(), RP::kNotFound);
  roster.closes_at_utc = 3;
  EXPECT_TRUE(CancelRegistration(roster, 1, 10).has_value());
}

TEST(CancelTest, ReRegisteringAfterCancelGoesToTheBackOfTheQueue) {
  EventRoster roster = RosterWith(1, {User(1), User(2)});
  auto cancelled = CancelRegistration(roster, 1, 10);
  ASSERT_TRUE(cancelled.has_value());
  auto again = AddRegistration(cancelled->roster, User(1), 11);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->registration.id, 3);
  EXPECT_EQ(again->registration.state, RS::kWaiting);
  EXPECT_EQ(FindLiveRegistration(again->roster, User(1))->id, 3);
  EXPECT_TRUE(CheckRoster(again->roster));
}

TEST(SetCapacityTest, Table) {
  const EventRoster roster = RosterWith(2, {User(1), User(2), User(3), User(4), User(5)});  // 2 confirmed, 3 waiting
  struct Case {
    const char* label;
    std::optional<int> capacity;
    std::optional<RP> want;
    std::vector<int64_t> promoted_ids;
  } cases[] = {
      {"same", 2, std::nullopt, {}},
      {"one more", 3, std::nullopt, {3}},
      {"more than needed", 10, std::nullopt, {3, 4, 5}},
      {"unlimited", std::nullopt, std::nullopt, {3, 4, 5}},
      {"below confirmed", 1, RP::kBadCapacity, {}},
      {"negative", -1, RP::kBadCapacity, {}},
  };
  for (const auto& c : cases) {
    auto got = SetCapacity(roster, c.capacity);
    if (c.want) {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), *c.want) << c.label;
      continue;
    }
    ASSERT_TRUE(got.has_value()) << c.label;
    std::vector<int64_t> ids;
    for (const auto& r : got->promoted) ids.push_back(r.id);
    EXPECT_EQ(ids, c.promoted_ids) << c.label;
    EXPECT_TRUE(CheckRoster(got->roster)) << c.label;
  }
  EXPECT_TRUE(SetCapacity(EventRoster{}, 0).has_value());  // an empty event may be closed to everyone
}

TEST(CheckRosterTest, DetectsBrokenInvariants) {
  EventRoster ok = RosterWith(1, {User(1), User(2)});
  EXPECT_TRUE(CheckRoster(ok));
  EventRoster over = ok;
  over.registrations[1].state = RS::kConfirmed;
  EXPECT_FALSE(CheckRoster(over));
  EventRoster idle_wait = ok;
  idle_wait.registrations[0].state = RS::kCancelled;
  EXPECT_FALSE(CheckRoster(idle_wait));
  EventRoster duplicate_id = ok;
  duplicate_id.registrations[1].id = 1;
  EXPECT_FALSE(CheckRoster(duplicate_id));
  EventRoster duplicate_person = RosterWith(std::nullopt, {User(1)});
  duplicate_person.registrations.push_back(duplicate_person.registrations[0]);
  duplicate_person.registrations[1].id = 2;
  EXPECT_FALSE(CheckRoster(duplicate_person));
  EventRoster negative{-1, true, std::nullopt, {}};
  EXPECT_FALSE(CheckRoster(negative));
}

// A longer run: random-looking but fixed operations keep the invariants.
TEST(RegistrationRulesTest, InvariantsHoldThroughASequence) {
  EventRoster roster{3, true, std::nullopt, {}};
  int64_t t = 0;
  for (int round = 0; round < 40; ++round) {
    int64_t user = (round * 7) % 11;
    if (const Registration* r = FindLiveRegistration(roster, User(user)); r != nullptr) {
      auto got = CancelRegistration(roster, r->id, ++t);
      ASSERT_TRUE(got.has_value());
      roster = got->roster;
    } else {
      auto got = AddRegistration(roster, User(user), ++t);
      ASSERT_TRUE(got.has_value());
      roster = got->roster;
    }
    ASSERT_TRUE(CheckRoster(roster)) << "round " << round;
  }
}

TEST(RegistrationProblemKeyTest, Distinct) {
  std::set<std::string_view> keys;
  for (int i = 0; i <= static_cast<int>(RP::kBadCapacity); ++i) keys.insert(RegistrationProblemKey(static_cast<RP>(i)));
  EXPECT_EQ(keys.size(), static_cast<size_t>(RP::kBadCapacity) + 1);
  for (RS s : {RS::kConfirmed, RS::kWaiting, RS::kCancelled})
    EXPECT_EQ(ParseRegistrationState(RegistrationStateName(s)), s);
  EXPECT_EQ(RegistrationStateName(RS::kWaiting), "waiting");
  EXPECT_EQ(ParseRegistrationState("Waiting"), std::nullopt);
}

}  // namespace
}  // namespace wp::events
