// Unit tests of AdviceCommands on a real SQLite database (PageHarness) with
// real platforms (PlatformWorld): a request to two platforms, e-mails and
// their texts, history with names, and refusals that change nothing.
#include "features/advice/commands.h"

#include "features/platforms/page_world_test.h"
#include "testing/db_queries.h"
#include "testing/temp_dir.h"
#include "wp_advice_files.h"

namespace wp::advice {
namespace {

class AdviceCommandsTest : public platforms::PageTest {
 protected:
  AdviceCommandsTest() { h_.clock().Set(1795455000); }  // Monday 23 November 2026, 18:30 in Haarlem

  RequestForm Form(std::vector<int64_t> platform_ids, const std::string& deadline = "") {
    return {"Speelplekken",
            "Welke plekken?\n\nWat mist er?",
            "consult",
            deadline,
            "Samira",
            "samira@haarlem.example",
            false,
            "",
            std::move(platform_ids)};
  }
  int Mails(const std::string& to, const std::string& part) {
    int n = 0;
    for (const auto& m : wp::testing::Outbox(h_.db())) n += m.to == to && m.body.find(part) != std::string::npos;
    return n;
  }
  platforms::Platform Europawijk() {
    platforms::RegisterInput in{
        "Wijkplatform Europawijk",
        "Buren samen.",
        "europa@example.nl",
        {"Spelen"},
        {"BU03921801", "BU03921802", "BU03921803", "BU03921804", "BU03921805", "BU03921806", "BU03921807"},
        std::nullopt};
    auto p = world_.commands().Register(ruud_, in);
    if (!p.has_value()) throw std::runtime_error("Europawijk: " + p.error().detail);
    ruud_ = world_.Reloaded(ruud_);
    return *p;
  }

  wp::testing::PageHarness h_{"advice", AdviceFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  auth::User ruud_ = world_.AddUser("ruud@example.nl", "Ruud", {});
  auth::User samira_ = world_.AddUser("samira@haarlem.example", "Samira", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  platforms::Platform boerhaave_ = world_.RegisterBoerhaave(anna_);
  platforms::Platform europa_ = Europawijk();
  accounts::Roles roles_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  wp::testing::TempDir files_dir_;
  files::BlobStore files_{files_dir_.path() / "files"};
  AdviceCommands commands_{h_.db(), h_.clock(), h_.catalog(), world_.directory(), roles_, zone_, files_, AdviceSettings{}};
};

TEST_F(AdviceCommandsTest, ARequestToTwoPlatformsIsAnsweredWhenBothAdvicesAre) {
  ASSERT_EQ(boerhaave_.borough_slug, "schalkwijk");
  ASSERT_EQ(europa_.borough_slug, "schalkwijk");
  auto id = commands_.CreateRequest(samira_, Form({boerhaave_.id, europa_.id}));
  ASSERT_TRUE(id.has_value()) << id.error().detail;
  // Ruud reads English: his e-mail and its date are in English.
  ASSERT_TRUE(h_.db()
                  .Write([](db::Connection& c) -> Result<void> {
                    WP_TRY_VOID(c.Execute("UPDATE users SET locale = 'en' WHERE email = 'ruud@example.nl'"));
                    return Ok();
                  })
                  .has_value());
  ASSERT_TRUE(commands_.SendRequest(samira_, *id).has_value());
  EXPECT_EQ(Mails("anna@example.nl", "Geef uw advies graag uiterlijk 4 januari 2027."), 1);
  EXPECT_EQ(Mails("ruud@example.nl", "Dear core team of Wijkplatform Europawijk"), 1);
  EXPECT_EQ(Mails("ruud@example.nl", "Please give your advice by 4 January 2027."), 1);
  EXPECT_EQ(Mails("europa@example.nl", "uiterlijk 4 januari 2027"), 1) << "the platform's own address, in Dutch";
  EXPECT_EQ(Mails("ruud@example.nl", "/advies/aanvraag/" + std::to_string(*id)), 1);

  AdviceForm form{"Ons advies", "Meer schommels.\n\nEen trapveld.", "", "", "", ""};
  auto a1 = commands_.CreateAdvice(anna_, boerhaave_, *id, form);
  ASSERT_TRUE(a1.has_value()) << a1.error().detail;
  EXPECT_EQ(commands_.CreateAdvice(anna_, boerhaave_, *id, form).error().user_message_key,
            "advice.error.already_advised");
  EXPECT_EQ(commands_.CreateAdvice(anna_, europa_, *id, form).error().code, ErrorCode::kForbidden)
      << "Anna is not Europawijk's kernteam";
  ASSERT_TRUE(commands_.SubmitAdvice(anna_, boerhaave_, *a1).has_value());
  EXPECT_EQ(Mails("samira@haarlem.example", "Wijkplatform Boerhaavewijk heeft advies gegeven"), 1);
  auto a2 = commands_.CreateAdvice(ruud_, europa_, *id, form);
  ASSERT_TRUE(a2.has_value());
  ASSERT_TRUE(commands_.SubmitAdvice(ruud_, europa_, *a2).has_value());

  std::vector<PointAnswer> answers = {{"adopted", "Komen er."}, {"not_adopted", "Geen ruimte."}};
  ASSERT_TRUE(commands_.AnswerAdvice(samira_, *a1, answers).has_value());
  EXPECT_EQ(commands_.Request(samira_, *id)->request.status, RequestStatus::kAdviceSubmitted)
      << "one of two advices is answered";
  EXPECT_EQ(Mails("anna@example.nl", "De gemeente heeft uw advies 'Ons advies' beantwoord"), 1);
  EXPECT_EQ(Mails("ruud@example.nl", "beantwoord"), 0);
  ASSERT_TRUE(commands_.AnswerAdvice(samira_, *a2, answers).has_value());
  RequestThread t = *commands_.Request(std::nullopt, *id);
  EXPECT_EQ(t.request.status, RequestStatus::kAnswered);
  ASSERT_EQ(t.advices.size(), 2u);
  ASSERT_EQ(t.history.size(), 4u);
  EXPECT_EQ(t.history[3].to_status, "answered");
  EXPECT_EQ(t.history[3].actor_name, "Samira");
  auto advice = commands_.AdviceOf(std::nullopt, *a1);
  ASSERT_TRUE(advice.has_value());
  EXPECT_EQ(advice->advice.points[1].verdict, Verdict::kNotAdopted);
  EXPECT_EQ(advice->advice.points[1].reason, "Geen ruimte.");
  EXPECT_EQ(advice->history.back().actor_name, "Samira");
}

TEST_F(AdviceCommandsTest, RefusalsChangeNothing) {
  auth::User noord = world_.AddUser("noord@haarlem.example", "Nora", {{auth::Role::kAreaLiaison, "noord"}});
  EXPECT_EQ(commands_.CreateRequest(noord, Form({boerhaave_.id})).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_.CreateRequest(anna_, Form({boerhaave_.id})).error().code, ErrorCode::kForbidden);
  auto unknown = commands_.CreateRequest(samira_, Form({boerhaave_.id, 9999}));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().fields.at(0).message_key, kNoPlatform);
  EXPECT_EQ(wp::testing::Count(h_.db(), "SELECT COUNT(*) FROM advice_requests"), 0);

  // A draft whose deadline passes before it is sent is not sent.
  auto id = commands_.CreateRequest(samira_, Form({boerhaave_.id}, "2026-11-24"));
  ASSERT_TRUE(id.has_value());
  h_.clock().Set(1795455000 + 2 * 86400);
  auto late = commands_.SendRequest(samira_, *id);
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().fields.at(0).message_key, kPastDeadline);
  EXPECT_EQ(commands_.Request(samira_, *id)->request.status, RequestStatus::kDraft);
  EXPECT_EQ(wp::testing::Outbox(h_.db()).size(), 0u);
  EXPECT_EQ(commands_.Request(std::nullopt, *id).error().code, ErrorCode::kNotFound) << "a draft is not public";
  EXPECT_EQ(commands_.SendRequest(noord, *id).error().code, ErrorCode::kNotFound)
      << "an official elsewhere does not learn of the draft";

