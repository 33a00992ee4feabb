// OfferCommands on both database backends: needs of an initiative, an offer
// confirmed by its mail link, suggestions, the contact flow (addresses only
// after acceptance), bad input and missing rights that change nothing, the
// rate limit, and the funds directory.
#include "features/offers/commands.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "features/initiatives/world_test.h"
#include "testing/backend_test.h"
#include "wp_offers_files.h"

namespace wp::offers {
namespace {

using auth::Role;
using initiatives::InitiatorKey;
using initiatives::kMonday;

class OfferCommandsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(kMonday);
    ASSERT_TRUE(catalog_.AddFiles(InitiativesFiles()).has_value());
    ASSERT_TRUE(catalog_.AddFiles(OffersFiles()).has_value());
    world_ = std::make_unique<initiatives::World>(
        *db_, clock_, random_, catalog_,
        std::vector<std::string>{"mail", "accounts", "geography", "platforms", "initiatives"});
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("offers", OffersFiles())).has_value());
    OffersSettings settings;
    settings.base_url = "https://wijk.example.nl";
    settings.max_contact_requests_per_day = 2;
    commands_ = std::make_unique<OfferCommands>(*db_, clock_, random_, zone_, catalog_, initiatives::Haarlem(),
                                                world_->commands(), settings);
  }

  int64_t Count(const std::string& sql) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }
  // Every mail body and subject queued so far, joined.
  std::string AllMail() {
    auto rows = db_->Read([](db::Connection& c) { return c.Query("SELECT subject, body_text FROM mail_outbox"); });
    std::string out;
    for (const auto& r : *rows) out += r.Text(0) + "\n" + r.Text(1) + "\n";
    return out;
  }
  std::string LastMailTo(const std::string& address) {
    auto row = db_->Read([&](db::Connection& c) {
      return c.QueryOptional("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                             {address});
    });
    return row.has_value() && *row ? (*row)->Text(0) : "";
  }
  static std::string TokenAfter(const std::string& body, const std::string& prefix) {
    size_t at = body.find(prefix);
    if (at == std::string::npos) return "";
    at += prefix.size();
    return body.substr(at, body.find_first_of(" \n", at) - at);
  }

  // A public, submitted initiative in buurt BU03920101 whose initiator confirmed the address.
  InitiatorKey Initiative() {
    initiatives::NewInitiative in;
    in.compass.title = "Afval prikken in de buurt";
    in.compass.what = "Elke maand prikken we samen afval.";
    in.compass.neighbourhood_code = "BU03920101";
    in.compass.when = "Elke laatste zondag";
    in.compass.helpers = "Tien buren.";
    in.compass.needs = {initiatives::Need::kMaterials};
    in.compass.initiator_name = "Schoon Team";
    in.compass.is_public = true;
    in.email = "initiatief@example.nl";
    in.submit = true;
    auto created = world_->commands().Create(in, std::nullopt);
    EXPECT_TRUE(created.has_value());
    InitiatorKey mail{TokenAfter(LastMailTo("initiatief@example.nl"), "/initiatieven/volg/"), std::nullopt, 0};
    EXPECT_TRUE(world_->commands().ForInitiator(mail).has_value());
    return InitiatorKey{created->follow_token, std::nullopt, created->id};
  }
  // An offer without an account, confirmed by the link in its mail.
  OfferCreated ConfirmedOffer(const std::string& email, Kind kind = Kind::kMaterials) {
    OfferInput in{kind, "Grijpers te leen", {"clean"}, "", "Bouwmarkt", OffererType::kEntrepreneur, email};
    auto created = commands_->CreateOffer(in, "", "nl", std::nullopt);
    EXPECT_TRUE(created.has_value()) << created.error().detail;
    EXPECT_FALSE(created->confirmed);
    std::string mail_token = TokenAfter(LastMailTo(email), "/vraag-en-aanbod/aanbod/beheer/");
    EXPECT_TRUE(commands_->ForOfferer(mail_token).has_value());
    return *created;
  }

  FakeClock clock_;
  SeededRandom random_{42};
  i18n::Catalog catalog_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  std::unique_ptr<initiatives::World> world_;
  std::unique_ptr<OfferCommands> commands_;
};

