// InitiativeCommands on both database backends: the whole check from draft
// to done, bad input and missing rights that change nothing, reassignment
// with the history kept, reminders and escalation by the working-day clock.
#include "features/initiatives/commands.h"

#include <gtest/gtest.h>

#include <set>

#include "features/initiatives/world_test.h"
#include "testing/backend_test.h"

namespace wp::initiatives {
namespace {

using auth::Role;

class InitiativeCommandsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(catalog_.AddFiles(InitiativesFiles()).has_value());
    world_ =
        std::make_unique<World>(*db_, clock_, random_, catalog_,
                                std::vector<std::string>{"mail", "accounts", "geography", "platforms", "initiatives"});
    commands_ = &world_->commands();
    desk_ = Account("loket@haarlem.nl", "Mirjam Koster", {{Role::kInitiativeDesk, "centrum"}});
    desk2_ = Account("loket2@haarlem.nl", "Daan Visser", {{Role::kInitiativeDesk, ""}});
    noord_ = Account("noord@haarlem.nl", "Noor Bakker", {{Role::kInitiativeDesk, "noord"}});
    permits_ = Account("vergunning@haarlem.nl", "Piet Smit", {{Role::kMunicipalExpert, "afdeling:vergunningen"}});
    resident_ = Account("ans@example.nl", "Ans", {});
  }

  auth::User Account(const std::string& email, const std::string& name, std::vector<auth::RoleGrant> grants) {
    return world_->Account(email, name, std::move(grants));
  }

  NewInitiative Complete(bool submit = true) {
    NewInitiative in;
    in.compass.title = "Geveltuinen in de straat";
    in.compass.what = "We maken geveltuinen langs de hele straat.";
    in.compass.neighbourhood_code = "BU03920101";  // in stadsdeel Centrum
    in.compass.when = "Voorjaar";
    in.compass.helpers = "Twaalf buren.";
    in.compass.needs = {Need::kPermit, Need::kMaterials};
    in.compass.initiator_name = "Buren van de straat";
    in.compass.is_public = true;
    in.email = "initiatief@example.nl";
    in.submit = submit;
    return in;
  }

  int64_t Count(const std::string& sql, db::Params params = {}) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql, params); })->Int(0);
  }
  std::string LastMailTo(const std::string& address) {
    auto row = db_->Read([&](db::Connection& c) {
      return c.QueryOptional("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                             {address});
    });
    return row.has_value() && *row ? (*row)->Text(0) : "";
  }
  // The private link token in the last mail to `address`.
  std::string TokenFromMail(const std::string& address) {
    std::string body = LastMailTo(address);
    size_t at = body.find("/initiatieven/volg/");
    if (at == std::string::npos) return "";
    at += std::string("/initiatieven/volg/").size();
    return body.substr(at, body.find_first_of(" \n", at) - at);
  }
  // A submitted initiative whose initiator confirmed the address; returns its key.
  InitiatorKey SubmittedAndConfirmed() {
    auto created = commands_->Create(Complete(), std::nullopt);
    EXPECT_TRUE(created.has_value()) << created.error().detail;
    InitiatorKey mail{TokenFromMail("initiatief@example.nl"), std::nullopt, 0};
    EXPECT_TRUE(commands_->ForInitiator(mail).has_value());
    return InitiatorKey{created->follow_token, std::nullopt, created->id};
  }
  InitiativeStatus StatusOf(int64_t id) {
    return db_->Read([&](db::Connection& c) { return InitiativeStore::Find(c, id); })->value().status;
  }

  FakeClock clock_{kMonday};
  SeededRandom random_{15};
  i18n::Catalog catalog_;
  std::unique_ptr<World> world_;
  InitiativeCommands* commands_ = nullptr;
  auth::User desk_, desk2_, noord_, permits_, resident_;
};