  // Withdrawing a draft needs a reason and tells nobody.
  EXPECT_TRUE(commands_.WithdrawRequest(samira_, *id, " ").error().has_fields());
  ASSERT_TRUE(commands_.WithdrawRequest(samira_, *id, "Plan gaat niet door").has_value());
  EXPECT_EQ(wp::testing::Outbox(h_.db()).size(), 0u);
  EXPECT_EQ(commands_.SendRequest(samira_, *id).error().user_message_key, "advice.flow.not_allowed");
  EXPECT_EQ(commands_.CreateAdvice(anna_, boerhaave_, *id, {"t", "p", "", "", "", ""}).error().user_message_key,
            "advice.error.request_closed");

  // An answer to a draft advice, or by the kernteam, is refused.
  auto unsolicited = commands_.CreateAdvice(anna_, boerhaave_, std::nullopt, {"t", "p", "Wethouder", "", "", ""});
  ASSERT_TRUE(unsolicited.has_value());
  EXPECT_EQ(commands_.AnswerAdvice(samira_, *unsolicited, {{"adopted", "ja"}}).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(commands_.SubmitAdvice(anna_, boerhaave_, *unsolicited).has_value());
  EXPECT_EQ(commands_.SubmitAdvice(anna_, boerhaave_, *unsolicited).error().user_message_key,
            "advice.flow.same_status");
  EXPECT_EQ(commands_.AnswerAdvice(anna_, *unsolicited, {{"adopted", "ja"}}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_.AnswerAdvice(noord, *unsolicited, {{"adopted", "ja"}}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_.AwaitingAnswer(samira_)->size(), 1u);
  EXPECT_TRUE(commands_.AwaitingAnswer(noord)->empty());
}

}  // namespace
}  // namespace wp::advice
