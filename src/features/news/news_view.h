// The data of news posts and newsletters as the news views show them, shared
// by the public and the kernteam pages: dates in the app's zone, links, and
// the breadcrumb under the platform. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/components.h"
#include "core/web/web.h"
#include "features/news/post.h"
#include "features/platforms/directory.h"

namespace wp::news {

// "/wijkplatform/{slug}/nieuws".
std::string NewsPath(const platforms::Platform& p);
// "/wijkplatform/{slug}/nieuwsbrieven", the archive for members.
std::string ArchivePath(const platforms::Platform& p);

// Title, date (of publication), author, draft flag and status badge, links.
nlohmann::json PostJson(const web::Context& ctx, const time::TimeZone& zone, const Post& post,
                        const platforms::Platform& p);
// Subject, date (sent, else written), recipients, sent flag and status badge, links.
nlohmann::json LetterJson(const web::Context& ctx, const time::TimeZone& zone, const Newsletter& n,
                          const platforms::Platform& p);
// The breadcrumb of a page under the platform: the platform, then `trail`.
nlohmann::json PlatformCrumbs(const platforms::Platform& p, std::vector<web::Crumb> trail);

}  // namespace wp::news
