// BackendTest: a fixture for tests that must hold on both database backends.
// Parameterise with INSTANTIATE_TEST_SUITE_P(Backends, X, ::testing::Values("sqlite", "postgres")).
// Each test gets a fresh database: a file in a temporary folder, or a new
// database on the PostgreSQL test server (WP_TEST_POSTGRES_URL; skipped
// without one unless WP_REQUIRE_POSTGRES=1, which makes it a failure).
// Connect() opens another connection pool to it, as another process would.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "core/db/database.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace wp::testing {

class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      if (!PostgresAdminUrl()) {
        if (PostgresRequired()) FAIL() << "WP_TEST_POSTGRES_URL is not set";
        GTEST_SKIP() << "no PostgreSQL server (set WP_TEST_POSTGRES_URL, see tools/pg_test_server.sh)";
      }
      pg_ = std::make_unique<PostgresTestDatabase>();
      url_ = pg_->url();
    } else {
      url_ = "sqlite:" + dir_.File("test.db");
    }
    db_ = Connect();
  }
  void TearDown() override { db_.reset(); }

  std::unique_ptr<db::Database> Connect() {
    auto db = db::Open(url_);
    if (!db.has_value()) throw std::runtime_error("BackendTest: " + db.error().detail);
    return std::move(*db);
  }

  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> pg_;
  std::string url_;
  std::unique_ptr<db::Database> db_;  // the test's own connection
};

}  // namespace wp::testing