TEST_P(InitiativeCommandsTest, TheWholeCheckFromSubmittingToDone) {
  InitiatorKey key = SubmittedAndConfirmed();
  int64_t id = key.id;
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("13 april 2026"), std::string::npos) << "the answer date";
  auto view = commands_->ForInitiator(key);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->initiative.status, InitiativeStatus::kSubmitted);
  EXPECT_TRUE(view->initiative.email_verified);
  EXPECT_EQ(view->clock.days_left, 29);  // six weeks and a day of working days, without Good Friday and Easter Monday
  EXPECT_EQ(view->initiative.borough_slug, "centrum");

  clock_.Advance(std::chrono::hours(24));
  ASSERT_TRUE(commands_->AssignContact(desk_, id, desk_.id).has_value());
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("Mirjam Koster"), std::string::npos);
  EXPECT_NE(LastMailTo("loket@haarlem.nl").find("/beheer/initiatieven/" + std::to_string(id)), std::string::npos);
  auto added = commands_->AddTask(desk_, id, "vergunningen", "Is een vergunning nodig?", "2026-03-13");
  ASSERT_TRUE(added.has_value()) << added.error().detail;
  EXPECT_EQ(StatusOf(id), InitiativeStatus::kInCheck);
  EXPECT_NE(LastMailTo("vergunning@haarlem.nl").find("13 maart 2026"), std::string::npos) << "the department hears";
  auto as_permits = commands_->Case(permits_, id);
  ASSERT_TRUE(as_permits.has_value());
  ASSERT_EQ(as_permits->tasks.size(), 1u);
  ASSERT_TRUE(commands_->AnswerTask(permits_, as_permits->tasks[0].id, "Een melding is genoeg.").has_value());

  AnswerInput answer{Answer::kYesProvided,
                     "Het mag.",
                     "",
                     {{0, 0, "Buren zijn het eens.", ConditionOwner::kInitiator},
                      {0, 0, "Gemeente brengt tegels.", ConditionOwner::kMunicipality}}};
  ASSERT_TRUE(commands_->GiveAnswer(desk_, id, answer).has_value());
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("2 voorwaarden"), std::string::npos);
  view = commands_->ForInitiator(key);
  ASSERT_EQ(view->conditions.size(), 2u);
  EXPECT_FALSE(view->clock.running);
  ASSERT_TRUE(commands_->SetConditionByInitiator(key, view->conditions[0].id, ConditionStatus::kMet).has_value());
  EXPECT_EQ(commands_->SetConditionByInitiator(key, view->conditions[1].id, ConditionStatus::kMet).error().code,
            ErrorCode::kForbidden)
      << "the municipality's condition";
  ASSERT_TRUE(commands_->SetCondition(desk_, id, view->conditions[1].id, ConditionStatus::kWaived).has_value());
  ASSERT_TRUE(commands_->MarkProgress(key, InitiativeStatus::kInProgress).has_value());
  ASSERT_TRUE(commands_->PostUpdate(key, "We zijn begonnen.").has_value());
  ASSERT_TRUE(commands_->MarkProgress(key, InitiativeStatus::kDone).has_value());

  auto open = commands_->Public(id);
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->initiative.status, InitiativeStatus::kDone);
  auto counts = CountConditions(open->conditions);
  EXPECT_EQ(counts.met, 1);
  EXPECT_EQ(counts.waived, 1);
  bool update = false, contact_shown = false;
  for (const auto& e : open->updates) {
    update = update || (e.kind == "update" && e.text == "We zijn begonnen.");
    contact_shown = contact_shown || e.kind == "contact";
  }
  EXPECT_TRUE(update);
  EXPECT_FALSE(contact_shown) << "no staff names on the public page";
}

