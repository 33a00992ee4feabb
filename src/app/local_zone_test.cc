#include "app/local_zone.h"

#include <gtest/gtest.h>

#include <fstream>

#include "testing/temp_dir.h"

namespace wp::app {
namespace {

// 2026-10-25 00:30 UTC is 02:30 CEST; 01:30 UTC is 02:30 CET.
constexpr int64_t kBeforeSwitch = 1792888200;
constexpr int64_t kAfterSwitch = 1792891800;

TEST(LocalZoneTest, ReadsTheTzDatabase) {
  LocalZone z = LoadLocalZone();
  EXPECT_TRUE(z.from_file) << "tzdata is installed (tools/setup.sh)";
  EXPECT_EQ(z.zone.OffsetAt(kBeforeSwitch), 7200);
  EXPECT_EQ(z.zone.OffsetAt(kAfterSwitch), 3600);
}

TEST(LocalZoneTest, FallsBackToTheAmsterdamRule) {
  wp::testing::TempDir dir;
  std::ofstream(dir.File("broken")) << "not a TZif file";
  for (const std::string& path : {dir.File("missing"), dir.File("broken")}) {
    LocalZone z = LoadLocalZone(path);
    EXPECT_FALSE(z.from_file) << path;
    EXPECT_EQ(z.zone.OffsetAt(kBeforeSwitch), 7200) << path;
    EXPECT_EQ(z.zone.OffsetAt(kAfterSwitch), 3600) << path;
  }
}

}  // namespace
}  // namespace wp::app
