// The world of the news page tests: a PageHarness with the news views,
// messages and tables, a recognised platform (platforms' PlatformWorld) whose
// kernteam is Anna, and the real NewsCommands. Test-only; one per test.
#pragma once

#include "features/news/commands.h"
#include "features/platforms/page_world_test.h"
#include "features/platforms/platform_store.h"
#include "wp_news_files.h"

namespace wp::news {

class NewsPagesTestBase : public platforms::PageTest {
 protected:
  Params Slug() { return {{"slug", platform_.slug}}; }
  Params Item(int64_t id) { return {{"slug", platform_.slug}, {"id", std::to_string(id)}}; }
  // `p` recognised by the municipality (newsletters need that), set directly.
  platforms::Platform Recognised(platforms::Platform p) {
    auto r = h_.db().Write([&](db::Connection& c) {
      return platforms::PlatformStore::SetStatus(c, p.id, platforms::PlatformStatus::kRecognised);
    });
    if (!r.has_value()) throw std::runtime_error("Recognised: " + r.error().detail);
    p.status = platforms::PlatformStatus::kRecognised;
    return p;
  }
  // A published post of the platform; returns its id.
  int64_t Published(const std::string& title) {
    auto id = commands_.CreatePost(anna_, platform_, title, "Over *bomen*");
    if (!id.has_value() || !commands_.SetPublished(anna_, platform_, *id, true).has_value()) {
      throw std::runtime_error("Published");
    }
    return *id;
  }

  wp::testing::PageHarness h_{"news", NewsFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  platforms::Platform platform_ = Recognised(world_.RegisterBoerhaave(anna_));
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  NewsCommands commands_{h_.db(), h_.clock(), h_.catalog(), world_.directory(), NewsSettings{}};
};

}  // namespace wp::news
