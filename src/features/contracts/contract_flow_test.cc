#include "features/contracts/contract_flow.h"

#include <gtest/gtest.h>

#include <string>

namespace wp::contracts {
namespace {

using S = CommitmentStatus;

// Each row: from, then for every `to` in kAllCommitmentStatuses order
// (agreed, in progress, done, dropped): '=' same, '+' allowed, '.' not.
TEST(ContractFlowTest, CommitmentTransitions) {
  const std::pair<S, const char*> kTable[] = {
      {S::kAgreed, "=+++"},
      {S::kInProgress, "+=++"},
      {S::kDone, ".+=."},
      {S::kDropped, "...="},
  };
  for (const auto& [from, want] : kTable) {
    std::string got;
    for (S to : kAllCommitmentStatuses) {
      auto p = CheckCommitmentTransition(from, to);
      got += !p ? '+' : *p == FlowProblem::kSameStatus ? '=' : '.';
    }
    EXPECT_EQ(got, want) << CommitmentStatusName(from);
  }
}

TEST(ContractFlowTest, BothSidesApproveByDifferentPeople) {
  Contract c;
  EXPECT_EQ(CheckApproval(c, Side::kPlatform, 1, 0), FlowProblem::kEmpty);
  EXPECT_EQ(CheckApproval(c, Side::kPlatform, 1, 3), std::nullopt);
  c.platform_approval = Approval{1, 100};
  EXPECT_FALSE(BothApproved(c));
  EXPECT_EQ(CheckApproval(c, Side::kPlatform, 2, 3), FlowProblem::kAlreadyApproved);
  EXPECT_EQ(CheckApproval(c, Side::kMunicipality, 1, 3), FlowProblem::kSamePerson)
      << "one person cannot sign for both sides";
  EXPECT_EQ(CheckApproval(c, Side::kMunicipality, 2, 3), std::nullopt);
  c.municipality_approval = Approval{2, 200};
  EXPECT_TRUE(BothApproved(c));
  c.status = ContractStatus::kSigned;
  EXPECT_EQ(CheckApproval(c, Side::kMunicipality, 2, 3), FlowProblem::kNotDraft);
}

Commitment M(int64_t theme, S status, int64_t due_at) {
  Commitment m;
  m.theme_id = theme;
  m.status = status;
  m.due_at = due_at;
  return m;
}

TEST(ContractFlowTest, ProgressAtAMoment) {
  const int64_t now = 1'000'000;
  struct Row {
    Commitment m;
    Progress want;
  };
  const Row kTable[] = {
      {M(1, S::kAgreed, now + 1), Progress::kOnTrack},     {M(1, S::kAgreed, now), Progress::kOverdue},
      {M(1, S::kInProgress, now - 1), Progress::kOverdue}, {M(1, S::kDone, now - 100), Progress::kDone},
      {M(1, S::kDropped, now - 100), Progress::kDropped},
  };
  for (const auto& row : kTable) EXPECT_EQ(ProgressOf(row.m, now), row.want) << ProgressName(row.want);

  std::vector<Theme> themes = {{1, 9, 1, "Groen"}, {2, 9, 2, "Veilig"}, {3, 9, 3, "Leeg"}};
  std::vector<Commitment> list;
  for (const auto& row : kTable) list.push_back(row.m);
  list.push_back(M(2, S::kDone, now));
  auto counts = CountProgress(themes, list, now);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].theme_id, 1);
  EXPECT_EQ(counts[0].on_track, 1);
  EXPECT_EQ(counts[0].overdue, 2);
  EXPECT_EQ(counts[0].done, 1);
  EXPECT_EQ(counts[0].dropped, 1);
  EXPECT_EQ(counts[0].total(), 5);
  EXPECT_EQ(counts[1].done, 1);
  EXPECT_EQ(counts[2].total(), 0);
}

TEST(ContractFlowTest, ReminderOnceForEachDueDate) {
  const int64_t now = 10'000'000;
  const int64_t day = 86400;
  Commitment m = M(1, S::kAgreed, now + 14 * day);
  EXPECT_TRUE(ReminderDue(m, now, 14)) << "exactly 14 days ahead";
  EXPECT_FALSE(ReminderDue(M(1, S::kAgreed, now + 14 * day + 1), now, 14)) << "too early";
  EXPECT_FALSE(ReminderDue(M(1, S::kAgreed, now), now, 14)) << "overdue: no reminder, the overdue list has it";
  EXPECT_FALSE(ReminderDue(M(1, S::kDone, now + day), now, 14));
  EXPECT_TRUE(ReminderDue(M(1, S::kInProgress, now + day), now, 14));
  m.reminded_due_at = m.due_at;
  EXPECT_FALSE(ReminderDue(m, now, 14)) << "reminded already";
  m.due_at -= day;
  EXPECT_TRUE(ReminderDue(m, now, 14)) << "an amended due date reminds again";
}

TEST(ContractFlowTest, UnfinishedCarriesOn) {
  std::vector<Commitment> list = {M(1, S::kAgreed, 5), M(1, S::kDone, 5), M(1, S::kInProgress, 5),
                                  M(1, S::kDropped, 5)};
  auto carried = Unfinished(list);
  ASSERT_EQ(carried.size(), 2u);
  EXPECT_EQ(carried[0].status, S::kAgreed);
  EXPECT_EQ(carried[1].status, S::kInProgress);
}

}  // namespace
}  // namespace wp::contracts
