// Unit tests of the advice commands added for issue #14 items 1, 2 and 4 on a
// real SQLite database with real platforms: PDF attachments (content
// checked, confidentiality kept), members' input rounds and reactions, the
// werkgroep, the e-mails to everyone who contributed, and reminders sent once.
#include "features/advice/commands.h"

#include <filesystem>

#include "features/advice/input_store.h"
#include "features/platforms/page_world_test.h"
#include "testing/db_queries.h"
#include "testing/temp_dir.h"
#include "wp_advice_files.h"

namespace wp::advice {
namespace {

constexpr const char* kPdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

class InputCommandsTest : public platforms::PageTest {
 protected:
  InputCommandsTest() { h_.clock().Set(1795455000); }  // Monday 23 November 2026, 18:30 in Haarlem

  RequestForm Form(bool confidential = false) {
    return {"Speelplekken",        "Welke plekken?",       "consult", "", "Samira", "samira@haarlem.example",
            confidential,          confidential ? "Grondaankoop" : "", {boerhaave_.id}};
  }
  int64_t OpenRequest(bool confidential = false) {
    auto id = commands_.CreateRequest(samira_, Form(confidential));
    if (!id.has_value() || !commands_.SendRequest(samira_, *id).has_value()) throw std::runtime_error("open");
    return *id;
  }
  int Mails(const std::string& to, const std::string& subject_part = "") {
    int n = 0;
    for (const auto& m : wp::testing::Outbox(h_.db())) n += m.to == to && m.subject.find(subject_part) != std::string::npos;
    return n;
  }
  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.db(), sql); }
  auth::User Member(const std::string& email, const std::string& name) {
    auth::User u = world_.AddUser(email, name, {});
    auto joined = world_.commands().Join(u, boerhaave_.id, platforms::MemberKind::kResident, "");
    if (!joined.has_value()) throw std::runtime_error("join: " + joined.error().detail);
    return u;
  }

  wp::testing::PageHarness h_{"advice", AdviceFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  auth::User samira_ = world_.AddUser("samira@haarlem.example", "Samira", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  platforms::Platform boerhaave_ = world_.RegisterBoerhaave(anna_);
  auth::User bert_ = Member("bert@example.nl", "Bert");
  auth::User carla_ = Member("carla@example.nl", "Carla");
  auth::User dirk_ = world_.AddUser("dirk@example.nl", "Dirk", {});  // not a member
  accounts::Roles roles_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  wp::testing::TempDir files_dir_;
  files::BlobStore files_{files_dir_.path() / "files"};
  AdviceCommands commands_{h_.db(), h_.clock(), h_.catalog(), world_.directory(), roles_, zone_, files_, AdviceSettings{}};
};

TEST_F(InputCommandsTest, AnOfficialAttachesPdfsToADraftRequestOnly) {
  auto id = commands_.CreateRequest(samira_, Form());
  ASSERT_TRUE(id.has_value());
  auto not_pdf = commands_.AttachToRequest(samira_, *id, {{"plan.pdf", kPdf}, {"foto.pdf", "GIF89a..."}});
  ASSERT_FALSE(not_pdf.has_value());
  EXPECT_EQ(not_pdf.error().fields.at(0).message_key, "files.error.not_pdf");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM advice_attachments"), 0) << "nothing kept when one file is refused";
  EXPECT_EQ(commands_.AttachToRequest(samira_, *id, {}).error().fields.at(0).message_key, kNoFile);
  EXPECT_EQ(commands_.AttachToRequest(anna_, *id, {{"plan.pdf", kPdf}}).error().code, ErrorCode::kNotFound)
      << "the kernteam does not see a draft";

  ASSERT_TRUE(commands_.AttachToRequest(samira_, *id, {{"plan.pdf", kPdf}, {"../kaart", kPdf}}).has_value());
  auto list = commands_.AttachmentsOf({*id, std::nullopt});
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].file_name, "kaart.pdf");
  EXPECT_EQ((*list)[0].sha256, (*list)[1].sha256) << "the same bytes are stored once";
  EXPECT_TRUE(files_.Has((*list)[0].sha256));
  EXPECT_EQ(commands_.Request(samira_, *id)->history.back().to_status, "attachment_added");
  EXPECT_EQ(commands_.AttachmentFor(std::nullopt, (*list)[0].id).error().code, ErrorCode::kNotFound)
      << "a draft's attachment is not public";

