// The sweep of unreferenced documents on the whole app with its demo content:
// an abandoned upload goes, every document a row names (archive, advice,
// forum papers) stays and is still served.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <regex>

#include "core/files/blob_store.h"
#include "testing/app_harness.h"

namespace wp::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST(FileSweepTest, AnAbandonedUploadGoesAndEveryNamedDocumentStays) {
  testing::AppHarness h;
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  files::BlobStore store(h.config().files_dir);
  auto orphan = store.Put("%PDF-1.4\nan upload whose form was refused\n%%EOF\n");
  ASSERT_TRUE(orphan.has_value());
  // Everything is old enough to be swept.
  int documents = 0;
  for (const auto& e : fs::recursive_directory_iterator(h.config().files_dir)) {
    if (!e.is_regular_file()) continue;
    fs::last_write_time(e.path(), fs::file_time_type::clock::now() - 48h);
    ++documents;
  }
  ASSERT_GT(documents, 3) << "the demo stores documents";
  auto report = h.app().SweepUnreferencedFiles();
  ASSERT_TRUE(report.has_value()) << report.error().detail;
  EXPECT_EQ(report->files, documents);
  EXPECT_EQ(report->removed, 1);
  EXPECT_FALSE(store.Has(orphan->sha256));
  EXPECT_EQ(report->referenced, documents - 1);
  // A public archive document is still served.
  auto client = h.Client();
  std::string archive = client->Get("/archief").body;
  std::smatch link;
  ASSERT_TRUE(std::regex_search(archive, link, std::regex(R"re(href="(/archief/\d+)")re")));
  std::string page = client->Get(link[1].str()).body;
  ASSERT_TRUE(std::regex_search(page, link, std::regex(R"re(href="(/archief/\d+/[^"]+)")re"))) << page.substr(0, 300);
  EXPECT_EQ(client->Get(link[1].str()).status, 200) << link[1].str();
  // A second sweep finds nothing more to do.
  auto again = h.app().SweepUnreferencedFiles();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->removed, 0);
}

}  // namespace
}  // namespace wp::app
