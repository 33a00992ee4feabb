// ArchiveStore on both database backends: documents and the public list,
// full-text search (ranked, with a marked snippet, per platform and kind,
// pages, a withdrawn document gone), follows with their history, and the
// digest claim that only one of two processes wins.
#include "features/archive/archive_store.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "features/archive/feature.h"
#include "testing/backend_test.h"

namespace wp::archive {
namespace {

class ArchiveStoreTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, ArchiveMigrations(db_->dialect())).has_value());
  }

  // Adds a public document and indexes `body` as its text.
  int64_t Add(int64_t platform, const std::string& title, Kind kind, const std::string& date, const std::string& body,
              int64_t at = 1000) {
    Document d;
    d.platform_id = platform;
    d.title = title;
    d.kind = kind;
    d.document_date = date;
    d.file_name = "x.pdf";
    d.sha256 = std::string(64, 'a');
    d.size_bytes = 10;
    d.created_at = d.updated_at = at;
    auto id = db_->Write([&](db::Connection& c) -> Result<int64_t> {
      WP_ASSIGN_OR_RETURN(int64_t id, ArchiveStore::Insert(c, d));
      WP_TRY_VOID(ArchiveStore::Index(c, {"document", id, platform, std::string(KindName(kind)), at, title, body}));
      return id;
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return *id;
  }

  std::vector<Hit> Search(const std::string& q, int64_t platform = 0, const std::string& kind = "",
                          int64_t limit = 10, int64_t offset = 0) {
    auto hits = db_->Read([&](db::Connection& c) {
      return ArchiveStore::Search(c, {SearchTerms(q), platform, kind, limit, offset});
    });
    EXPECT_TRUE(hits.has_value()) << hits.error().detail;
    return hits.value_or(std::vector<Hit>{});
  }

  int64_t CountSearch(const std::string& q, int64_t platform = 0) {
    return *db_->Read([&](db::Connection& c) { return ArchiveStore::CountSearch(c, {SearchTerms(q), platform}); });
  }
};

TEST_P(ArchiveStoreTest, SearchFindsWordsOfTitleAndTextRankedWithAMarkedSnippet) {
  int64_t minutes = Add(1, "Notulen september", Kind::kMinutes, "2026-09-14",
                        "Wij spraken over de speeltuin. Daarna over zwerfafval.");
  int64_t report = Add(1, "Speeltuin aan de laan", Kind::kReport, "2026-10-01", "De speeltuin krijgt nieuwe toestellen.");
  Add(2, "Jaarverslag", Kind::kAnnualReport, "2026-01-10", "Twaalf activiteiten en een speeltuin.");

  auto hits = Search("speeltuin");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].ref_id, report) << "the word in the title ranks first";
  EXPECT_NE(hits[0].snippet.find("\x01"), std::string::npos) << hits[0].snippet;
  EXPECT_EQ(CountSearch("speeltuin"), 3);

  auto both = Search("speeltuin zwerfafval");
  ASSERT_EQ(both.size(), 1u) << "every word must match";
  EXPECT_EQ(both[0].ref_id, minutes);

  EXPECT_EQ(Search("speeltuin", 2).size(), 1u);
  EXPECT_EQ(CountSearch("speeltuin", 2), 1);
  EXPECT_EQ(Search("speeltuin", 0, "notulen").size(), 1u);
  EXPECT_EQ(Search("speeltuin", 0, "", 2, 2).size(), 1u) << "the second page";
  EXPECT_TRUE(Search("fietsenstalling").empty());
  EXPECT_TRUE(Search("\"') OR *").empty()) << "operators are only words";
}

TEST_P(ArchiveStoreTest, AWithdrawnDocumentLeavesTheListAndTheIndex) {
  int64_t id = Add(1, "Verslag bewonersavond", Kind::kReport, "2026-09-01", "parkeerproef");
  Add(1, "Notulen", Kind::kMinutes, "2026-10-01", "parkeerproef en bomen");
  ASSERT_TRUE(db_->Write([&](db::Connection& c) -> Result<void> {
                   WP_TRY_VOID(ArchiveStore::Withdraw(c, id, "verkeerde datum", 2000));
                   WP_TRY_VOID(ArchiveStore::Unindex(c, "document", id));
                   return ArchiveStore::Append(c, id, {2000, 5, "", EntryKind::kWithdrawn, "verkeerde datum"});
                 }).has_value());
  EXPECT_EQ(Search("parkeerproef").size(), 1u);
  auto list = db_->Read([](db::Connection& c) { return ArchiveStore::Public(c, 1, "", 10, 0); });
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).title, "Notulen");
  auto found = db_->Read([&](db::Connection& c) { return ArchiveStore::Find(c, id); });
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->status, Status::kWithdrawn);
  EXPECT_EQ((*found)->withdrawn_reason, "verkeerde datum");
  auto history = db_->Read([&](db::Connection& c) { return ArchiveStore::History(c, id); });
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).kind, EntryKind::kWithdrawn);
}

TEST_P(ArchiveStoreTest, FollowsAreKeptOnceWithTheirHistory) {
  auto follow = [&](bool on) {
    return *db_->Write([&](db::Connection& c) {
      return on ? ArchiveStore::Follow(c, 9, 1, 100) : ArchiveStore::Unfollow(c, 9, 1, 200);
    });
  };
  EXPECT_TRUE(follow(true));
  EXPECT_FALSE(follow(true)) << "following twice changes nothing";
  auto followed = db_->Read([](db::Connection& c) { return ArchiveStore::Followed(c, 9); });
  EXPECT_EQ(*followed, std::vector<int64_t>{1});
  EXPECT_TRUE(follow(false));
  EXPECT_FALSE(follow(false));
  auto rows = db_->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM archive_follow_history"); });
  EXPECT_EQ(rows->Int(0), 2);
}

TEST_P(ArchiveStoreTest, OnlyOneProcessClaimsTheDigestOfADay) {
  auto other = Connect();  // another server process
  auto claim = [](db::Database& db) {
    return *db.Write([](db::Connection& c) { return ArchiveStore::ClaimDigest(c, 9, "2026-11-23", 500, 2); });
  };
  EXPECT_TRUE(claim(*db_));
  EXPECT_FALSE(claim(*other));
  auto until = db_->Read([](db::Connection& c) { return ArchiveStore::LastDigestUntil(c, 9); });
  EXPECT_EQ(*until, std::optional<int64_t>(500));
  auto none = db_->Read([](db::Connection& c) { return ArchiveStore::LastDigestUntil(c, 10); });
  EXPECT_FALSE(none->has_value());
}

TEST_P(ArchiveStoreTest, PublishedBetweenTakesNewPublicDocumentsOfTheFollowedPlatforms) {
  Add(1, "Oud", Kind::kMinutes, "2026-01-01", "", 100);
  Add(1, "Nieuw", Kind::kMinutes, "2026-01-02", "", 300);
  Add(2, "Ander platform", Kind::kMinutes, "2026-01-02", "", 300);
  auto docs = db_->Read([](db::Connection& c) { return ArchiveStore::PublishedBetween(c, {1}, 200, 400); });
  ASSERT_TRUE(docs.has_value());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ(docs->at(0).title, "Nieuw");
}

INSTANTIATE_TEST_SUITE_P(Backends, ArchiveStoreTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::archive
