// Table tests of the conversation rules: the status flow, moderation, the
// statement checks, the rate limit and where a participant stands.
#include "features/opinion/conversation.h"

#include <gtest/gtest.h>

namespace wp::opinion {
namespace {

using CS = ConversationStatus;

std::string KeyOf(const Error& e) { return e.has_fields() ? e.fields[0].message_key : e.user_message_key; }

TEST(ConversationStatusTest, MovesOnlyForward) {
  struct Case {
    CS from;
    const char* to;
    std::optional<CS> want;
    const char* error;
  } cases[] = {
      {CS::kDraft, "open", CS::kOpen, ""},
      {CS::kOpen, "gesloten", CS::kClosed, ""},
      {CS::kDraft, "gesloten", std::nullopt, "opinion.error.bad_transition"},
      {CS::kOpen, "concept", std::nullopt, "opinion.error.bad_transition"},
      {CS::kClosed, "open", std::nullopt, "opinion.error.bad_transition"},
      {CS::kOpen, "open", std::nullopt, "opinion.error.bad_transition"},
      {CS::kOpen, "weg", std::nullopt, "opinion.error.bad_status"},
  };
  for (const auto& c : cases) {
    auto r = MoveTo(c.from, c.to);
    if (c.want) {
      ASSERT_TRUE(r.has_value()) << c.to;
      EXPECT_EQ(*r, *c.want);
    } else {
      ASSERT_FALSE(r.has_value()) << c.to;
      EXPECT_EQ(r.error().user_message_key, c.error);
    }
  }
  for (CS s : {CS::kDraft, CS::kOpen, CS::kClosed}) EXPECT_EQ(ParseConversationStatus(StatusName(s)), s);
}

TEST(ConversationStatusTest, OnlyAnOpenConversationTakesVotes) {
  EXPECT_TRUE(RequireOpen(CS::kOpen).has_value());
  EXPECT_EQ(RequireOpen(CS::kDraft).error().user_message_key, "opinion.error.not_open");
  EXPECT_EQ(RequireOpen(CS::kClosed).error().user_message_key, "opinion.error.closed");
  EXPECT_EQ(RequireOpen(CS::kClosed).error().code, ErrorCode::kConflict);
}

TEST(ModerationTest, AcceptOrRejectWithAReasonOnce) {
  auto ok = Moderate(StatementState::kPending, "accept", "ignored");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->state, StatementState::kAccepted);
  EXPECT_EQ(ok->reason, "");
  auto rejected = Moderate(StatementState::kPending, "reject", "  Gaat over een persoon. ");
  ASSERT_TRUE(rejected.has_value());
  EXPECT_EQ(rejected->state, StatementState::kRejected);
  EXPECT_EQ(rejected->reason, "Gaat over een persoon.");
  EXPECT_EQ(KeyOf(Moderate(StatementState::kPending, "reject", " ").error()), "opinion.error.reason_missing");
  EXPECT_EQ(KeyOf(Moderate(StatementState::kPending, "misschien", "").error()), "opinion.error.bad_decision");
  EXPECT_EQ(KeyOf(Moderate(StatementState::kPending, "reject", std::string(301, 'x')).error()),
            "opinion.error.reason_too_long");
  EXPECT_EQ(KeyOf(Moderate(StatementState::kAccepted, "reject", "x").error()), "opinion.error.already_moderated");
  EXPECT_EQ(KeyOf(Moderate(StatementState::kRejected, "accept", "").error()), "opinion.error.already_moderated");
}

TEST(StatementTest, ChecksLengthControlCharactersAndSpaces) {
  struct Case {
    std::string in;
    const char* want;  // the stored text, or the error key
    bool ok;
  } cases[] = {
      {"  Meer   bomen in de Europawijk  ", "Meer bomen in de Europawijk", true},
      {"", "opinion.error.statement_empty", false},
      {"     ", "opinion.error.statement_empty", false},
      {"Meer\tbomen", "opinion.error.statement_control", false},
      {"Ja", "opinion.error.statement_too_short", false},
      {std::string(141, 'a'), "opinion.error.statement_too_long", false},
      {std::string(140, 'a'), "", true},
      {"Meer\nbomen in de wijk", "opinion.error.statement_control", false},
      {"Meer bomen\x07 in de wijk", "opinion.error.statement_control", false},
      {"Meer bomen \xff in de wijk", "opinion.error.statement_control", false},
      {"Ruimte voor café's en terrassen", "Ruimte voor café's en terrassen", true},
  };
  for (const auto& c : cases) {
    auto r = CheckStatement(c.in);
    EXPECT_EQ(r.has_value(), c.ok) << c.in;
    if (c.ok && *c.want) {
      EXPECT_EQ(*r, c.want);
    }
    if (!c.ok) {
      EXPECT_EQ(r.error().fields[0].field, "text");
      EXPECT_EQ(r.error().fields[0].message_key, c.want) << c.in;
    }
  }
  // 140 characters of 2 bytes each still fit: the limit counts characters.
  std::string accents;
  for (int i = 0; i < 140; ++i) accents += "é";
  EXPECT_TRUE(CheckStatement(accents).has_value());
}

TEST(StatementTest, DuplicatesAreFoundWhateverTheCaseOrPunctuation) {
  EXPECT_EQ(NormaliseStatement("Meer bomen!"), NormaliseStatement("meer  BOMEN"));
  EXPECT_NE(NormaliseStatement("Meer bomen"), NormaliseStatement("Minder bomen"));
  EXPECT_EQ(NormaliseStatement("Café's, ja."), NormaliseStatement("cafés ja"));
}

TEST(RateLimitTest, PerParticipantAndPerConversation) {
  RateLimits limits{.per_participant_hour = 3, .per_conversation_hour = 10};
  struct Case {
    int own, all;
    const char* error;
  } cases[] = {
      {0, 0, ""}, {2, 9, ""}, {3, 3, "opinion.error.too_many_own"}, {0, 10, "opinion.error.too_many_all"},
      {5, 50, "opinion.error.too_many_own"},
  };
  for (const auto& c : cases) {
    auto r = CheckRate({c.own, c.all}, limits);
    if (!*c.error) {
      EXPECT_TRUE(r.has_value()) << c.own << " " << c.all;
    } else {
      ASSERT_FALSE(r.has_value());
      EXPECT_EQ(r.error().code, ErrorCode::kRateLimited);
      EXPECT_EQ(r.error().user_message_key, c.error);
    }
  }
}

TEST(StandingTest, GroupOrVotesStillNeeded) {
  using K = Standing::Kind;
  EXPECT_EQ(StandingOf(0, 7, -1, -1, 3).kind, K::kNoVotes);
  EXPECT_EQ(StandingOf(4, 7, -1, 1, 0).kind, K::kNoMap);
  Standing few = StandingOf(4, 7, -1, 1, 3);
  EXPECT_EQ(few.kind, K::kTooFewVotes);
  EXPECT_EQ(few.votes_needed, 3);
  EXPECT_EQ(few.group, 1);
  Standing in = StandingOf(9, 7, 2, 2, 3);
  EXPECT_EQ(in.kind, K::kInGroup);
  EXPECT_EQ(in.group, 2);
  // Topped up into a group with fewer votes than the threshold: in the group.
  EXPECT_EQ(StandingOf(3, 7, 0, 0, 2).kind, K::kInGroup);
}

}  // namespace
}  // namespace wp::opinion
