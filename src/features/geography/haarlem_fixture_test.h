// Test-only: Haarlem's CBS files as shipped in share/geo, parsed once per test binary,
// and an assertion that they were found and parsed.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "features/geography/cbs_import.h"
#include "testing/temp_dir.h"

namespace wp::geography {

using wp::testing::GeoDir;

inline const Result<Municipality>& Haarlem() {
  static const Result<Municipality> r = LoadMunicipalityFromFolder(GeoDir(), "haarlem");
  return r;
}

}  // namespace wp::geography

#define ASSERT_HAARLEM_LOADED()                                                            \
  ASSERT_TRUE(std::filesystem::exists(GeoDir() / "haarlem-wijken.csv"))                    \
      << "Haarlem CBS data not found in " << GeoDir()                                      \
      << "; run the test through ctest (it sets WP_SOURCE_DIR) or from the source folder"; \
  ASSERT_TRUE(Haarlem().has_value()) << Haarlem().error().detail
