#include "features/advice/routes.h"

namespace wp::advice {

void AddAdviceRoutes(http::Router& router, const web::Web& web, const AdvicePages& pages) {
  auto& [open, kernteam, official, input, attachments] = pages;
  // Everyone (the pages answer 404 for drafts and confidential requests
  // the visitor may not read; attachments follow their request or advice).
  router.Get("/advies", web.Page(open, &PublicPages::Index, web::kCachedPublicPage));
  router.Get("/advies/aanvraag/{id}", web.Page(open, &PublicPages::Request));
  router.Get("/advies/bijlage/{id}", web.Page(attachments, &AttachmentPages::Download));
  router.Get("/advies/{id}", web.Page(open, &PublicPages::Advice));
  router.Get("/wijkplatform/{slug}/advies", web.Page(open, &PublicPages::Platform));
  router.Get("/wijkplatform/{slug}/advies/inbreng/{id}", web.Page(input, &InputPages::Round));

  // The kernteam of the platform (the pages check it: 403 for others);
  // reactions: members of the platform.
  const web::PageOptions signed_in{.require_login = true};
  const std::string platform = "/wijkplatform/{slug}/advies";
  router.Get(platform + "/nieuw", web.Page(kernteam, &KernteamPages::NewForm, signed_in));
  router.Post(platform + "/nieuw", web.Page(kernteam, &KernteamPages::Create, signed_in));
  router.Get(platform + "/{id}/wijzigen", web.Page(kernteam, &KernteamPages::EditForm, signed_in));
  router.Post(platform + "/{id}/wijzigen", web.Page(kernteam, &KernteamPages::Update, signed_in));
  router.Post(platform + "/{id}/indienen", web.Page(kernteam, &KernteamPages::Submit, signed_in));
  router.Post(platform + "/{id}/bijlagen", web.Page(attachments, &AttachmentPages::AddToAdvice, signed_in));
  router.Post(platform + "/{id}/werkgroep", web.Page(input, &InputPages::AddDrafter, signed_in));
  router.Get(platform + "/inbreng/nieuw", web.Page(input, &InputPages::NewRound, signed_in));
  router.Post(platform + "/inbreng/nieuw", web.Page(input, &InputPages::OpenRound, signed_in));
  router.Post(platform + "/inbreng/{id}", web.Page(input, &InputPages::React, signed_in));

  // Officials (the pages and commands check the rights per platform).
  const std::string base = "/beheer/advies";
  router.Get(base, web.Page(official, &OfficialPages::Overview, signed_in));
  router.Get(base + "/aanvraag/nieuw", web.Page(official, &OfficialPages::NewRequest, signed_in));
  router.Post(base + "/aanvraag/nieuw", web.Page(official, &OfficialPages::CreateRequest, signed_in));
  router.Get(base + "/aanvraag/{id}/wijzigen", web.Page(official, &OfficialPages::EditRequest, signed_in));
  router.Post(base + "/aanvraag/{id}/wijzigen", web.Page(official, &OfficialPages::UpdateRequest, signed_in));
  router.Post(base + "/aanvraag/{id}/versturen", web.Page(official, &OfficialPages::Send, signed_in));
  router.Post(base + "/aanvraag/{id}/intrekken", web.Page(official, &OfficialPages::Withdraw, signed_in));
  router.Post(base + "/aanvraag/{id}/sluiten", web.Page(official, &OfficialPages::Close, signed_in));
  router.Post(base + "/aanvraag/{id}/bijlagen", web.Page(attachments, &AttachmentPages::AddToRequest, signed_in));
  router.Get(base + "/{id}/antwoord", web.Page(official, &OfficialPages::AnswerForm, signed_in));
  router.Post(base + "/{id}/antwoord", web.Page(official, &OfficialPages::Answer, signed_in));
}

}  // namespace wp::advice
