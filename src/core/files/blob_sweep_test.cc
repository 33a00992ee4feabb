#include "core/files/blob_sweep.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace wp::files {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class BlobSweepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("wp_blob_sweep_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path PathOf(const std::string& sha) const { return dir_ / sha.substr(0, 2) / sha.substr(2); }
  // Stores `bytes` and makes the file `age` old.
  std::string PutAged(const std::string& bytes, std::chrono::hours age) {
    auto put = store_.Put(bytes);
    EXPECT_TRUE(put.has_value());
    fs::last_write_time(PathOf(put->sha256), fs::file_time_type::clock::now() - age);
    return put->sha256;
  }

  fs::path dir_;
  BlobStore store_{fs::path()};
};

TEST_F(BlobSweepTest, RemovesOnlyOldFilesThatNoRowNames) {
  store_ = BlobStore(dir_);
  std::string kept = PutAged("%PDF-1.4 named by a row", 48h);
  std::string orphan = PutAged("%PDF-1.4 a refused upload", 48h);
  std::string young = PutAged("%PDF-1.4 an upload in progress", 1h);
  std::set<std::string> rows = {kept};
  auto report = SweepUnreferenced(store_, [&](std::string_view sha) -> Result<bool> { return rows.count(std::string(sha)) > 0; });
  ASSERT_TRUE(report.has_value()) << report.error().detail;
  EXPECT_EQ(report->files, 3);
  EXPECT_EQ(report->referenced, 1);
  EXPECT_EQ(report->young, 1);
  EXPECT_EQ(report->removed, 1);
  EXPECT_EQ(report->bytes_removed, 25);
  EXPECT_TRUE(store_.Has(kept));
  EXPECT_TRUE(store_.Has(young));
  EXPECT_FALSE(store_.Has(orphan));
  // Nothing else is left in the folder (no file moved aside).
  int entries = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) entries += e.is_regular_file();
  EXPECT_EQ(entries, 2);
}

// Storing bytes that are already there makes the file young again, so an
// upload that reuses an old orphan's bytes does not lose them to the sweep
// before its row is committed.
TEST_F(BlobSweepTest, StoringTheSameBytesAgainProtectsTheFile) {
  store_ = BlobStore(dir_);
  std::string sha = PutAged("%PDF-1.4 uploaded again", 72h);
  ASSERT_TRUE(store_.Put("%PDF-1.4 uploaded again").has_value());
  auto report = SweepUnreferenced(store_, [](std::string_view) -> Result<bool> { return false; });
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->young, 1);
  EXPECT_EQ(report->removed, 0);
  EXPECT_TRUE(store_.Has(sha));
}

// A row that is committed between the first look and the removal (another
// process finished its upload) keeps the file: it is checked again after it
// was moved aside, and moved back.
TEST_F(BlobSweepTest, ARowCommittedDuringTheSweepKeepsTheFile) {
  store_ = BlobStore(dir_);
  std::string sha = PutAged("%PDF-1.4 committed meanwhile", 48h);
  int asked = 0;
  auto report = SweepUnreferenced(store_, [&](std::string_view) -> Result<bool> { return ++asked > 1; });
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(asked, 2);
  EXPECT_EQ(report->referenced, 1);
  EXPECT_EQ(report->removed, 0);
  EXPECT_TRUE(store_.Has(sha));
  auto bytes = store_.Get(sha);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(*bytes, "%PDF-1.4 committed meanwhile");
}

// When the database cannot answer, nothing is removed and the error is told.
TEST_F(BlobSweepTest, ADatabaseErrorRemovesNothing) {
  store_ = BlobStore(dir_);
  std::string sha = PutAged("%PDF-1.4 unknown", 48h);
  int asked = 0;
  auto report = SweepUnreferenced(store_, [&](std::string_view) -> Result<bool> {
    if (++asked == 2) return Internal("database gone");
    return false;
  });
  EXPECT_FALSE(report.has_value());
  EXPECT_TRUE(store_.Has(sha));
}

TEST_F(BlobSweepTest, AnEmptyOrMissingFolderIsNothingToDo) {
  store_ = BlobStore(dir_);
  auto report = SweepUnreferenced(store_, [](std::string_view) -> Result<bool> { return false; });
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->files, 0);
}

}  // namespace
}  // namespace wp::files
