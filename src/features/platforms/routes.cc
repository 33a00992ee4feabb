#include "features/platforms/routes.h"

namespace wp::platforms {

void AddPlatformRoutes(http::Router& router, const web::Web& web, const PlatformPages& pages) {
  router.Get("/wijkplatforms", web.Page(pages.public_pages, &PublicPages::Overview, web::kCachedPublicPage));
  router.Get("/wijkplatform/{slug}", web.Page(pages.public_pages, &PublicPages::Show, web::kCachedPublicPage));

  // Signed-in residents register a platform, join one, choose e-mail and
  // take part in werkgroepen.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/wijkplatforms/aanmelden", web.Page(pages.registration, &RegistrationPages::Form, signed_in));
  router.Post("/wijkplatforms/aanmelden", web.Page(pages.registration, &RegistrationPages::Register, signed_in));
  router.Post("/wijkplatform/{slug}/lid-worden", web.Page(pages.members, &MemberPages::Join, signed_in));
  router.Post("/wijkplatform/{slug}/opzeggen", web.Page(pages.members, &MemberPages::Leave, signed_in));
  router.Post("/wijkplatform/{slug}/email", web.Page(pages.members, &MemberPages::SetMail, signed_in));
  router.Post("/wijkplatform/{slug}/werkgroepen/{id}/deelnemen",
              web.Page(pages.members, &MemberPages::JoinGroup, signed_in));
  router.Post("/wijkplatform/{slug}/werkgroepen/{id}/verlaten",
              web.Page(pages.members, &MemberPages::LeaveGroup, signed_in));
  // Anyone with the link: the secret token in the path is the proof, and
  // mail programs post "List-Unsubscribe=One-Click" here without a form
  // (RFC 8058), so no CSRF check.
  router.Get("/afmelden/{token}", web.Page(pages.members, &MemberPages::UnsubscribeForm));
  router.Post("/afmelden/{token}", web.Page(pages.members, &MemberPages::Unsubscribe, {.check_csrf = false}));

  // The kernteam (and administrators supporting it); the pages check it.
  const std::string manage = "/wijkplatform/{slug}/beheer";
  router.Get(manage, web.Page(pages.kernteam, &KernteamPages::Manage, signed_in));
  router.Post(manage, web.Page(pages.kernteam, &KernteamPages::Save, signed_in));
  router.Post(manage + "/kernteam/{id}/verwijderen",
              web.Page(pages.kernteam, &KernteamPages::RemoveKernteamMember, signed_in));
  router.Post(manage + "/werkgroepen/{id}/verwijderen",
              web.Page(pages.kernteam, &KernteamPages::DeleteWorkingGroup, signed_in));
  router.Post(manage + "/spreekuren/{id}/verwijderen",
              web.Page(pages.kernteam, &KernteamPages::DeleteOfficeHours, signed_in));

  // Recognition and subsidy: the kernteam and the officials of the
  // platform's stadsdeel; the pages check who may see and do what.
  router.Get("/wijkplatform/{slug}/status", web.Page(pages.recognition, &RecognitionPages::Status, signed_in));
  router.Post("/wijkplatform/{slug}/status", web.Page(pages.recognition, &RecognitionPages::ChangeStatus, signed_in));
  router.Get("/wijkplatform/{slug}/subsidie", web.Page(pages.subsidy, &SubsidyPages::Subsidy, signed_in));
  router.Post("/wijkplatform/{slug}/subsidie", web.Page(pages.subsidy, &SubsidyPages::Apply, signed_in));
  router.Post("/wijkplatform/{slug}/subsidie/{id}/{step}", web.Page(pages.subsidy, &SubsidyPages::Step, signed_in));

  // The municipality: administrators, gebiedsverbinders, municipal experts.
  router.Get("/beheer/wijkplatforms", web.Page(pages.admin, &AdminPages::Overview, signed_in));
  // Kernteam invitations: the link in the mail; answering needs the invited address signed in.
  router.Get("/uitnodiging/{token}", web.Page(pages.invitations, &InvitationPages::Show));
  router.Post("/uitnodiging/{token}", web.Page(pages.invitations, &InvitationPages::Answer, signed_in));
}

}  // namespace wp::platforms
