#include "core/db/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "core/db/migrations.h"
#include "core/db/pool_stats.h"
#include "core/db/postgres_database.h"
#include "testing/backend_test.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace wp::db {
namespace {

// Every test of the storage interface runs on both backends. The PostgreSQL
// runs need a server (tools/test.sh starts one and makes its absence a failure).
class DatabaseTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto applied =
        ApplyMigrations(*db_, {{"t/0001", "CREATE TABLE items (id {{id}}, name TEXT NOT NULL UNIQUE, n {{bigint}});"}});
    ASSERT_TRUE(applied.has_value()) << applied.error().detail;
  }
};

TEST_P(DatabaseTest, InsertsAndReadsBack) {
  auto id = db_->Write([](Connection& c) {
    return c.Insert("INSERT INTO items (name, n) VALUES (?, ?) RETURNING id", {Text("a"), Int(5)});
  });
  ASSERT_TRUE(id.has_value()) << id.error().detail;
  auto row = db_->Read([&](Connection& c) { return c.QueryOne("SELECT name, n FROM items WHERE id = ?", {*id}); });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Text(0), "a");
  EXPECT_EQ(row->Int(1), 5);
}

TEST_P(DatabaseTest, UniqueViolationIsConflictAndRollsBack) {
  auto r = db_->Write([](Connection& c) -> Result<int64_t> {
    WP_TRY_VOID(c.Execute("INSERT INTO items (name) VALUES ('x')"));
    return c.Execute("INSERT INTO items (name) VALUES ('x')");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto count = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(count->Int(0), 0) << "the first insert must be rolled back with the second";
}

TEST_P(DatabaseTest, ErrorFromFunctionRollsBack) {
  auto r = db_->Write([](Connection& c) -> Result<int> {
    WP_TRY_VOID(c.Execute("INSERT INTO items (name) VALUES ('y')"));
    return InvalidInput("changed my mind");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().detail, "changed my mind");
  auto count = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(count->Int(0), 0);
}

// PostgreSQL keeps each statement prepared per connection (postgres_database.cc):
// one text run again with other values, with NULL in place of a number, and a
// statement that cannot be prepared all behave as if sent as text each time.
TEST_P(DatabaseTest, RepeatedStatementsKeepTheirMeaningWithOtherValuesAndTypes) {
  auto r = db_->Write([](Connection& c) -> Result<std::vector<int64_t>> {
    constexpr const char* kInsert = "INSERT INTO items (name, n) VALUES (?, ?)";
    WP_TRY_VOID(c.Execute(kInsert, {Text("a"), Int(1)}));
    WP_TRY_VOID(c.Execute(kInsert, {Text("b"), Null()}));
    WP_TRY_VOID(c.Execute(kInsert, {Text("c"), Int(3)}));
    std::vector<int64_t> counts;
    constexpr const char* kCount = "SELECT COUNT(*) FROM items WHERE n IS NOT NULL AND n >= ?";
    for (int64_t from : {0, 2, 4}) {
      WP_ASSIGN_OR_RETURN(auto row, c.QueryOne(kCount, {Int(from)}));
      counts.push_back(row.Int(0));
    }
    return counts;
  });
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(*r, (std::vector<int64_t>{2, 1, 0}));
  // The error of a statement that cannot even be prepared is its own, not a
  // later "transaction aborted", and the transaction is rolled back.
  auto bad = db_->Write([](Connection& c) -> Result<int64_t> {
    WP_TRY_VOID(c.Execute("INSERT INTO items (name) VALUES ('d')"));
    return c.Execute("UPDATE items SET no_such_column = 1");
  });
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("no_such_column"), std::string::npos) << bad.error().detail;
  auto count = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(count->Int(0), 3);
  // The same connection goes on working, with the statements it prepared before.
  auto again = db_->Read([](Connection& c) {
    return c.QueryOne("SELECT COUNT(*) FROM items WHERE n IS NOT NULL AND n >= ?", {Int(3)});
  });
  ASSERT_TRUE(again.has_value()) << again.error().detail;
  EXPECT_EQ(again->Int(0), 1);
}

TEST_P(DatabaseTest, MigrationsApplyOnce) {
  auto again = ApplyMigrations(*db_, {{"t/0001", "CREATE TABLE items (id INTEGER);"}});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, 0);
  auto bad = ApplyMigrations(*db_, {{"t/0002", "CREATE TABLE broken ("}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("t/0002"), std::string::npos);
}

TEST_P(DatabaseTest, ConcurrentWritersAllCommit) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto r = db_->Write([&](Connection& c) {
          return c.Execute("INSERT INTO items (name) VALUES (?)", {Text(std::to_string(t) + "-" + std::to_string(i))});
        });
        if (!r.has_value()) ++failures;
        auto q = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
        if (!q.has_value()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto count = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(count->Int(0), 200);
}

// A read sees one snapshot from its first statement on, and the next read
// starts a new one: on PostgreSQL BEGIN travels with the first statement and
// a read's COMMIT is not waited for (issue #20), so a BEGIN sent too late or
// a COMMIT lost would show here.
TEST_P(DatabaseTest, ReadKeepsOneSnapshotAndTheNextReadSeesNewWrites) {
  auto insert = [&](const std::string& name) {
    return db_->Write([&](Connection& c) { return c.Execute("INSERT INTO items (name) VALUES (?)", {Text(name)}); });
  };
  ASSERT_TRUE(insert("before").has_value());
  for (int round = 0; round < 3; ++round) {
    auto counts = db_->Read([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
      WP_ASSIGN_OR_RETURN(Row first, c.QueryOne("SELECT COUNT(*) FROM items"));
      // Another connection commits meanwhile.
      WP_TRY_VOID(insert("during-" + std::to_string(round)));
      WP_ASSIGN_OR_RETURN(Row second, c.QueryOne("SELECT COUNT(*) FROM items"));
      return std::make_pair(first.Int(0), second.Int(0));
    });
    ASSERT_TRUE(counts.has_value()) << counts.error().detail;
    EXPECT_EQ(counts->first, 1 + round);
    EXPECT_EQ(counts->second, counts->first) << "one read, one snapshot";
    auto after = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
    ASSERT_TRUE(after.has_value()) << after.error().detail;
    EXPECT_EQ(after->Int(0), 2 + round) << "the next read sees what was committed";
  }
}

// A failing first statement (where BEGIN travels with it on PostgreSQL) is
// that statement's error, rolls back, and leaves the pool usable; a read or
// write without statements succeeds.
TEST_P(DatabaseTest, FailingFirstStatementsAndEmptyTransactionsLeaveThePoolUsable) {
  for (int i = 0; i < 3; ++i) {
    auto bad_read = db_->Read([](Connection& c) { return c.Query("SELECT no_such_column FROM items"); });
    ASSERT_FALSE(bad_read.has_value());
    EXPECT_NE(bad_read.error().detail.find("no_such_column"), std::string::npos) << bad_read.error().detail;
    ASSERT_TRUE(db_->Write([](Connection& c) { return c.Execute("INSERT INTO items (name) VALUES ('u')"); }));
    auto twice = db_->Write([](Connection& c) { return c.Execute("INSERT INTO items (name) VALUES ('u')"); });
    ASSERT_FALSE(twice.has_value());
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict) << twice.error().detail;
    auto empty_read = db_->Read([](Connection&) -> Result<int> { return 7; });
    ASSERT_TRUE(empty_read.has_value());
    EXPECT_EQ(*empty_read, 7);
    auto empty_write = db_->Write([](Connection&) -> Result<int> { return 8; });
    ASSERT_TRUE(empty_write.has_value());
    auto deleted = db_->Write([](Connection& c) { return c.Execute("DELETE FROM items WHERE name = 'u'"); });
    ASSERT_TRUE(deleted.has_value()) << deleted.error().detail;
    EXPECT_EQ(*deleted, 1);
  }
  auto count = db_->Read([](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM items"); });
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(count->Int(0), 0);
}

// The pool gauges of /metrics: connections open, idle, and threads waiting
// for one while every connection is in use.
TEST_P(DatabaseTest, PoolStatsCountOpenIdleAndWaiting) {
  auto before = PoolStatsOf(*db_);
  ASSERT_TRUE(before.has_value());
  const int max = before->max;
  ASSERT_GT(max, 0);
  std::atomic<bool> release{false};
  std::vector<std::thread> readers;
  for (int i = 0; i < max + 1; ++i) {
    readers.emplace_back([&] {
      (void)db_->Read([&](Connection& c) {
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return c.QueryOne("SELECT 1");
      });
    });
  }
  std::optional<PoolStats> busy;
  for (int i = 0; i < 5000; ++i) {
    busy = PoolStatsOf(*db_);
    if (busy->open == max && busy->waiting == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(busy->open, max);
  EXPECT_EQ(busy->idle, 0);
  EXPECT_EQ(busy->waiting, 1);
  release = true;
  for (auto& t : readers) t.join();
  auto after = PoolStatsOf(*db_);
  EXPECT_EQ(after->open, max);
  EXPECT_EQ(after->idle, max);
  EXPECT_EQ(after->waiting, 0);
}

TEST_P(DatabaseTest, ValuesRoundTrip) {
  auto r = db_->Write([](Connection& c) -> Result<Row> {
    WP_TRY_VOID(c.ExecuteScript(
        TranslateDdl("CREATE TABLE vals (i {{bigint}}, d DOUBLE PRECISION, t TEXT, b {{blob}})", c.dialect())));
    std::string bytes("\x00\x01\xff'?\"", 6);
    WP_TRY_VOID(c.Execute(
        "INSERT INTO vals (i, d, t, b) VALUES (?, ?, ?, ?)",
        {Int(-9007199254740993), Value(0.25), Text("it's a ? mark, 'quoted' \xe2\x82\xac"), Value(Blob{bytes})}));
    WP_TRY_VOID(c.Execute("INSERT INTO vals (i, d, t, b) VALUES (?, NULL, NULL, NULL)", {Int(3)}));
    // A literal '?' in SQL text is not a placeholder.
    return c.QueryOne(
        "SELECT i, d, t, b, '?' AS q, (SELECT SUM(i) FROM vals), (SELECT COUNT(*) FROM vals) "
        "FROM vals WHERE i < ? ORDER BY i LIMIT 1",
        {Int(0)});
  });
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(r->Int(0), -9007199254740993);
  EXPECT_DOUBLE_EQ(r->Real(1), 0.25);
  EXPECT_EQ(r->Text(2), "it's a ? mark, 'quoted' \xe2\x82\xac");
  EXPECT_EQ(r->Bytes(3), std::string("\x00\x01\xff'?\"", 6));
  EXPECT_EQ(r->Text(4), "?");
  EXPECT_EQ(r->Int(5), -9007199254740990);
  EXPECT_TRUE(std::holds_alternative<int64_t>(r->at(5))) << "SUM of integers stays an integer";
  EXPECT_EQ(r->Int(6), 2);
  auto nulls = db_->Read([](Connection& c) { return c.QueryOne("SELECT d, t, b FROM vals WHERE i = 3"); });
  ASSERT_TRUE(nulls.has_value());
  EXPECT_TRUE(nulls->IsNull(0) && nulls->IsNull(1) && nulls->IsNull(2));
}

// Check-then-insert inside Write() must hold across several Database objects
// (as across server processes): at most one row per group, however the
// transactions interleave. SQLite serialises writers; PostgreSQL runs them
// SERIALIZABLE and the backend retries the losers.
TEST_P(DatabaseTest, CheckThenInsertHoldsAcrossProcesses) {
  auto second = Open(url_);
  ASSERT_TRUE(second.has_value()) << second.error().detail;
  Database* dbs[] = {db_.get(), second->get()};
  std::atomic<int> inserted{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int g = 0; g < 10; ++g) {
        auto r = dbs[t % 2]->Write([&](Connection& c) -> Result<bool> {
          WP_ASSIGN_OR_RETURN(Row n, c.QueryOne("SELECT COUNT(*) FROM items WHERE n = ?", {Int(g)}));
          if (n.Int(0) > 0) return false;
          WP_TRY_VOID(c.Execute("INSERT INTO items (name, n) VALUES (?, ?)",
                                {Text("g" + std::to_string(g) + "-t" + std::to_string(t)), Int(g)}));
          return true;
        });
        if (!r.has_value())
          ++failures;
        else if (*r)
          ++inserted;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(inserted.load(), 10);
  auto per_group =
      db_->Read([](Connection& c) { return c.Query("SELECT n, COUNT(*) FROM items GROUP BY n HAVING COUNT(*) > 1"); });
  ASSERT_TRUE(per_group.has_value());
  EXPECT_TRUE(per_group->empty());
}

TEST_P(DatabaseTest, MigrationsFromSeveralProcessesApplyOnce) {
  std::vector<Migration> m = {{"t/0002", "CREATE TABLE more (id {{id}}, v TEXT);"},
                              {"t/0003", "ALTER TABLE more ADD COLUMN w TEXT;"}};
  std::atomic<int> applied{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto db = Open(url_);
      if (!db.has_value()) {
        ++failures;
        return;
      }
      auto r = ApplyMigrations(**db, m);
      if (!r.has_value())
        ++failures;
      else
        applied += *r;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), 2);
}

// On PostgreSQL the first statement of a transaction already runs inside
// it, with the isolation level and access mode of its kind: BEGIN travels
// with it in one pipeline (issue #20).
TEST_P(DatabaseTest, FirstStatementRunsInsideTheTransaction) {
  if (GetParam() != "postgres") GTEST_SKIP() << "PostgreSQL only";
  for (int i = 0; i < 3; ++i) {  // first use prepares the statement, later uses do not
    auto read = db_->Read([](Connection& c) {
      return c.QueryOne("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')");
    });
    ASSERT_TRUE(read.has_value()) << read.error().detail;
    EXPECT_EQ(read->Text(0), "repeatable read");
    EXPECT_EQ(read->Text(1), "on");
    auto write = db_->Write([](Connection& c) {
      return c.QueryOne("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')");
    });
    ASSERT_TRUE(write.has_value()) << write.error().detail;
    EXPECT_EQ(write->Text(0), "serializable");
    EXPECT_EQ(write->Text(1), "off");
    auto refused = db_->Read([](Connection& c) { return c.Execute("INSERT INTO items (name) VALUES ('r')"); });
    ASSERT_FALSE(refused.has_value()) << "a read is read only from its first statement";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(PlaceholderTest, NumbersOnlyRealPlaceholders) {
  int n = 0;
  EXPECT_EQ(
      NumberPlaceholders("SELECT ? , '?', \"a?\", x -- ?\n FROM t WHERE a = ? /* ? */ AND b = 'it''s ?' OR c = ?", &n),
      "SELECT $1 , '?', \"a?\", x -- ?\n FROM t WHERE a = $2 /* ? */ AND b = 'it''s ?' OR c = $3");
  EXPECT_EQ(n, 3);
  EXPECT_EQ(NumberPlaceholders("SELECT 'unterminated ?", &n), "SELECT 'unterminated ?");
  EXPECT_EQ(n, 0);
}

TEST(PostgresUrlTest, RedactsPasswordAndReplacesDatabase) {
  EXPECT_EQ(RedactDatabaseUrl("postgresql://wp:s3cret@db.example:5432/wijk"),
            "postgresql://wp:***@db.example:5432/wijk");
  EXPECT_EQ(RedactDatabaseUrl("postgresql://wp@db/wijk"), "postgresql://wp@db/wijk");
  EXPECT_EQ(WithDatabaseName("postgresql://postgres@127.0.0.1:5/postgres", "t1"),
            "postgresql://postgres@127.0.0.1:5/t1");
  EXPECT_EQ(WithDatabaseName("postgresql://u@h/db?sslmode=require", "t2"), "postgresql://u@h/t2?sslmode=require");
  EXPECT_EQ(WithDatabaseName("postgresql://u@h", "t3"), "postgresql://u@h/t3");
}

TEST(PostgresOpenTest, UnreachableServerIsUnavailable) {
  auto db = Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

TEST(DdlTest, TranslatesTokensPerDialect) {
  EXPECT_EQ(TranslateDdl("id {{id}}, b {{blob}}", Dialect::kSqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB");
  EXPECT_EQ(TranslateDdl("id {{id}}", Dialect::kPostgres), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  // Lines for one dialect only (triggers, whose syntax differs).
  const std::string both =
      "CREATE TABLE t (i {{bigint}});\n-- {{sqlite}}\nSQLITE ONLY;\n-- {{postgres}}\nPG ONLY;\n"
      "-- {{end}}\nBOTH;";
  EXPECT_EQ(TranslateDdl(both, Dialect::kSqlite), "CREATE TABLE t (i INTEGER);\nSQLITE ONLY;\nBOTH;");
  EXPECT_EQ(TranslateDdl(both, Dialect::kPostgres), "CREATE TABLE t (i BIGINT);\nPG ONLY;\nBOTH;");
}

TEST(OpenTest, RejectsUnknownAndUnopenable) {
  EXPECT_FALSE(Open("").has_value());
  EXPECT_FALSE(Open("sqlite:/nonexistent-dir/x/y.db").has_value());
}

}  // namespace
}  // namespace wp::db