  ASSERT_TRUE(commands_.SendRequest(samira_, *id).has_value());
  EXPECT_EQ(commands_.AttachToRequest(samira_, *id, {{"b.pdf", kPdf}}).error().user_message_key,
            "advice.error.not_draft");
  auto served = commands_.AttachmentFor(std::nullopt, (*list)[0].id);
  ASSERT_TRUE(served.has_value());
  EXPECT_EQ(served->bytes, kPdf);
  EXPECT_TRUE(served->is_public);
  std::vector<Upload> eleven(kMaxAttachments + 1, Upload{"x.pdf", kPdf});
  auto other = commands_.CreateRequest(samira_, Form());
  EXPECT_EQ(commands_.AttachToRequest(samira_, *other, eleven).error().fields.at(0).message_key, kTooManyFiles);
}

TEST_F(InputCommandsTest, AConfidentialAttachmentIsForOfficialsAndTheKernteam) {
  auto id = commands_.CreateRequest(samira_, Form(true));
  ASSERT_TRUE(commands_.AttachToRequest(samira_, *id, {{"grond.pdf", kPdf}}).has_value());
  ASSERT_TRUE(commands_.SendRequest(samira_, *id).has_value());
  int64_t file = commands_.AttachmentsOf({*id, std::nullopt})->at(0).id;
  EXPECT_EQ(commands_.AttachmentFor(std::nullopt, file).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(commands_.AttachmentFor(bert_, file).error().code, ErrorCode::kNotFound) << "a member";
  EXPECT_FALSE(commands_.AttachmentFor(anna_, file)->is_public);
  EXPECT_TRUE(commands_.AttachmentFor(samira_, file).has_value());
  EXPECT_EQ(commands_.OpenRound(anna_, boerhaave_, {*id, std::nullopt}, {"Wat vindt u?", "2026-12-10"})
                .error()
                .user_message_key,
            "advice.error.round_confidential");
}

TEST_F(InputCommandsTest, TheKernteamAttachesToItsDraftAdvice) {
  auto a = commands_.CreateAdvice(anna_, boerhaave_, std::nullopt, {"Bomen", "Meer bomen.", "Wethouder", "", "", ""});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(commands_.AttachToAdvice(bert_, boerhaave_, *a, {{"x.pdf", kPdf}}).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(commands_.AttachToAdvice(anna_, boerhaave_, *a, {{"bomen.pdf", kPdf}}).has_value());
  int64_t file = commands_.AttachmentsOf({std::nullopt, *a})->at(0).id;
  EXPECT_EQ(commands_.AttachmentFor(std::nullopt, file).error().code, ErrorCode::kNotFound) << "a draft";
  ASSERT_TRUE(commands_.SubmitAdvice(anna_, boerhaave_, *a).has_value());
  EXPECT_TRUE(commands_.AttachmentFor(std::nullopt, file)->is_public);
  EXPECT_EQ(commands_.AttachToAdvice(anna_, boerhaave_, *a, {{"x.pdf", kPdf}}).error().user_message_key,
            "advice.error.not_draft");
}

TEST_F(InputCommandsTest, MembersReactInAnOpenRoundAndTheKernteamReadsThem) {
  int64_t id = OpenRequest();
  HistoryOf about{id, std::nullopt};
  auto past = commands_.OpenRound(anna_, boerhaave_, about, {"Wat vindt u?", "2026-11-22"});
  ASSERT_FALSE(past.has_value());
  EXPECT_EQ(past.error().fields.at(0).message_key, kPastClosing);
  EXPECT_EQ(commands_.OpenRound(bert_, boerhaave_, about, {"Wat?", "2026-12-10"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM advice_input_rounds"), 0);
  auto round = commands_.OpenRound(anna_, boerhaave_, about, {"Welke plek mist?", "2026-12-10"});
  ASSERT_TRUE(round.has_value()) << round.error().detail;

  ASSERT_TRUE(commands_.React(bert_, boerhaave_, *round, "Een trapveld.").has_value());
  ASSERT_TRUE(commands_.React(carla_, boerhaave_, *round, "Bankjes.").has_value());
  EXPECT_EQ(commands_.React(dirk_, boerhaave_, *round, "Ik ook").error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(commands_.React(bert_, boerhaave_, *round, " ").error().has_fields());

  RoundThread kernteam = *commands_.Round(anna_, boerhaave_, *round);
  ASSERT_EQ(kernteam.reactions.size(), 2u);
  EXPECT_EQ(kernteam.reactions[0].author_name, "Bert");
  RoundThread bert = *commands_.Round(bert_, boerhaave_, *round);
  ASSERT_EQ(bert.reactions.size(), 1u) << "a member sees their own reaction";
  EXPECT_TRUE(bert.may_react);
  RoundThread visitor = *commands_.Round(std::nullopt, boerhaave_, *round);
  EXPECT_TRUE(visitor.reactions.empty());
  EXPECT_EQ(visitor.reaction_count, 2u);
  EXPECT_FALSE(visitor.may_react);
  EXPECT_EQ(commands_.OpenRoundsOf(std::nullopt, boerhaave_)->size(), 1u);

  h_.clock().Set(1795455000 + 20 * 86400);  // after 10 December
  EXPECT_EQ(commands_.React(bert_, boerhaave_, *round, "Te laat").error().user_message_key,
            "advice.error.round_closed");
  EXPECT_TRUE(commands_.OpenRoundsOf(std::nullopt, boerhaave_)->empty());
  auto history = commands_.Request(samira_, id)->history;
  int reactions = 0, opened = 0;
  for (const auto& h : history) reactions += h.to_status == "reaction_added", opened += h.to_status == "input_opened";
  EXPECT_EQ(opened, 1);
  EXPECT_EQ(reactions, 2);
}

TEST_F(InputCommandsTest, TheCreateCommandsCheckEveryPdfBeforeTheyMakeAnything) {
  AdviceSettings small_files;
  small_files.max_attachment_bytes = 80;
  AdviceCommands commands{h_.db(), h_.clock(), h_.catalog(), world_.directory(), roles_, zone_, files_, small_files};
  const std::string big = "%PDF-1.7\n" + std::string(100, 'x') + "\n%%EOF\n";
  auto stored_files = [&] {
    int n = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(files_dir_.path() / "files", ec)) {
      n += e.is_regular_file();
    }
    return n;
  };
  auto key_of = [](const auto& result) {
    return result.has_value() || result.error().fields.empty() ? std::string() : result.error().fields[0].field + " " +
                                                                                   result.error().fields[0].message_key;
  };
  AdviceForm advice{"Bomen", "Meer bomen.", "Wethouder", "", "", ""};
  // A good file next to a bad one: nothing is made and no file is kept.
  EXPECT_EQ(key_of(commands.CreateRequest(samira_, Form(), {{"plan.pdf", kPdf}, {"groot.pdf", big}})),
            "files files.error.too_large");
  EXPECT_EQ(key_of(commands.CreateAdvice(anna_, boerhaave_, std::nullopt, advice,
                                         {{"plan.pdf", kPdf}, {"foto.pdf", "GIF89a..."}})),
            "files files.error.not_pdf");
  std::vector<Upload> eleven(kMaxAttachments + 1, Upload{"x.pdf", kPdf});
  EXPECT_EQ(key_of(commands.CreateRequest(samira_, Form(), eleven)), std::string("files ") + kTooManyFiles);
  RequestForm no_subject = Form();
  no_subject.subject = " ";
  EXPECT_EQ(key_of(commands.CreateRequest(samira_, no_subject, {{"plan.pdf", kPdf}})),
            std::string("subject ") + kMissingSubject)
      << "a bad form keeps the good file neither";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM advice_requests"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM advices"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM advice_attachments"), 0);
  EXPECT_EQ(stored_files(), 0);

  auto request = commands.CreateRequest(samira_, Form(), {{"plan.pdf", kPdf}, {"kaart.pdf", kPdf}});
  ASSERT_TRUE(request.has_value()) << request.error().detail;
  EXPECT_EQ(commands.AttachmentsOf({*request, std::nullopt})->size(), 2u);
  auto history = commands.Request(samira_, *request)->history;
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].to_status, "draft");
  EXPECT_EQ(history[2].to_status, "attachment_added");
  EXPECT_EQ(history[2].note, "kaart.pdf");
  ASSERT_TRUE(commands.SendRequest(samira_, *request).has_value());
  auto a = commands.CreateAdvice(anna_, boerhaave_, *request, advice, {{"advies.pdf", kPdf}});
  ASSERT_TRUE(a.has_value()) << a.error().detail;
  auto files = commands.AttachmentsOf({std::nullopt, *a});
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->at(0).file_name, "advies.pdf");
  EXPECT_EQ(commands.AttachmentFor(anna_, files->at(0).id)->bytes, kPdf);
  EXPECT_EQ(stored_files(), 1) << "the same bytes are kept once";
}

TEST_F(InputCommandsTest, EveryoneWhoContributedHearsOfTheAnswerOnce) {
  int64_t id = OpenRequest();
  auto round = commands_.OpenRound(anna_, boerhaave_, {id, std::nullopt}, {"Welke plek mist?", "2026-12-10"});
  ASSERT_TRUE(round.has_value());
  ASSERT_TRUE(commands_.React(bert_, boerhaave_, *round, "Een trapveld.").has_value());
  ASSERT_TRUE(commands_.React(bert_, boerhaave_, *round, "En een bank.").has_value());
  ASSERT_TRUE(commands_.React(anna_, boerhaave_, *round, "Goed idee.").has_value()) << "the kernteam reacts too";
  auto a = commands_.CreateAdvice(anna_, boerhaave_, id, {"Ons advies", "Een trapveld.", "", "", "", ""});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(commands_.AddDrafter(anna_, boerhaave_, *a, "dirk@example.nl").error().fields.at(0).message_key,
            "advice.error.not_a_member");
  ASSERT_TRUE(commands_.AddDrafter(anna_, boerhaave_, *a, "Carla@example.nl ").has_value());
  h_.clock().Set(1795455000 + 60);
  ASSERT_TRUE(commands_.AddDrafter(anna_, boerhaave_, *a, "bert@example.nl").has_value());
  EXPECT_EQ(*commands_.DrafterNames(*a), (std::vector<std::string>{"Carla", "Bert"}));
  ASSERT_TRUE(commands_.SubmitAdvice(anna_, boerhaave_, *a).has_value());
  EXPECT_EQ(commands_.AddDrafter(anna_, boerhaave_, *a, "bert@example.nl").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(commands_.AnswerAdvice(samira_, *a, {{"adopted", "Komt er."}}).has_value());
  EXPECT_EQ(Mails("bert@example.nl"), 1) << "reacted twice and drafted: one e-mail";
  EXPECT_EQ(Mails("carla@example.nl"), 1);
  EXPECT_EQ(Mails("anna@example.nl", "antwoord op uw advies"), 1);
  EXPECT_EQ(Mails("anna@example.nl", "antwoord op het advies"), 0) << "the kernteam's e-mail only";
  EXPECT_EQ(Mails("dirk@example.nl"), 0);
}

TEST_F(InputCommandsTest, RemindersGoOnceBeforeTheDueDateAndOnceWhenOverdue) {
  int64_t id = OpenRequest();
  auto a = commands_.CreateAdvice(anna_, boerhaave_, id, {"Ons advies", "Een trapveld.", "", "", "", ""});
  ASSERT_TRUE(commands_.SubmitAdvice(anna_, boerhaave_, *a).has_value());
  int64_t due = *commands_.AdviceOf(samira_, *a)->advice.answer_due_at;  // end of Monday 4 January 2027
  int64_t remind = ReminderAt(zone_, commands_.working_days(), due, kDefaultReminderWorkingDays);
  h_.clock().Set(remind - 1);
  EXPECT_EQ(*commands_.SendReminders(), 0);
  h_.clock().Set(remind);
  EXPECT_EQ(*commands_.SendReminders(), 1);
  EXPECT_EQ(*commands_.SendReminders(), 0);
  EXPECT_EQ(Mails("samira@haarlem.example", "Herinnering"), 1);
  h_.clock().Set(due);
  EXPECT_EQ(*commands_.SendReminders(), 1);
  EXPECT_EQ(*commands_.SendReminders(), 0);
  EXPECT_EQ(Mails("samira@haarlem.example", "te laat"), 1);
  EXPECT_EQ(commands_.AdviceOf(samira_, *a)->history.back().to_status, "overdue_sent");
  // The claim itself: a second process finds the reminder taken.
  auto claim = [&] {
    return h_.db().Write([&](db::Connection& c) { return InputStore::ClaimReminder(c, *a, true, due); });
  };
  EXPECT_FALSE(*claim());
}

}  // namespace
}  // namespace wp::advice
