// The pages of those who keep a platform's archive (its kernteam and
// officials): the upload form and the withdrawal of a document; and the
// pages of council members: follow, unfollow, and the list of followed
// platforms. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/archive/commands.h"
#include "features/archive/public_pages.h"

namespace wp::archive {

class KeeperPages {
 public:
  KeeperPages(const web::Web& web, ArchiveCommands& commands, PublicPages& open)
      : web_(web), commands_(commands), open_(open) {}

  Result<http::Response> NewForm(web::Context& ctx);   // GET /wijkplatform/{slug}/archief/nieuw
  Result<http::Response> Create(web::Context& ctx);    // POST /wijkplatform/{slug}/archief/nieuw
  Result<http::Response> Withdraw(web::Context& ctx);  // POST /archief/{id}/intrekken

 private:
  Result<http::Response> ShowForm(web::Context& ctx, const platforms::Platform& p, const Error* error);

  const web::Web& web_;
  ArchiveCommands& commands_;
  PublicPages& open_;
};

class FollowPages {
 public:
  FollowPages(const web::Web& web, ArchiveCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Follow(web::Context& ctx);     // POST /wijkplatform/{slug}/volgen
  Result<http::Response> Unfollow(web::Context& ctx);   // POST /wijkplatform/{slug}/ontvolgen
  Result<http::Response> Following(web::Context& ctx);  // GET /mijn/volgen

 private:
  const web::Web& web_;
  ArchiveCommands& commands_;
};

}  // namespace wp::archive
