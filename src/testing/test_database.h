// Test databases on either backend. SQLite is the default; tests that set
// WP_TEST_DATABASE=postgres (tools/test.sh runs the e2e tests once more that
// way) get a fresh PostgreSQL database per test instead, created on the
// server named by WP_TEST_POSTGRES_URL (an admin URL; tools/test.sh starts a
// throwaway server with tools/pg_test_server.sh) and dropped afterwards.
#pragma once

#include <optional>
#include <string>

namespace wp::testing {

// The admin URL of the test PostgreSQL server, or nullopt when none is set.
std::optional<std::string> PostgresAdminUrl();
// True when WP_REQUIRE_POSTGRES=1: a test that needs PostgreSQL must fail,
// not skip, when the server is missing (tools/test.sh sets it).
bool PostgresRequired();
// True when WP_TEST_DATABASE=postgres.
bool UsePostgresForApp();

// A fresh empty database on the test server, dropped on destruction.
class PostgresTestDatabase {
 public:
  // Aborts the test program with a message when no server is configured or
  // the database cannot be created (check PostgresAdminUrl() first).
  PostgresTestDatabase();
  ~PostgresTestDatabase();
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

}  // namespace wp::testing
