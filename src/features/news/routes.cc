#include "features/news/routes.h"

namespace wp::news {

void AddNewsRoutes(http::Router& router, const web::Web& web, NewsPages& news, KernteamPages& kernteam) {
  router.Get("/wijkplatform/{slug}/nieuws", web.Page(news, &NewsPages::List));
  router.Get("/wijkplatform/{slug}/nieuws.atom", web.Page(news, &NewsPages::Feed));
  router.Get("/wijkplatform/{slug}/nieuws/{id}", web.Page(news, &NewsPages::Post));
  // The newsletter archive: members and the kernteam (the pages check it).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/wijkplatform/{slug}/nieuwsbrieven", web.Page(news, &NewsPages::Archive, signed_in));
  router.Get("/wijkplatform/{slug}/nieuwsbrieven/{id}", web.Page(news, &NewsPages::Newsletter, signed_in));

  // The kernteam of the platform; administrators may support its news but
  // never send a newsletter in its name (the pages check it: 403).
  const std::string posts = "/wijkplatform/{slug}/beheer/nieuws";
  router.Get(posts, web.Page(kernteam, &KernteamPages::Posts, signed_in));
  router.Get(posts + "/nieuw", web.Page(kernteam, &KernteamPages::NewPost, signed_in));
  router.Post(posts + "/nieuw", web.Page(kernteam, &KernteamPages::CreatePost, signed_in));
  router.Get(posts + "/{id}", web.Page(kernteam, &KernteamPages::EditPost, signed_in));
  router.Post(posts + "/{id}", web.Page(kernteam, &KernteamPages::UpdatePost, signed_in));
  router.Post(posts + "/{id}/publiceren", web.Page(kernteam, &KernteamPages::PublishPost, signed_in));
  router.Post(posts + "/{id}/intrekken", web.Page(kernteam, &KernteamPages::WithdrawPost, signed_in));
  const std::string letters = "/wijkplatform/{slug}/beheer/nieuwsbrief";
  router.Get(letters, web.Page(kernteam, &KernteamPages::Newsletters, signed_in));
  router.Get(letters + "/nieuw", web.Page(kernteam, &KernteamPages::NewLetter, signed_in));
  router.Post(letters + "/nieuw", web.Page(kernteam, &KernteamPages::CreateLetter, signed_in));
  router.Get(letters + "/{id}", web.Page(kernteam, &KernteamPages::EditLetter, signed_in));
  router.Post(letters + "/{id}", web.Page(kernteam, &KernteamPages::UpdateLetter, signed_in));
  router.Post(letters + "/{id}/versturen", web.Page(kernteam, &KernteamPages::SendLetter, signed_in));
}

}  // namespace wp::news
