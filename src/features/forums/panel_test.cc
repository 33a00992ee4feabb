// The published panel interface (panel.h) on both database backends: only
// the drawn members who are still in the forum, with their name and e-mail;
// never volunteers who were not drawn, members who left or whose term ended,
// or anyone whose details were erased; and only forums the official
// organises.
#include "features/forums/panel.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "features/forums/forum_store.h"
#include "testing/backend_test.h"
#include "wp_forums_files.h"

namespace wp::forums {
namespace {

constexpr int64_t kNow = 1795455000;

class PanelTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("forums", ForumsFiles())).has_value());
  }

  // A forum of stadsdeel `borough` with a draw; returns its id.
  int64_t NewForum(const std::string& slug, const std::string& borough) {
    auto id = db_->Write([&](db::Connection& c) -> Result<int64_t> {
      Forum f;
      f.slug = slug;
      f.setup.kind = Kind::kPanel;
      f.setup.name = "Bewonerspanel " + slug;
      f.setup.district_code = "WK039203";
      f.setup.seats = 3;
      f.setup.term_months = 12;
      f.district_name = "Zijlweg-West";
      f.borough = borough;
      f.created_by = 1;
      f.created_at = kNow;
      WP_ASSIGN_OR_RETURN(int64_t forum, ForumStore::InsertForum(c, f));
      Draw d;
      d.forum_id = forum;
      d.kind = "draw";
      d.seed = "1 2 3";
      d.status = DrawStatus::kDone;
      d.created_at = kNow;
      WP_ASSIGN_OR_RETURN(draw_, ForumStore::InsertDraw(c, d));
      return forum;
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }

  // Registers person n; `seat` makes them a member until `term_ends_at`.
  int64_t Person(int64_t forum, int n, bool seat, int64_t term_ends_at = kNow + 86400) {
    auto id = db_->Write([&](db::Connection& c) -> Result<int64_t> {
      std::string code = "CODE-" + std::to_string(forum) + "-" + std::to_string(n);
      WP_TRY_VOID(ForumStore::InsertInvitation(c, {0, forum, n, "Zijlweg " + std::to_string(n), code, kNow}));
      WP_ASSIGN_OR_RETURN(auto inv, ForumStore::FindInvitation(c, code));
      Registration r;
      r.forum_id = forum;
      r.invitation_id = inv->id;
      r.public_id = PublicId(n);
      r.name = "Bewoner " + std::to_string(n);
      r.email = "bewoner" + std::to_string(n) + "@example.nl";
      r.phone = "023 000000";
      r.consent_at = r.created_at = kNow;
      WP_ASSIGN_OR_RETURN(int64_t reg, ForumStore::InsertRegistration(c, r));
      if (seat) WP_TRY_VOID(ForumStore::InsertMember(c, forum, reg, draw_, term_ends_at));
      return reg;
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }

  int64_t draw_ = 0;
};

TEST_P(PanelTest, OnlyCurrentMembersWithTheirNameAndEmail) {
  int64_t forum = NewForum("oude-stad", "centrum");
  int64_t stays = Person(forum, 1, true);
  Person(forum, 2, false);  // volunteered, not drawn
  int64_t left = Person(forum, 3, true);
  Person(forum, 4, true, kNow - 1);  // term ended
  int64_t erased = Person(forum, 5, true);
  int64_t other_forum = NewForum("zijlweg", "zuidwest");
  Person(other_forum, 6, true);
  ASSERT_TRUE(db_->Write([&](db::Connection& c) -> Result<void> {
                   WP_TRY_VOID(ForumStore::SetMemberLeft(c, forum, left, kNow - 10));
                   WP_TRY_VOID(ForumStore::Erase(c, erased, false, kNow));
                   return Ok();
                 })
                  .has_value());

  auto members = db_->Read([&](db::Connection& c) { return CurrentPanelMembers(c, forum, kNow); });
  ASSERT_TRUE(members.has_value()) << members.error().detail;
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ(members->front().id, stays);
  EXPECT_EQ(members->front().name, "Bewoner 1");
  EXPECT_EQ(members->front().email, "bewoner1@example.nl");
}

TEST_P(PanelTest, ChoicesAreTheForumsTheOfficialOrganises) {
  int64_t centrum = NewForum("oude-stad", "centrum");
  Person(centrum, 1, true);
  Person(centrum, 2, true);
  Person(centrum, 3, false);
  int64_t zuidwest = NewForum("zijlweg", "zuidwest");
  auth::User liaison{5, "gv@haarlem.nl", "GV", "nl", {{auth::Role::kAreaLiaison, "centrum"}}};
  auth::User admin{6, "admin@haarlem.nl", "Admin", "nl", {{auth::Role::kAdministrator, ""}}};
  auto read = db_->Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto mine, PanelChoices(c, liaison, kNow));
    EXPECT_EQ(mine.size(), 1u);
    if (!mine.empty()) {
      EXPECT_EQ(mine[0].id, centrum);
      EXPECT_EQ(mine[0].name, "Bewonerspanel oude-stad");
      EXPECT_EQ(mine[0].area, "Zijlweg-West");
      EXPECT_EQ(mine[0].kind, "panel");
      EXPECT_EQ(mine[0].members, 2);
    }
    WP_ASSIGN_OR_RETURN(auto all, PanelChoices(c, admin, kNow));
    EXPECT_EQ(all.size(), 2u);
    WP_ASSIGN_OR_RETURN(auto other, FindPanelChoice(c, liaison, zuidwest, kNow));
    EXPECT_FALSE(other.has_value());
    WP_ASSIGN_OR_RETURN(auto own, FindPanelChoice(c, liaison, centrum, kNow));
    EXPECT_TRUE(own.has_value());
    WP_ASSIGN_OR_RETURN(auto none, FindPanelChoice(c, admin, 999, kNow));
    EXPECT_FALSE(none.has_value());
    return Ok();
  });
  ASSERT_TRUE(read.has_value()) << read.error().detail;
}

