// The kernteam's pages: write the platform's advice (to a request, or
// unsolicited to a department or the alderman), change it while it is a
// draft, and submit it. Every handler
// checks that the signed-in user is the kernteam of {slug} (403 otherwise).
// Thread-safe.
#pragma once

#include <optional>

#include "core/web/web.h"
#include "features/advice/commands.h"

namespace wp::advice {

class KernteamPages {
 public:
  KernteamPages(const web::Web& web, AdviceCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> NewForm(web::Context& ctx);  // GET  /wijkplatform/{slug}/advies/nieuw[?aanvraag=ID]
  Result<http::Response> Create(web::Context& ctx);   // POST /wijkplatform/{slug}/advies/nieuw[?aanvraag=ID]
  Result<http::Response> EditForm(web::Context& ctx);  // GET  /wijkplatform/{slug}/advies/{id}/wijzigen
  Result<http::Response> Update(web::Context& ctx);    // POST /wijkplatform/{slug}/advies/{id}/wijzigen
  Result<http::Response> Submit(web::Context& ctx);    // POST /wijkplatform/{slug}/advies/{id}/indienen

 private:
  // The platform of {slug} when the user is its kernteam. Errors: kNotFound, kForbidden.
  Result<platforms::Platform> Managed(web::Context& ctx) const;
  // The request of ?aanvraag= the user may read, or nullopt for unsolicited
  // advice. Errors: kNotFound for a malformed, unknown or unreadable id.
  Result<std::optional<AdviceRequest>> RequestOf(web::Context& ctx) const;
  // The advice {id} of `p` while the user may edit it (permissions.h
  // CheckDraftEdit). Errors: kNotFound, kForbidden, kConflict
  // (advice.error.edit_submitted).
  Result<AdviceThread> EditableDraft(web::Context& ctx, const platforms::Platform& p) const;
  // The create form, or with `editing` the edit form of that advice.
  Result<http::Response> ShowForm(web::Context& ctx, const platforms::Platform& p,
                                  const std::optional<AdviceRequest>& request, const AdviceForm& form,
                                  const Error* error, std::optional<int64_t> editing = std::nullopt);

  const web::Web& web_;
  AdviceCommands& commands_;
};

}  // namespace wp::advice
