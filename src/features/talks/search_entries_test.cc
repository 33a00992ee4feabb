// Which meetings reach the archive's search: a table over the statuses.
#include "features/talks/search_entries.h"

#include <gtest/gtest.h>

namespace wp::talks {
namespace {

TEST(MinutesEntriesTest, OnlyHeldOrClosedMeetingsWithMinutesAndAgreements) {
  Meeting m;
  m.id = 4;
  m.platform_id = 2;
  m.starts_at = 5000;
  m.minutes = "We spraken over de speeltuin.";
  std::vector<Agreement> agreements = {{1, 4, 1, "De gemeente maait vaker.", "Beheer", "Jan", 9000, std::nullopt, 0}};
  struct Case {
    Status status;
    size_t entries;
  };
  const Case cases[] = {{Status::kToPlan, 0}, {Status::kPlanned, 0}, {Status::kMoved, 0},
                        {Status::kHeld, 1},   {Status::kClosed, 1},  {Status::kCancelled, 0}};
  for (const auto& c : cases) {
    m.status = c.status;
    auto entries = MinutesEntries(m, agreements, "Verslag, voorjaar 2026");
    ASSERT_EQ(entries.size(), c.entries) << StatusName(c.status);
    if (entries.empty()) continue;
    EXPECT_EQ(entries[0].source, kMinutesSource);
    EXPECT_EQ(entries[0].ref_id, 4);
    EXPECT_EQ(entries[0].platform_id, 2);
    EXPECT_EQ(entries[0].kind, "notulen");
    EXPECT_EQ(entries[0].at, 5000);
    EXPECT_EQ(entries[0].title, "Verslag, voorjaar 2026");
    EXPECT_EQ(entries[0].body, "We spraken over de speeltuin.\nDe gemeente maait vaker. (Beheer, Jan)");
  }
}

}  // namespace
}  // namespace wp::talks