// Two runs of one draw (the demo and a job runner, or two runners after a
// lost lease) record its outcome once: the first takes it, the second finds it
// taken and a finished draw does not go back to running.
TEST_P(PanelTest, ADrawIsTakenForRecordingOnce) {
  int64_t forum = NewForum("oude-stad", "centrum");
  auto queued = db_->Write([&](db::Connection& c) -> Result<int64_t> {
    Draw d;
    d.forum_id = forum;
    d.kind = "draw";
    d.seed = "4 5 6";
    d.status = DrawStatus::kQueued;
    d.created_at = kNow;
    return ForumStore::InsertDraw(c, d);
  });
  ASSERT_TRUE(queued.has_value()) << queued.error().detail;
  auto steps = db_->Write([&](db::Connection& c) -> Result<std::vector<bool>> {
    std::vector<bool> out;
    for (int i = 0; i < 2; ++i) {
      WP_ASSIGN_OR_RETURN(bool running, ForumStore::MarkDrawRunning(c, *queued));
      out.push_back(running);
    }
    for (int i = 0; i < 2; ++i) {
      WP_ASSIGN_OR_RETURN(bool taken, ForumStore::TakeDrawForRecording(c, *queued, kNow + i));
      out.push_back(taken);
    }
    WP_ASSIGN_OR_RETURN(bool again, ForumStore::MarkDrawRunning(c, *queued));
    out.push_back(again);
    return out;
  });
  ASSERT_TRUE(steps.has_value()) << steps.error().detail;
  EXPECT_EQ(*steps, (std::vector<bool>{true, true, true, false, false}));
  auto done = db_->Read([&](db::Connection& c) { return ForumStore::FindDraw(c, draw_); });
  ASSERT_TRUE(done.has_value() && done->has_value());
  auto rerun = db_->Write([&](db::Connection& c) { return ForumStore::MarkDrawRunning(c, draw_); });
  ASSERT_TRUE(rerun.has_value());
  EXPECT_FALSE(*rerun) << "a done draw stays done";
}

INSTANTIATE_TEST_SUITE_P(Backends, PanelTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::forums
