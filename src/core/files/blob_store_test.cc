#include "core/files/blob_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <vector>

#include "core/strings.h"

namespace wp::files {
namespace {

namespace fs = std::filesystem;

class BlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("wp_blob_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(BlobStoreTest, StoresUnderTheHashAndReadsBack) {
  BlobStore store(dir_);
  auto put = store.Put("%PDF-1.4 hello");
  ASSERT_TRUE(put.has_value());
  EXPECT_EQ(put->sha256, Sha256Hex("%PDF-1.4 hello"));
  EXPECT_EQ(put->size, 14);
  EXPECT_TRUE(fs::is_regular_file(dir_ / put->sha256.substr(0, 2) / put->sha256.substr(2)));
  auto got = store.Get(put->sha256);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, "%PDF-1.4 hello");
  EXPECT_TRUE(store.Has(put->sha256));
}

TEST_F(BlobStoreTest, TheSameBytesAreStoredOnce) {
  BlobStore store(dir_);
  auto a = store.Put("same");
  auto b = store.Put("same");
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(a->sha256, b->sha256);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1);
}

TEST_F(BlobStoreTest, EmptyUnknownAndMalformedNamesAreRefused) {
  BlobStore store(dir_);
  EXPECT_FALSE(store.Put("").has_value());
  EXPECT_EQ(store.Get(std::string(64, 'a')).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.Get("../../etc/passwd").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.Get(std::string(64, 'A')).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(store.Has("x"));
}

TEST_F(BlobStoreTest, ADamagedFileIsNotServedAsTheDocument) {
  BlobStore store(dir_);
  auto put = store.Put("original bytes");
  ASSERT_TRUE(put.has_value());
  {
    std::ofstream out(dir_ / put->sha256.substr(0, 2) / put->sha256.substr(2), std::ios::trunc);
    out << "tampered";
  }
  auto got = store.Get(put->sha256);
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().code, ErrorCode::kInternal);
}

TEST_F(BlobStoreTest, RemoveDeletesTheFile) {
  BlobStore store(dir_);
  auto put = store.Put("to go");
  ASSERT_TRUE(put.has_value());
  ASSERT_TRUE(store.Remove(put->sha256).has_value());
  EXPECT_FALSE(store.Has(put->sha256));
}

TEST_F(BlobStoreTest, WritersAtTheSameTimeLeaveWholeFilesAndNoTemporaries) {
  BlobStore store(dir_);
  std::vector<std::thread> threads;
  std::vector<std::string> hashes(8);
  std::string big(1 << 20, 'x');
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto put = store.Put(t % 2 == 0 ? big : "small " + std::to_string(t));
      if (put.has_value()) hashes[t] = put->sha256;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) {
    ASSERT_FALSE(hashes[t].empty());
    auto got = store.Get(hashes[t]);
    ASSERT_TRUE(got.has_value()) << t;
  }
  for (const auto& e : fs::recursive_directory_iterator(dir_)) {
    if (!e.is_regular_file()) continue;
    EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
  }
}

}  // namespace
}  // namespace wp::files
