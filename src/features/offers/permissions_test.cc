// Who may keep the funds directory and an offer, and when an offer is public.
#include "features/offers/permissions.h"

#include <gtest/gtest.h>

namespace wp::offers {
namespace {

using auth::Role;

TEST(OfferPermissionsTest, FundsAreKeptByAdministratorsAndDeskStaff) {
  struct Case {
    const char* name;
    std::optional<auth::User> user;
    bool want;
  } cases[] = {
      {"visitor", std::nullopt, false},
      {"resident", auth::User{1, "a@x.nl", "A", "nl", {}}, false},
      {"administrator", auth::User{2, "b@x.nl", "B", "nl", {{Role::kAdministrator, ""}}}, true},
      {"desk anywhere", auth::User{3, "c@x.nl", "C", "nl", {{Role::kInitiativeDesk, ""}}}, true},
      {"desk of a stadsdeel", auth::User{4, "d@x.nl", "D", "nl", {{Role::kInitiativeDesk, "noord"}}}, true},
      {"municipal expert", auth::User{5, "e@x.nl", "E", "nl", {{Role::kMunicipalExpert, ""}}}, false},
      {"area liaison", auth::User{6, "f@x.nl", "F", "nl", {{Role::kAreaLiaison, "schalkwijk"}}}, false},
  };
  for (const auto& c : cases) EXPECT_EQ(CanManageFunds(c.user), c.want) << c.name;
}

TEST(OfferPermissionsTest, AnOfferIsKeptByItsLinkOrItsAccount) {
  Offer mine;
  mine.user_id = 7;
  Offer anonymous;
  auth::User owner{7, "o@x.nl", "O", "nl", {}};
  auth::User other{8, "p@x.nl", "P", "nl", {}};
  auth::User admin{9, "q@x.nl", "Q", "nl", {{Role::kAdministrator, ""}}};
  EXPECT_TRUE(CanManageOffer(std::nullopt, anonymous, true));
  EXPECT_FALSE(CanManageOffer(std::nullopt, anonymous, false));
  EXPECT_TRUE(CanManageOffer(owner, mine, false));
  EXPECT_FALSE(CanManageOffer(other, mine, false));
  EXPECT_FALSE(CanManageOffer(admin, mine, false)) << "nobody else acts for an offerer";
  EXPECT_FALSE(CanManageOffer(owner, anonymous, false));
}

TEST(OfferPermissionsTest, NeedsAreKeptByTheInitiatorWhileOpen) {
  EXPECT_TRUE(CanManageNeeds(true, false));
  EXPECT_FALSE(CanManageNeeds(true, true));
  EXPECT_FALSE(CanManageNeeds(false, false));
}

TEST(OfferPermissionsTest, AnOfferIsPublicWhenConfirmedCurrentAndNotWithdrawn) {
  Offer o;
  o.confirmed = true;
  EXPECT_TRUE(IsOfferPublic(o, 100));
  o.until = 100;
  EXPECT_FALSE(IsOfferPublic(o, 100)) << "its last day is past";
  o.until = 101;
  EXPECT_TRUE(IsOfferPublic(o, 100));
  o.withdrawn = true;
  EXPECT_FALSE(IsOfferPublic(o, 100));
  o.withdrawn = false;
  o.confirmed = false;
  EXPECT_FALSE(IsOfferPublic(o, 100));
}

}  // namespace
}  // namespace wp::offers