TEST_P(InitiativeCommandsTest, BadInputShowsWhyAndChangesNothing) {
  NewInitiative in = Complete();
  in.compass.what.clear();
  in.compass.neighbourhood_code = "BU99999999";
  in.email = "geen-adres";
  auto created = commands_->Create(in, std::nullopt);
  ASSERT_FALSE(created.has_value());
  ASSERT_TRUE(created.error().has_fields());
  std::set<std::string> fields;
  for (const auto& f : created.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"what", "neighbourhood", "email"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM initiatives"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);

  InitiatorKey key = SubmittedAndConfirmed();
  int64_t history = Count("SELECT COUNT(*) FROM initiative_history");
  int64_t mails = Count("SELECT COUNT(*) FROM mail_outbox");
  EXPECT_TRUE(commands_->AssignContact(desk_, key.id, resident_.id).error().has_fields()) << "not desk staff";
  EXPECT_TRUE(commands_->AssignContact(desk_, key.id, noord_.id).error().has_fields()) << "another stadsdeel";
  EXPECT_TRUE(commands_->GiveAnswer(desk_, key.id, {Answer::kYes, "", "", {}}).error().has_fields());
  EXPECT_TRUE(commands_->AddTask(desk_, key.id, "vergunningen", "Vraag", "2026-03-13").error().has_fields())
      << "no contact person yet";
  ASSERT_TRUE(commands_->AssignContact(desk_, key.id, desk_.id).has_value());
  history = Count("SELECT COUNT(*) FROM initiative_history");
  mails = Count("SELECT COUNT(*) FROM mail_outbox");
  struct Case {
    const char* what;
    std::string department, question, day;
    const char* field;
  } cases[] = {
      {"unknown department", "wegen", "Vraag", "2026-03-13", "department"},
      {"no question", "juridisch", " ", "2026-03-13", "question"},
      {"not a date", "juridisch", "Vraag", "13-03-2026", "due_day"},
      {"yesterday", "juridisch", "Vraag", "2026-03-01", "due_day"},
      {"after the answer is due", "juridisch", "Vraag", "2026-04-14", "due_day"},
  };
  for (const auto& c : cases) {
    auto r = commands_->AddTask(desk_, key.id, c.department, c.question, c.day);
    ASSERT_FALSE(r.has_value()) << c.what;
    ASSERT_TRUE(r.error().has_fields()) << c.what;
    EXPECT_EQ(r.error().fields[0].field, c.field) << c.what;
  }
  auto no = commands_->GiveAnswer(desk_, key.id, {Answer::kNoBecause, "Het kan niet.", "", {}});
  ASSERT_FALSE(no.has_value());
  EXPECT_EQ(no.error().fields[0].field, "alternative");
  EXPECT_EQ(StatusOf(key.id), InitiativeStatus::kContactAssigned);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM initiative_history"), history);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM initiative_tasks"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), mails);
}

