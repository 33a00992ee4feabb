// OpinionCommands on both database backends: create, seed and open a
// conversation; submit (checked, duplicates and floods refused, moderated);
// vote and change a vote (the latest kept, nothing lost); the same cookie or
// account is the same participant; a closed conversation refuses votes with
// a clear error; the map is cached until the votes change.
#include "features/opinion/commands.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/db/migrations.h"
#include "features/opinion/map/synthetic_votes.h"
#include "testing/backend_test.h"
#include "wp_opinion_files.h"

namespace wp::opinion {
namespace {

using auth::Role;

class OpinionCommandsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(1795455000);
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("opinion", OpinionFiles())).has_value());
    AreaLookup areas = [](std::string_view code) -> std::optional<Area> {
      if (code == "WK039219") return Area{"WK039219", "Boerhaavewijk", "schalkwijk", {"4"}};
      if (code == "WK039201") return Area{"WK039201", "Oude Stad", "centrum", {}};
      return std::nullopt;
    };
    OpinionSettings settings;
    settings.limits = {.per_participant_hour = 2, .per_conversation_hour = 3};
    commands_ = std::make_unique<OpinionCommands>(*db_, clock_, random_, areas, settings);
  }

  int64_t Count(const std::string& sql) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }

  // An open conversation in the Boerhaavewijk with two seed statements.
  int64_t OpenConversation() {
    auto id = commands_->Create(liaison_, {"WK039219", "Wonen in Boerhaave", "Wat vindt u van uw buurt?"});
    EXPECT_TRUE(id.has_value());
    EXPECT_TRUE(commands_->AddSeedStatement(liaison_, *id, "Er moeten meer bomen komen").has_value());
    EXPECT_TRUE(commands_->AddSeedStatement(liaison_, *id, "Het park is veilig in de avond").has_value());
    EXPECT_TRUE(commands_->ChangeStatus(liaison_, *id, "open").has_value());
    return *id;
  }

  FakeClock clock_;
  SeededRandom random_{5};
  std::unique_ptr<OpinionCommands> commands_;
  auth::User liaison_{1, "gv@haarlem.example", "Samira", "nl", {{Role::kAreaLiaison, "schalkwijk"}}};
  auth::User kernteam_{2, "kern@example.nl", "Fatma", "nl", {{Role::kKernteamMember, "4"}}};
  auth::User other_kernteam_{3, "kern2@example.nl", "Piet", "nl", {{Role::kKernteamMember, "9"}}};
  auth::User resident_{4, "bewoner@example.nl", "Anouk", "nl", {}};
  const std::string cookie_a_ = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  const std::string cookie_b_ = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
};