TEST_P(OfferCommandsTest, AMatchPutsPeopleInTouchOnlyWhenBothAgree) {
  InitiatorKey key = Initiative();
  auto need = commands_->AddNeed(key, {Kind::kMaterials, "Twintig grijpers", {"clean"}, "20"}, "");
  ASSERT_TRUE(need.has_value()) << need.error().detail;

  OfferInput in{Kind::kMaterials, "Grijpers te leen", {"clean"}, "", "Bouwmarkt", OffererType::kEntrepreneur,
                "winkel@example.nl"};
  auto created = commands_->CreateOffer(in, "", "nl", std::nullopt);
  ASSERT_TRUE(created.has_value());
  EXPECT_TRUE(commands_->PublicBoard({})->offers.empty()) << "not public before the address is confirmed";
  EXPECT_TRUE(commands_->ForOfferer(created->manage_token).has_value());
  EXPECT_TRUE(commands_->PublicBoard({})->offers.empty()) << "the receipt's link does not confirm";
  std::string mail_token = TokenAfter(LastMailTo("winkel@example.nl"), "/vraag-en-aanbod/aanbod/beheer/");
  auto offerer = commands_->ForOfferer(mail_token);
  ASSERT_TRUE(offerer.has_value());
  EXPECT_TRUE(offerer->offer.confirmed);
  ASSERT_EQ(offerer->suggestions.size(), 1u);
  EXPECT_EQ(offerer->suggestions[0].need->id, *need);

  auto board = commands_->PublicBoard({});
  ASSERT_EQ(board->needs.size(), 1u);
  ASSERT_EQ(board->offers.size(), 1u);
  ASSERT_EQ(board->matches.size(), 1u);
  EXPECT_EQ(board->matches[0].match.score, kKindPoints + kThemePoints + kCityWidePoints);
  EXPECT_TRUE(commands_->PublicBoard({Kind::kSpace, ""})->needs.empty());

  auto mine = commands_->ForInitiator(key);
  ASSERT_EQ(mine->suggestions.size(), 1u);
  ASSERT_EQ(mine->suggestions[0].size(), 1u);
  auto asked = commands_->AskOfferer(key, *need, created->id, "Mogen wij ze lenen?");
  ASSERT_TRUE(asked.has_value()) << asked.error().detail;
  EXPECT_NE(LastMailTo("winkel@example.nl").find("Mogen wij ze lenen?"), std::string::npos);
  std::string before = AllMail();
  EXPECT_EQ(before.find("initiatief@example.nl"), std::string::npos) << "no address before both agree";
  EXPECT_EQ(commands_->Contact(asked->answer_token)->request.initiator_email, "");
  EXPECT_EQ(commands_->AskOfferer(key, *need, created->id, "").error().fields[0].message_key,
            "offers.contact.refused.pending");

  auto accepted = commands_->Answer(asked->answer_token, true);
  ASSERT_TRUE(accepted.has_value()) << accepted.error().detail;
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("winkel@example.nl"), std::string::npos);
  EXPECT_NE(LastMailTo("winkel@example.nl").find("initiatief@example.nl"), std::string::npos);
  EXPECT_NE(LastMailTo("winkel@example.nl").find("Schoon Team"), std::string::npos);
  auto again = commands_->Answer(asked->answer_token, false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().user_message_key, "offers.contact.problem.already_answered");
}

