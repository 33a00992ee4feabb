#include "features/geography/map_cache.h"

#include <gtest/gtest.h>

namespace wp::geography {
namespace {

std::shared_ptr<const Municipality> Named(const std::string& name) {
  Municipality m;
  m.name = name;
  return std::make_shared<const Municipality>(std::move(m));
}

TEST(MapCacheTest, RendersEachKeyOnceForTheSameMunicipality) {
  MapCache cache;
  auto m = Named("Haarlem");
  int renders = 0;
  auto render = [&] { return m->name + " " + std::to_string(++renders); };
  EXPECT_EQ(*cache.Get(m, "wijk/WK039201/nl", render), "Haarlem 1");
  EXPECT_EQ(*cache.Get(m, "wijk/WK039201/nl", render), "Haarlem 1");
  EXPECT_EQ(*cache.Get(m, "wijk/WK039201/en", render), "Haarlem 2");
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(MapCacheTest, ANewMunicipalityDropsTheMapsOfTheOldOne) {
  MapCache cache;
  auto old_one = Named("Haarlem");
  int renders = 0;
  EXPECT_EQ(*cache.Get(old_one, "home/nl", [&] { return "oud " + std::to_string(++renders); }), "oud 1");
  EXPECT_EQ(*cache.Get(old_one, "wijk/WK039201/nl", [&] { return "oud " + std::to_string(++renders); }), "oud 2");
  auto new_one = Named("Haarlem");  // a new import, even of the same files
  EXPECT_EQ(*cache.Get(new_one, "home/nl", [&] { return "nieuw " + std::to_string(++renders); }), "nieuw 3");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(MapCacheTest, AMunicipalityFreedAndAnotherAtTheSameAddressIsNotConfused) {
  MapCache cache;
  {
    auto gone = Named("Haarlem");
    (void)cache.Get(gone, "home/nl", [] { return std::string("oud"); });
  }
  auto next = Named("Haarlem");  // may reuse the freed memory
  EXPECT_EQ(*cache.Get(next, "home/nl", [] { return std::string("nieuw"); }), "nieuw");
}

}  // namespace
}  // namespace wp::geography
