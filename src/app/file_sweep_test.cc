#include "app/file_sweep.h"

#include <gtest/gtest.h>

namespace wp::app {
namespace {

TEST(StoredFileColumnsTest, ASha256ColumnNoFeatureRegisteredIsAProblem) {
  std::vector<db::Migration> migrations = {
      {"papers/0001", "CREATE TABLE papers (\n  id {{id}},\n  title TEXT NOT NULL,\n  sha256 TEXT NOT NULL\n);\n"
                      "CREATE TABLE forums (id {{id}}, address_list_sha256 TEXT NOT NULL);"},
      {"notes/0002", "ALTER TABLE notes ADD COLUMN sha256 TEXT;"},
      {"other/0001", "create table if not exists photos(sha256 text, id integer)"},
  };
  auto problems = StoredFileColumnProblems(migrations, {});
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find("papers"), std::string::npos);
  EXPECT_NE(problems[1].find("notes"), std::string::npos);
  EXPECT_NE(problems[2].find("photos"), std::string::npos);
  // A hash column with another name (a published hash, no stored file) is not one.
  for (const auto& p : problems) EXPECT_EQ(p.find("forums"), std::string::npos) << p;
  EXPECT_TRUE(StoredFileColumnProblems(migrations, {{"papers", "sha256"}, {"notes", "sha256"}, {"photos", "sha256"}})
                  .empty());
}

TEST(StoredFileColumnsTest, OnlyPlainColumnNamesAreTaken) {
  auto problems = StoredFileColumnProblems({}, {{"papers; DROP TABLE x", "sha256"}, {"papers", "Sha256"}});
  EXPECT_EQ(problems.size(), 2u);
}

}  // namespace
}  // namespace wp::app
