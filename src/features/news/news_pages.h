// Public pages of news: a platform's news page with its Atom feed, one
// post, and the archive of sent newsletters for members (and the kernteam).
// Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/news/commands.h"

namespace wp::news {

class NewsPages {
 public:
  NewsPages(const web::Web& web, NewsCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> List(web::Context& ctx);        // GET /wijkplatform/{slug}/nieuws
  Result<http::Response> Feed(web::Context& ctx);        // GET /wijkplatform/{slug}/nieuws.atom
  Result<http::Response> Post(web::Context& ctx);        // GET /wijkplatform/{slug}/nieuws/{id}
  Result<http::Response> Archive(web::Context& ctx);     // GET /wijkplatform/{slug}/nieuwsbrieven (signed in)
  Result<http::Response> Newsletter(web::Context& ctx);  // GET /wijkplatform/{slug}/nieuwsbrieven/{id} (signed in)

 private:
  // Whether the viewer writes for the platform (news or newsletters) and
  // whether they are a member.
  struct Reader {
    bool writes = false;
    bool member = false;
  };
  Result<Reader> ReaderOf(const web::Context& ctx, const platforms::Platform& p) const;

  const web::Web& web_;
  NewsCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::news