TEST_P(OpinionCommandsTest, OrganisersCreateOpenAndCloseInTheirArea) {
  EXPECT_EQ(commands_->Create(resident_, {"WK039219", "T", "V"}).error().code, ErrorCode::kForbidden);
  auto outside = commands_->Create(other_kernteam_, {"WK039219", "Titel", "Vraag?"});
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().fields[0].message_key, "opinion.error.outside_area");
  auto bad = commands_->Create(liaison_, {"WK999999", "", "Vraag?"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_conversations"), 0);

  auto id = commands_->Create(kernteam_, {"WK039219", "Buurtgesprek", "Hoe wilt u wonen?"});
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(commands_->Find(*id, nullptr).error().code, ErrorCode::kNotFound) << "a concept is not public";
  EXPECT_TRUE(commands_->Find(*id, &liaison_).has_value());
  EXPECT_EQ(commands_->List(nullptr)->size(), 0u);
  EXPECT_EQ(commands_->ChangeStatus(other_kernteam_, *id, "open").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->ChangeStatus(kernteam_, *id, "gesloten").error().user_message_key,
            "opinion.error.bad_transition");
  ASSERT_TRUE(commands_->ChangeStatus(kernteam_, *id, "open").has_value());
  EXPECT_EQ(commands_->Find(*id, nullptr)->area_name, "Boerhaavewijk");
  ASSERT_TRUE(commands_->ChangeStatus(liaison_, *id, "gesloten").has_value());
  EXPECT_EQ(commands_->Find(*id, nullptr)->status, ConversationStatus::kClosed);
}

TEST_P(OpinionCommandsTest, StatementsAreCheckedModeratedAndLimited) {
  int64_t id = OpenConversation();
  Visitor a{cookie_a_, nullptr};
  auto empty = commands_->Submit(id, a, "   ");
  EXPECT_EQ(empty.error().fields[0].message_key, "opinion.error.statement_empty");
  auto dup = commands_->Submit(id, a, "er moeten MEER bomen komen!");
  EXPECT_EQ(dup.error().fields[0].message_key, "opinion.error.duplicate");
  auto s1 = commands_->Submit(id, a, "De bus moet vaker rijden");
  ASSERT_TRUE(s1.has_value());
  ASSERT_TRUE(commands_->Submit(id, a, "Meer plekken om te sporten").has_value());
  auto flood_own = commands_->Submit(id, a, "Een buurthuis met koffie");
  EXPECT_EQ(flood_own.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(flood_own.error().user_message_key, "opinion.error.too_many_own");
  ASSERT_TRUE(commands_->Submit(id, {cookie_b_, nullptr}, "Een buurthuis met koffie").has_value());
  auto flood_all = commands_->Submit(id, {"cccccccccccccccccccccccccccccc", nullptr}, "Minder auto's in de straat");
  EXPECT_EQ(flood_all.error().user_message_key, "opinion.error.too_many_all");
  clock_.Advance(std::chrono::seconds(3601));
  EXPECT_TRUE(commands_->Submit(id, a, "Een buurthuis met thee").has_value()) << "the limit is per hour";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_statements WHERE state = 'pending'"), 4);

  EXPECT_EQ(commands_->Vote(id, a, *s1, "agree").error().code, ErrorCode::kNotFound) << "pending: no votes";
  EXPECT_EQ(commands_->Moderate(resident_, id, *s1, "accept", "").error().code, ErrorCode::kForbidden);
  auto no_reason = commands_->Moderate(liaison_, id, *s1, "reject", "");
  EXPECT_EQ(no_reason.error().fields[0].message_key, "opinion.error.reason_missing");
  ASSERT_TRUE(commands_->Moderate(liaison_, id, *s1, "accept", "").has_value());
  EXPECT_EQ(commands_->Moderate(liaison_, id, *s1, "reject", "Te laat").error().user_message_key,
            "opinion.error.already_moderated");
  EXPECT_TRUE(commands_->Vote(id, a, *s1, "agree").has_value());
  EXPECT_EQ(commands_->Statements(id, StatementState::kAccepted)->size(), 3u);
}

TEST_P(OpinionCommandsTest, AVoteChangesInPlaceAndTheSameCookieIsTheSameParticipant) {
  int64_t id = OpenConversation();
  auto statements = commands_->Statements(id, StatementState::kAccepted);
  ASSERT_EQ(statements->size(), 2u);
  int64_t s = (*statements)[0].id;
  Visitor a{cookie_a_, nullptr};
  EXPECT_EQ(commands_->Vote(id, a, s, "maybe").error().user_message_key, "opinion.error.bad_vote");
  EXPECT_EQ(commands_->Vote(id, {"", nullptr}, s, "agree").error().user_message_key, "opinion.error.no_token");
  ASSERT_TRUE(commands_->Vote(id, a, s, "agree").has_value());
  ASSERT_TRUE(commands_->Vote(id, a, s, "disagree").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_votes"), 1) << "the latest vote replaces the first";
  EXPECT_EQ(Count("SELECT vote FROM opinion_votes"), -1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_participants"), 1);
  EXPECT_EQ(commands_->VotesOf(id, a)->at(s), -1);
  EXPECT_TRUE(commands_->VotesOf(id, {cookie_b_, nullptr})->empty());
  // Signing in ties the cookie's participant to the account; another browser
  // of that account is the same participant.
  ASSERT_TRUE(commands_->Vote(id, {cookie_a_, &resident_}, (*statements)[1].id, "pass").has_value());
  ASSERT_TRUE(commands_->Vote(id, {cookie_b_, &resident_}, s, "agree").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_participants"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_votes"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_participants WHERE token_hash = '" + cookie_a_ + "'"), 0)
      << "only the hash is stored";
  // Closing freezes the votes.
  ASSERT_TRUE(commands_->ChangeStatus(liaison_, id, "gesloten").has_value());
  auto late = commands_->Vote(id, a, s, "agree");
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(late.error().user_message_key, "opinion.error.closed");
  EXPECT_EQ(commands_->Submit(id, a, "Nog een idee voor de buurt").error().user_message_key, "opinion.error.closed");
  EXPECT_EQ(Count("SELECT vote FROM opinion_votes WHERE statement_id = " + std::to_string(s)), 1);
}

TEST_P(OpinionCommandsTest, TheMapIsCachedUntilTheVotesChange) {
  int64_t id = OpenConversation();
  auto none = commands_->Map(id);
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE((*none)->published.has_value());
  SyntheticSpec spec{.participants = 40, .statements = 2, .groups = 2, .min_share = 1, .max_share = 1, .seed = 2};
  auto statements = *commands_->Statements(id, StatementState::kAccepted);
  for (const VoteRow& r : MakeSyntheticVotes(spec).rows) {
    std::string token = "participant-token-" + r.participant + "-xxxxxx";
    const char* name = r.vote > 0 ? "agree" : r.vote < 0 ? "disagree" : "pass";
    ASSERT_TRUE(commands_->Vote(id, {token, nullptr}, statements[std::stoi(r.statement) - 1].id, name).has_value());
  }
  auto first = commands_->Map(id);
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE((*first)->published.has_value());
  EXPECT_EQ((*first)->published->matrix.Participants(), 40);
  EXPECT_EQ(commands_->Map(id)->get(), first->get()) << "no recompute without new votes";
  ASSERT_TRUE(commands_->Vote(id, {cookie_a_, nullptr}, statements[0].id, "agree").has_value());
  auto second = commands_->Map(id);
  EXPECT_NE(second->get(), first->get());
  EXPECT_EQ((*second)->published->matrix.Participants(), 41);
  EXPECT_EQ((*second)->data.votes_csv.find(cookie_a_), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, OpinionCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::opinion
