// Test-only: a fixture with an SQLite database in a temporary folder holding
// the geography tables, and a FakeClock, for the command, service and demo
// tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/db/migrations.h"
#include "testing/temp_dir.h"
#include "wp_geography_files.h"

namespace wp::geography {

class GeographyDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(*db::Open("sqlite:" + dir_.File("g.db")));
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("geography", GeographyFiles())).has_value());
  }
  static std::filesystem::path GeoDir() { return wp::testing::GeoDir(); }

  wp::testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  FakeClock clock_;
};

}  // namespace wp::geography
