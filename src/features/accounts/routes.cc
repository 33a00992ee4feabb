#include "features/accounts/routes.h"

namespace wp::accounts {

void AddAccountRoutes(http::Router& router, const web::Web& web, SessionPages& session, AccountPages& account,
                      AdminUserPages& admin) {
  router.Get("/inloggen", web.Page(session, &SessionPages::LoginForm));
  router.Post("/inloggen", web.Page(session, &SessionPages::Login));
  router.Post("/uitloggen", web.Page(session, &SessionPages::Logout));
  router.Get("/registreren", web.Page(session, &SessionPages::RegisterForm));
  router.Post("/registreren", web.Page(session, &SessionPages::Register));
  router.Get("/wachtwoord-vergeten", web.Page(session, &SessionPages::ForgotForm));
  router.Post("/wachtwoord-vergeten", web.Page(session, &SessionPages::Forgot));
  router.Get("/wachtwoord/herstel/{token}", web.Page(session, &SessionPages::ResetForm));
  router.Post("/wachtwoord/herstel/{token}", web.Page(session, &SessionPages::Reset));
  router.Get("/inloggen/link", web.Page(session, &SessionPages::LinkForm));
  router.Post("/inloggen/link", web.Page(session, &SessionPages::RequestLink));
  router.Get("/inloggen/link/{token}", web.Page(session, &SessionPages::LinkPage));
  router.Post("/inloggen/link/{token}", web.Page(session, &SessionPages::UseLink));
  router.Get("/e-mailadres/bevestigen/{token}", web.Page(session, &SessionPages::CheckPage));
  router.Post("/e-mailadres/bevestigen/{token}", web.Page(session, &SessionPages::Confirm));

  const web::PageOptions signed_in{.require_login = true};
  router.Get("/account", web.Page(account, &AccountPages::Show, signed_in));
  router.Post("/account/taal", web.Page(account, &AccountPages::SetLanguage, signed_in));
  router.Post("/account/e-mailadres", web.Page(account, &AccountPages::SendCheck, signed_in));

  const web::PageOptions administrators{.require_role = auth::Role::kAdministrator};
  router.Get("/beheer/gebruikers", web.Page(admin, &AdminUserPages::Users, administrators));
  router.Get("/beheer/gebruikers/{id}", web.Page(admin, &AdminUserPages::User, administrators));
  router.Post("/beheer/gebruikers/{id}/rollen", web.Page(admin, &AdminUserPages::GrantRole, administrators));
  router.Post("/beheer/gebruikers/{id}/rollen/intrekken", web.Page(admin, &AdminUserPages::RevokeRole, administrators));
}

}  // namespace wp::accounts
