// The kernteam's pages for news posts (/wijkplatform/{slug}/beheer/nieuws)
// and newsletters (.../beheer/nieuwsbrief). Both are a list, a form for a
// new text, and an edit page with a preview; they share one list view, one
// form view and the code around them, set apart by a Writing. Posts are
// published and withdrawn; a newsletter is sent once. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/time/time_zone.h"
#include "core/web/components.h"
#include "core/web/web.h"
#include "features/news/commands.h"

namespace wp::news {

// What differs between the pages for posts and for newsletters.
struct Writing {
  bool newsletter = false;     // who may: NewsCommands::Sends, else Writes
  std::string path;            // under /wijkplatform/{slug}/beheer/: "nieuws" | "nieuwsbrief"
  std::string line_field;      // the one-line field: "title" | "subject"
  std::string list_title_key;  // and the other texts of the pages
  std::string new_title_key;
  std::string edit_title_key;
  std::string new_key;
  std::string caption_key;
  std::string none_key;
  std::string submit_key;
  std::string saved_key;
};

class KernteamPages {
 public:
  KernteamPages(const web::Web& web, NewsCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> Posts(web::Context& ctx);         // GET  .../beheer/nieuws
  Result<http::Response> NewPost(web::Context& ctx);       // GET  .../beheer/nieuws/nieuw
  Result<http::Response> CreatePost(web::Context& ctx);    // POST .../beheer/nieuws/nieuw
  Result<http::Response> EditPost(web::Context& ctx);      // GET  .../beheer/nieuws/{id}
  Result<http::Response> UpdatePost(web::Context& ctx);    // POST .../beheer/nieuws/{id}
  Result<http::Response> PublishPost(web::Context& ctx);   // POST .../beheer/nieuws/{id}/publiceren
  Result<http::Response> WithdrawPost(web::Context& ctx);  // POST .../beheer/nieuws/{id}/intrekken
  Result<http::Response> Newsletters(web::Context& ctx);   // GET  .../beheer/nieuwsbrief
  Result<http::Response> NewLetter(web::Context& ctx);     // GET  .../beheer/nieuwsbrief/nieuw
  Result<http::Response> CreateLetter(web::Context& ctx);  // POST .../beheer/nieuwsbrief/nieuw
  Result<http::Response> EditLetter(web::Context& ctx);    // GET  .../beheer/nieuwsbrief/{id}
  Result<http::Response> UpdateLetter(web::Context& ctx);  // POST .../beheer/nieuwsbrief/{id}
  Result<http::Response> SendLetter(web::Context& ctx);    // POST .../beheer/nieuwsbrief/{id}/versturen

 private:
  // The platform of {slug} when the user may write `kind`. Errors:
  // kNotFound; kForbidden (news.error.forbidden).
  Result<platforms::Platform> Managed(web::Context& ctx, const Writing& kind) const;
  Result<Post> LoadPost(web::Context& ctx, const platforms::Platform& p) const;
  Result<Newsletter> LoadLetter(web::Context& ctx, const platforms::Platform& p) const;
  // The list of `kind` with the table of `rows`.
  http::Response ShowList(web::Context& ctx, const platforms::Platform& p, const Writing& kind,
                          const std::vector<std::string>& headings, std::vector<std::vector<web::Cell>> rows,
                          nlohmann::json actions);
  // The form of `kind` with `line` and `body`; `existing` holds the edit
  // page's extras (preview, status), null for a new text.
  http::Response ShowForm(web::Context& ctx, const platforms::Platform& p, const Writing& kind, const std::string& line,
                          const std::string& body, nlohmann::json existing, const Error* error);
  // After a create or update: the form again when `saved` names fields to
  // correct, else the edit page of the text with the saved message.
  Result<http::Response> AfterSave(web::Context& ctx, const platforms::Platform& p, const Writing& kind,
                                   const Result<int64_t>& saved, nlohmann::json existing);
  nlohmann::json PostExtras(web::Context& ctx, const platforms::Platform& p, const Post& post) const;
  Result<nlohmann::json> LetterExtras(web::Context& ctx, const platforms::Platform& p, const Newsletter& n) const;
  Result<http::Response> SetPublished(web::Context& ctx, bool published);

  const web::Web& web_;
  NewsCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::news
