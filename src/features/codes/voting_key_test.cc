// The voting key file: created owner-only, and refused when others may read
// it (issue #11 item 6).
#include "features/codes/voting_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "testing/temp_dir.h"

namespace wp::codes {
namespace {

TEST(VotingKeyTest, IsCreatedOwnerOnlyAndRefusedWhenOthersMayReadIt) {
  wp::testing::TempDir dir;
  const std::string path = dir.File("keys/voting.key");
  SeededRandom random(5);
  auto created = LoadOrCreateVotingKey(path, random);
  ASSERT_TRUE(created.has_value()) << created.error().detail;
  EXPECT_EQ(created->size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(VotingKeyPermissionProblem(path), "");

  for (mode_t mode : {0640, 0604, 0660, 0644}) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    auto refused = LoadOrCreateVotingKey(path, random);
    ASSERT_FALSE(refused.has_value()) << std::oct << mode;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(refused.error().detail.find("chmod 600 " + path), std::string::npos) << refused.error().detail;
    EXPECT_NE(VotingKeyPermissionProblem(path), "");
  }
  ASSERT_EQ(::chmod(path.c_str(), 0400), 0);
  auto again = LoadOrCreateVotingKey(path, random);
  ASSERT_TRUE(again.has_value()) << again.error().detail;
  EXPECT_EQ(*again, *created) << "the same key is read back";
}

}  // namespace
}  // namespace wp::codes