TEST_P(InitiativeCommandsTest, MissingRightsAreRefused) {
  InitiatorKey key = SubmittedAndConfirmed();
  EXPECT_EQ(commands_->Case(resident_, key.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->Case(noord_, key.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->AssignContact(noord_, key.id, desk_.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->Desk(resident_).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(commands_->Desk(noord_)->open.empty()) << "another stadsdeel's desk";
  EXPECT_EQ(commands_->Desk(desk_)->open.size(), 1u);
  ASSERT_TRUE(commands_->AssignContact(desk_, key.id, desk_.id).has_value());
  EXPECT_EQ(commands_->AssignContact(permits_, key.id, desk2_.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->GiveAnswer(permits_, key.id, {Answer::kYes, "Ja.", "", {}}).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(commands_->AddTask(desk_, key.id, "juridisch", "Mag dit?", "2026-03-20").has_value());
  auto tasks = commands_->Case(desk_, key.id)->tasks;
  EXPECT_EQ(commands_->AnswerTask(permits_, tasks[0].id, "Ja").error().code, ErrorCode::kForbidden)
      << "another department's task";
  InitiatorKey stranger{std::string(43, 'A'), std::nullopt, 0};
  EXPECT_EQ(commands_->Withdraw(stranger).error().code, ErrorCode::kNotFound);
  InitiatorKey other_account{"", resident_, key.id};
  EXPECT_EQ(commands_->ForInitiator(other_account).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(StatusOf(key.id), InitiativeStatus::kInCheck);
}

TEST_P(InitiativeCommandsTest, ANewContactKeepsTheWholeHistory) {
  InitiatorKey key = SubmittedAndConfirmed();
  ASSERT_TRUE(commands_->AssignContact(desk_, key.id, desk_.id).has_value());
  ASSERT_TRUE(commands_->AddTask(desk_, key.id, "juridisch", "Mag dit?", "2026-03-20").has_value());
  clock_.Advance(std::chrono::hours(24 * 7));
  EXPECT_TRUE(commands_->AssignContact(desk_, key.id, desk_.id).error().has_fields()) << "the same person";
  ASSERT_TRUE(commands_->AssignContact(desk_, key.id, desk2_.id).has_value());
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("nieuwe contactpersoon: Daan Visser"), std::string::npos);
  auto as_new = commands_->Case(desk2_, key.id);
  ASSERT_TRUE(as_new.has_value());
  EXPECT_TRUE(as_new->relation.contact);
  std::vector<std::string> kinds;
  for (const auto& e : as_new->history) kinds.push_back(e.kind + ":" + e.text);
  EXPECT_EQ(kinds, (std::vector<std::string>{"created:", "status:submitted", "contact:Mirjam Koster",
                                             "status:contact_assigned", "status:in_check", "task:juridisch",
                                             "contact:Daan Visser"}));
  EXPECT_EQ(as_new->tasks.size(), 1u);
  EXPECT_FALSE(commands_->Case(desk_, key.id)->relation.contact) << "the former contact is no longer it";
}

TEST_P(InitiativeCommandsTest, DraftsAreSavedIncompleteAndSubmittedComplete) {
  NewInitiative in;
  in.compass.title = "Een idee";
  in.email = "idee@example.nl";
  auto created = commands_->Create(in, std::nullopt);
  ASSERT_TRUE(created.has_value()) << created.error().detail;
  EXPECT_NE(LastMailTo("idee@example.nl").find("concept"), std::string::npos);
  InitiatorKey key{created->follow_token, std::nullopt, created->id};
  EXPECT_EQ(commands_->Public(created->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(commands_->Case(desk2_, created->id).error().code, ErrorCode::kNotFound) << "the desk sees no drafts";
  Compass c = Complete().compass;
  c.helpers.clear();
  auto refused = commands_->SaveDraft(key, c, true);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields[0].field, "helpers");
  EXPECT_EQ(StatusOf(created->id), InitiativeStatus::kDraft);
  c.helpers = "Buren.";
  ASSERT_TRUE(commands_->SaveDraft(key, c, true).has_value());
  auto view = commands_->ForInitiator(key);
  EXPECT_EQ(view->initiative.status, InitiativeStatus::kSubmitted);
  EXPECT_EQ(view->initiative.compass.helpers, "Buren.");
  EXPECT_EQ(view->initiative.answer_due_at, 1776117600);  // end of Monday 13 April 2026 (22:00 UTC)
  EXPECT_EQ(commands_->SaveDraft(key, c, false).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(commands_->Withdraw(key).has_value());
  EXPECT_EQ(commands_->Public(created->id).error().code, ErrorCode::kNotFound);
}

TEST_P(InitiativeCommandsTest, SignedInInitiatorsFindTheirInitiatives) {
  auto created = commands_->Create(Complete(), resident_);
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(LastMailTo("ans@example.nl").find("/initiatieven/volg/") != std::string::npos, true);
  auto mine = commands_->OfUser(resident_);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_TRUE((*mine)[0].email_verified);
  InitiatorKey by_account{"", resident_, created->id};
  EXPECT_TRUE(commands_->ForInitiator(by_account).has_value());
}

TEST_P(InitiativeCommandsTest, RemindersAndEscalationFollowTheWorkingDayClock) {
  InitiatorKey key = SubmittedAndConfirmed();
  auto desk = [&] { return commands_->ClockOf(commands_->Desk(desk_)->open.at(0)).escalation; };
  EXPECT_EQ(desk(), Escalation::kNone);
  clock_.Set(kMonday + 8 * 86400);  // Tuesday 10 March: no contact after 5 working days
  EXPECT_EQ(desk(), Escalation::kNoContact);
  EXPECT_EQ(*commands_->SendReminders(), 0) << "no contact person to remind";
  ASSERT_TRUE(commands_->AssignContact(desk_, key.id, desk_.id).has_value());
  EXPECT_EQ(desk(), Escalation::kNone);
  clock_.Set(kMonday + 35 * 86400);  // Monday 6 April (Easter Monday): 5 working days left
  EXPECT_EQ(desk(), Escalation::kAnswerSoon);
  EXPECT_EQ(*commands_->SendReminders(), 1);
  EXPECT_NE(LastMailTo("loket@haarlem.nl").find("Er zijn nog 5 werkdagen."), std::string::npos)
      << LastMailTo("loket@haarlem.nl");
  EXPECT_EQ(*commands_->SendReminders(), 0) << "once";
  clock_.Set(kMonday + 43 * 86400);  // Tuesday 14 April
  EXPECT_EQ(desk(), Escalation::kAnswerLate);
  EXPECT_EQ(commands_->ClockOf(commands_->Desk(desk_)->open.at(0)).days_overdue, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, InitiativeCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::initiatives

namespace wp::initiatives {
namespace {

class StartSubsidyCommandsTest : public InitiativeCommandsTest {
 protected:
  // A second world on the same database with a small year budget.
  InitiativeCommands& Tight(Money per_year) {
    tight_ = std::make_unique<World>(*db_, clock_, random_, catalog_, std::vector<std::string>{},
                                     SubsidyLimits{Money::FromEuros(2500), per_year});
    return tight_->commands();
  }
  int64_t Subsidies() { return Count("SELECT COUNT(*) FROM initiative_subsidies"); }
  std::set<std::string> FieldsOf(const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field + ":" + f.message_key);
    return out;
  }

  std::unique_ptr<World> tight_;
};

TEST_P(StartSubsidyCommandsTest, FromApplicationThroughGrantPaymentAndAccountToSettlement) {
  InitiatorKey key = SubmittedAndConfirmed();
  int64_t id = key.id;
  auto sid = commands_->ApplyForSubsidy(key, {"Plantjes en gereedschap", "Plantjes; 300\nGereedschap; 150,50\n"});
  ASSERT_TRUE(sid.has_value()) << sid.error().detail;
  auto view = commands_->ForInitiator(key);
  ASSERT_EQ(view->subsidies.size(), 1u);
  EXPECT_EQ(view->subsidies[0].status, GrantStatus::kApplied);
  EXPECT_EQ(view->subsidies[0].requested, Money{45050});
  EXPECT_EQ(view->subsidies[0].budget.size(), 2u);
  EXPECT_FALSE(view->may_apply) << "one application at a time";
  auto desk = commands_->Desk(desk_);
  ASSERT_EQ(desk->subsidies.size(), 1u);
  EXPECT_EQ(desk->subsidies[0].initiative.id, id);
  EXPECT_EQ(commands_->Desk(noord_)->subsidies.size(), 0u) << "another stadsdeel's desk";

  ASSERT_TRUE(commands_->DecideSubsidy(desk_, id, *sid, {true, "400", "Past in de regeling."}).has_value());
  std::string mail = LastMailTo("initiatief@example.nl");
  EXPECT_NE(mail.find("400"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Past in de regeling."), std::string::npos) << mail;
  auto c = commands_->Case(desk_, id);
  EXPECT_EQ(c->subsidy_year.year, 2026);
  EXPECT_EQ(c->subsidy_year.committed, Money::FromEuros(400));
  ASSERT_TRUE(commands_->PaySubsidy(desk_, id, *sid, "BOEK-2026-17").has_value());
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("BOEK-2026-17"), std::string::npos);
  ASSERT_TRUE(commands_->ReportSubsidy(key, *sid, "Plantjes; 290\nGereedschap; 90", "De tuinen staan er.").has_value());
  ASSERT_TRUE(commands_->SettleSubsidy(desk_, id, *sid, "380", "Minder uitgegeven dan verleend.").has_value());
  view = commands_->ForInitiator(key);
  EXPECT_EQ(view->subsidies[0].status, GrantStatus::kSettled);
  EXPECT_EQ(view->subsidies[0].settled, Money::FromEuros(380));
  EXPECT_EQ(view->subsidies[0].spending.size(), 2u);
  EXPECT_TRUE(view->may_apply);
  EXPECT_EQ(view->subsidy_left, Money::FromEuros(2500 - 380));
  std::set<std::string> kinds;
  for (const auto& e : view->history) kinds.insert(e.kind);
  for (const char* k : {"subsidy_applied", "subsidy_granted", "subsidy_paid", "subsidy_reported", "subsidy_settled"}) {
    EXPECT_TRUE(kinds.count(k)) << k;
  }
  auto open = commands_->Public(id);
  for (const auto& e : open->updates) EXPECT_EQ(e.kind.rfind("subsidy", 0), std::string::npos) << "not public";

  // A second application that the initiator withdraws, and one that is refused.
  auto again = commands_->ApplyForSubsidy(key, {"Een bord", "Bord; 100"});
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(commands_->WithdrawSubsidy(key, *again).has_value());
  auto third = commands_->ApplyForSubsidy(key, {"Een feest", "Feest; 500"});
  ASSERT_TRUE(third.has_value());
  ASSERT_TRUE(commands_->DecideSubsidy(desk_, id, *third, {false, "", "Geen feesten."}).has_value());
  EXPECT_NE(LastMailTo("initiatief@example.nl").find("Geen feesten."), std::string::npos);
  EXPECT_EQ(commands_->Case(desk_, id)->subsidy_year.committed, Money::FromEuros(380));
}

TEST_P(StartSubsidyCommandsTest, BadInputShowsWhyAndChangesNothing) {
  InitiatorKey key = SubmittedAndConfirmed();
  int64_t id = key.id;
  auto bad = commands_->ApplyForSubsidy(key, {" ", "Plantjes zonder bedrag"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(FieldsOf(bad.error()), (std::set<std::string>{"budget:platforms.subsidy.bad_line"}));
  bad = commands_->ApplyForSubsidy(key, {"", "Plantjes; 10"});
  EXPECT_EQ(FieldsOf(bad.error()), (std::set<std::string>{"purpose:web.required"}));
  bad = commands_->ApplyForSubsidy(key, {"Veel", "Alles; 2500,01"});
  EXPECT_EQ(FieldsOf(bad.error()), (std::set<std::string>{"budget:initiatives.subsidy.over_limit"}));
  EXPECT_EQ(Subsidies(), 0);

  auto sid = commands_->ApplyForSubsidy(key, {"Plantjes", "Plantjes; 300"});
  ASSERT_TRUE(sid.has_value());
  auto r = commands_->DecideSubsidy(desk_, id, *sid, {true, "300,01", "Ja"});
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"amount:platforms.subsidy.grant_above_requested"}));
  r = commands_->DecideSubsidy(desk_, id, *sid, {true, "veel", ""});
  EXPECT_EQ(FieldsOf(r.error()),
            (std::set<std::string>{"amount:platforms.subsidy.grant_not_positive", "reason:web.required"}));
  r = commands_->DecideSubsidy(desk_, id, *sid, {false, "", " "});
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"reason:web.required"}));
  r = commands_->PaySubsidy(desk_, id, *sid, "BOEK-1");
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"status:initiatives.subsidy.wrong_status"})) << "not granted";
  r = commands_->ReportSubsidy(key, *sid, "Plantjes; 300", "Klaar");
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"status:initiatives.subsidy.wrong_status"}));
  EXPECT_EQ(commands_->ForInitiator(key)->subsidies[0].status, GrantStatus::kApplied) << "nothing changed";

  // The year budget: 250 left of 1,000 after another initiative's grant.
  InitiativeCommands& tight = Tight(Money::FromEuros(1000));
  auto other = tight.Create(Complete(), std::nullopt);
  ASSERT_TRUE(other.has_value());
  InitiatorKey other_key{other->follow_token, std::nullopt, other->id};
  auto other_sid = tight.ApplyForSubsidy(other_key, {"Bankjes", "Bankjes; 750"});
  ASSERT_TRUE(other_sid.has_value());
  ASSERT_TRUE(tight.DecideSubsidy(desk_, other->id, *other_sid, {true, "750", "Ja"}).has_value());
  r = tight.DecideSubsidy(desk_, id, *sid, {true, "300", "Ja"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"amount:initiatives.subsidy.year_budget"}));
  EXPECT_TRUE(tight.DecideSubsidy(desk_, id, *sid, {true, "250", "Wat er nog is."}).has_value());
}

TEST_P(StartSubsidyCommandsTest, OnlyTheInitiatorAppliesAndOnlyTheContactOrTheDeskDecides) {
  InitiatorKey key = SubmittedAndConfirmed();
  int64_t id = key.id;
  auto sid = commands_->ApplyForSubsidy(key, {"Plantjes", "Plantjes; 300"});
  ASSERT_TRUE(sid.has_value());
  EXPECT_EQ(commands_->DecideSubsidy(permits_, id, *sid, {true, "300", "Ja"}).error().code, ErrorCode::kForbidden)
      << "a department gives input, it does not decide";
  EXPECT_EQ(commands_->DecideSubsidy(resident_, id, *sid, {true, "300", "Ja"}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->DecideSubsidy(noord_, id, *sid, {true, "300", "Ja"}).error().code, ErrorCode::kForbidden);
  InitiatorKey stranger{"x" + key.token.substr(1), std::nullopt, 0};
  EXPECT_EQ(commands_->ApplyForSubsidy(stranger, {"Plantjes", "Plantjes; 10"}).error().code, ErrorCode::kNotFound);
  // Another initiative's subsidy id is not found through this one.
  auto other = commands_->Create(Complete(), std::nullopt);
  EXPECT_EQ(commands_->DecideSubsidy(desk_, other->id, *sid, {true, "300", "Ja"}).error().code, ErrorCode::kNotFound);
  // A draft or a withdrawn initiative cannot ask.
  auto draft = commands_->Create(Complete(false), std::nullopt);
  InitiatorKey draft_key{draft->follow_token, std::nullopt, draft->id};
  auto r = commands_->ApplyForSubsidy(draft_key, {"Plantjes", "Plantjes; 10"});
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"status:initiatives.subsidy.not_now"}));
  EXPECT_EQ(Subsidies(), 1);
}

TEST_P(StartSubsidyCommandsTest, ZeroInTheSettingsTurnsTheStartSubsidyOff) {
  InitiatorKey key = SubmittedAndConfirmed();
  World off(*db_, clock_, random_, catalog_, std::vector<std::string>{}, SubsidyLimits{Money{}, Money{}});
  EXPECT_FALSE(off.commands().ForInitiator(key)->may_apply);
  auto r = off.commands().ApplyForSubsidy(key, {"Plantjes", "Plantjes; 10"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(FieldsOf(r.error()), (std::set<std::string>{"status:initiatives.subsidy.not_now"}));
  EXPECT_TRUE(commands_->ForInitiator(key)->may_apply) << "the default settings allow it";
  EXPECT_EQ(Subsidies(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StartSubsidyCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::initiatives