TEST_P(OfferCommandsTest, ADeclineOrNoAnswerShowsNothing) {
  InitiatorKey key = Initiative();
  auto need = commands_->AddNeed(key, {Kind::kMaterials, "Grijpers", {}, ""}, "");
  OfferCreated offer = ConfirmedOffer("winkel@example.nl");
  auto asked = commands_->AskInitiator(offer.manage_token, *need, "Ik heb grijpers.");
  ASSERT_TRUE(asked.has_value()) << asked.error().detail;
  ASSERT_TRUE(commands_->Answer(asked->answer_token, false).has_value());
  EXPECT_EQ(AllMail().find("initiatief@example.nl"), std::string::npos);
  EXPECT_EQ(LastMailTo("winkel@example.nl").find("initiatief@example.nl"), std::string::npos);

  // Rate limit: two requests a day for this offer (the setting), the next is refused and stores nothing.
  auto second = commands_->AddNeed(key, {Kind::kMaterials, "Handschoenen", {}, ""}, "");
  auto third = commands_->AddNeed(key, {Kind::kMaterials, "Zakken", {}, ""}, "");
  auto late = commands_->AskInitiator(offer.manage_token, *second, "");
  ASSERT_TRUE(late.has_value());
  int64_t before = Count("SELECT COUNT(*) FROM offer_contacts");
  auto refused = commands_->AskInitiator(offer.manage_token, *third, "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM offer_contacts"), before);

  clock_.Advance(std::chrono::seconds(kContactAnswerSeconds));
  auto expired = commands_->Answer(late->answer_token, true);
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().user_message_key, "offers.contact.problem.expired");
  EXPECT_EQ(AllMail().find("initiatief@example.nl"), std::string::npos);
}

TEST_P(OfferCommandsTest, BadInputAndWrongKeysChangeNothing) {
  InitiatorKey key = Initiative();
  int64_t mails = Count("SELECT COUNT(*) FROM mail_outbox");
  auto empty = commands_->AddNeed(key, {Kind::kVolunteers, " ", {"weather"}, ""}, "2020-01-01");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().fields.size(), 3u);
  EXPECT_FALSE(commands_->AddNeed(InitiatorKey{"x", std::nullopt, 0}, {Kind::kVolunteers, "Hulp", {}, ""}, "")
                   .has_value());
  auto bad_offer = commands_->CreateOffer({Kind::kSpace, "", {}, "WK999999", "", OffererType::kResident, "x@"}, "",
                                          "nl", std::nullopt);
  ASSERT_FALSE(bad_offer.has_value());
  EXPECT_EQ(bad_offer.error().fields.size(), 4u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM offer_needs"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM offers"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), mails);

  auto need = commands_->AddNeed(key, {Kind::kSpace, "Een zaal", {}, ""}, "");
  OfferCreated materials = ConfirmedOffer("winkel@example.nl", Kind::kMaterials);
  auto other_kind = commands_->AskInitiator(materials.manage_token, *need, "");
  ASSERT_FALSE(other_kind.has_value());
  EXPECT_EQ(other_kind.error().fields[0].message_key, "offers.contact.refused.kind_differs");
  EXPECT_EQ(commands_->WithdrawOffer("onzin").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(commands_->WithdrawOffer(materials.manage_token).has_value());
  EXPECT_EQ(commands_->WithdrawOffer(materials.manage_token).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(commands_->CloseNeed(key, *need).has_value());
  EXPECT_TRUE(commands_->PublicBoard({})->needs.empty());
}

TEST_P(OfferCommandsTest, TheFundsDirectoryIsKeptByDeskStaff) {
  auth::User resident = world_->Account("ans@example.nl", "Ans", {});
  auth::User desk = world_->Account("loket@haarlem.nl", "Loket", {{Role::kInitiativeDesk, "noord"}});
  Fund f{0, "Buurtfonds", "Kleine plannen", "tot € 2.500", "https://example.org", "heel Haarlem", 0, 0};
  EXPECT_EQ(commands_->AddFund(resident, f).error().code, ErrorCode::kForbidden);
  auto id = commands_->AddFund(desk, f);
  ASSERT_TRUE(id.has_value());
  f.id = *id;
  f.url = "ftp://x";
  EXPECT_EQ(commands_->SaveFund(desk, f).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(commands_->Funds()->at(0).url, "https://example.org");
  EXPECT_EQ(commands_->RemoveFund(resident, *id).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(commands_->RemoveFund(desk, *id).has_value());
  EXPECT_TRUE(commands_->Funds()->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OfferCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::offers
