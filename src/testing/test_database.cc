#include "testing/test_database.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/db/postgres_database.h"

namespace wp::testing {

std::optional<std::string> PostgresAdminUrl() {
  const char* v = std::getenv("WP_TEST_POSTGRES_URL");
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

bool PostgresRequired() {
  const char* v = std::getenv("WP_REQUIRE_POSTGRES");
  return v && std::string(v) == "1";
}

bool UsePostgresForApp() {
  const char* v = std::getenv("WP_TEST_DATABASE");
  return v && std::string(v) == "postgres";
}

PostgresTestDatabase::PostgresTestDatabase() {
  auto admin = PostgresAdminUrl();
  if (!admin) {
    std::cerr << "PostgresTestDatabase: WP_TEST_POSTGRES_URL is not set (tools/pg_test_server.sh start DIR)\n";
    std::abort();
  }
  admin_url_ = *admin;
  if (sodium_init() < 0) std::abort();
  char suffix[17];
  std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(randombytes_random()) << 32 |
                                                      randombytes_random());
  name_ = std::string("wp_test_") + suffix;
  auto created = db::PostgresAdminStatement(admin_url_, "CREATE DATABASE " + name_);
  if (!created.has_value()) {
    std::cerr << "PostgresTestDatabase: " << created.error().detail << "\n";
    std::abort();
  }
  url_ = db::WithDatabaseName(admin_url_, name_);
}

PostgresTestDatabase::~PostgresTestDatabase() {
  auto dropped = db::PostgresAdminStatement(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  if (!dropped.has_value()) std::cerr << "PostgresTestDatabase: " << dropped.error().detail << "\n";
}

}  // namespace wp::testing
