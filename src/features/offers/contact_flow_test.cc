// The contact flow as a table: every allowed and refused step, expiry,
// when addresses may be shown, and the checks before asking.
#include "features/offers/contact_flow.h"

#include <gtest/gtest.h>

namespace wp::offers {
namespace {

constexpr int64_t kAsked = 1'000'000;

TEST(ContactFlowTest, EveryStepOfTheTable) {
  using S = ContactState;
  struct Case {
    S from, to;
    Side asked_by, actor;
    int64_t now;
    std::optional<ContactProblem> want;
  } cases[] = {
      {S::kAsked, S::kAccepted, Side::kInitiator, Side::kOfferer, kAsked + 60, std::nullopt},
      {S::kAsked, S::kDeclined, Side::kInitiator, Side::kOfferer, kAsked + 60, std::nullopt},
      {S::kAsked, S::kAccepted, Side::kOfferer, Side::kInitiator, kAsked + 60, std::nullopt},
      {S::kAsked, S::kDeclined, Side::kOfferer, Side::kInitiator, kAsked + 60, std::nullopt},
      {S::kAsked, S::kCancelled, Side::kOfferer, Side::kOfferer, kAsked + 60, std::nullopt},
      {S::kAsked, S::kAccepted, Side::kInitiator, Side::kInitiator, kAsked + 60, ContactProblem::kNotYourStep},
      {S::kAsked, S::kCancelled, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kNotYourStep},
      {S::kAsked, S::kAccepted, Side::kInitiator, Side::kOfferer, kAsked + kContactAnswerSeconds,
       ContactProblem::kExpired},
      {S::kAsked, S::kDeclined, Side::kInitiator, Side::kOfferer, kAsked + kContactAnswerSeconds,
       ContactProblem::kExpired},
      {S::kAccepted, S::kDeclined, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kAlreadyAnswered},
      {S::kDeclined, S::kAccepted, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kAlreadyAnswered},
      {S::kCancelled, S::kAccepted, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kAlreadyAnswered},
      {S::kAccepted, S::kAsked, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kNotAllowed},
      {S::kAsked, S::kAsked, Side::kInitiator, Side::kOfferer, kAsked + 60, ContactProblem::kNotAllowed},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CheckContactStep(c.from, c.to, c.asked_by, c.actor, kAsked, c.now), c.want)
        << ContactStateName(c.from) << " -> " << ContactStateName(c.to) << " by " << SideName(c.actor);
  }
}

TEST(ContactFlowTest, OnlyAnAcceptedRequestShowsAddresses) {
  for (ContactState s : kAllContactStates) EXPECT_EQ(ExposesAddresses(s), s == ContactState::kAccepted);
  EXPECT_FALSE(IsExpired(ContactState::kAsked, kAsked, kAsked + kContactAnswerSeconds - 1));
  EXPECT_TRUE(IsExpired(ContactState::kAsked, kAsked, kAsked + kContactAnswerSeconds));
  EXPECT_FALSE(IsExpired(ContactState::kAccepted, kAsked, kAsked + 10 * kContactAnswerSeconds));
}

TEST(ContactFlowTest, NamesRoundTrip) {
  for (ContactState s : kAllContactStates) EXPECT_EQ(ParseContactState(ContactStateName(s)), s);
  EXPECT_EQ(ParseSide(SideName(Side::kOfferer)), Side::kOfferer);
  EXPECT_FALSE(ParseContactState("expired").has_value()) << "expiry is computed, not stored";
}

TEST(ContactFlowTest, AskingNeedsEverythingInPlace) {
  const ContactAsk ok{.by = Side::kOfferer,
                      .need_current = true,
                      .offer_current = true,
                      .offer_confirmed = true,
                      .initiative_public = true,
                      .initiative_closed = false,
                      .same_kind = true,
                      .pending_between = false,
                      .asked_recently = 4,
                      .max_per_day = 5};
  EXPECT_EQ(CheckAsk(ok), std::nullopt);
  struct Case {
    const char* name;
    void (*change)(ContactAsk&);
    AskProblem want;
  } cases[] = {
      {"need closed", [](ContactAsk& a) { a.need_current = false; }, AskProblem::kNeedClosed},
      {"initiative closed", [](ContactAsk& a) { a.initiative_closed = true; }, AskProblem::kNeedClosed},
      {"offer withdrawn", [](ContactAsk& a) { a.offer_current = false; }, AskProblem::kOfferClosed},
      {"offer not confirmed", [](ContactAsk& a) { a.offer_confirmed = false; }, AskProblem::kNotConfirmed},
      {"initiative not public", [](ContactAsk& a) { a.initiative_public = false; }, AskProblem::kNotPublic},
      {"other kind", [](ContactAsk& a) { a.same_kind = false; }, AskProblem::kKindDiffers},
      {"already asked", [](ContactAsk& a) { a.pending_between = true; }, AskProblem::kPending},
      {"rate limit", [](ContactAsk& a) { a.asked_recently = 5; }, AskProblem::kTooMany},
  };
  for (const auto& c : cases) {
    ContactAsk a = ok;
    c.change(a);
    EXPECT_EQ(CheckAsk(a), c.want) << c.name;
  }
  ContactAsk initiator = ok;
  initiator.by = Side::kInitiator;
  initiator.initiative_public = false;
  EXPECT_EQ(CheckAsk(initiator), std::nullopt) << "the initiator may ask from a private initiative";
}

}  // namespace
}  // namespace wp::offers
