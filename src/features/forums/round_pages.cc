// The official's page of a new registration round (#16, rounds.h):
// /beheer/loting/{slug}/nieuwe-ronde shows the open seats and what they still
// need, opens a round (a new sample of addresses, letters), closes its
// registration and starts the draw of the open seats from its people.
#include <algorithm>

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/forums/forum_view.h"
#include "features/forums/official_pages.h"

namespace wp::forums {

namespace {

using nlohmann::json;
using web::Context;

int NumberOf(const std::string& s) {
  auto v = ParseId(s);
  return v && *v < 1000000 ? static_cast<int>(*v) : 0;
}

json NeedTable(const Context& ctx, const OpenSeats& open) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& f : open.quotas.features) {
    rows.push_back({{f.Name(), "", false, ""}, {std::to_string(f.min) + "–" + std::to_string(f.max), "", true, ""}});
  }
  return web::Table(ctx.T("forums.round.caption"), {ctx.T("forums.quota.feature"), ctx.T("forums.round.need")}, rows);
}

// The waiting round: its published sample, letters, response, and the
// close or draw form.
json WaitingData(const Context& ctx, const ForumCommands& commands, const Forum& f, const Round& r,
                 const std::vector<Invitation>& invitations) {
  int invited = 0, registered = 0;
  for (const auto& inv : invitations) {
    if (inv.round != r.number) continue;
    ++invited;
    if (inv.registered_at) ++registered;
  }
  std::string base = ManagePath(f) + "/ronde";
  return {{"heading", ctx.T("forums.round.waiting", {{"number", int64_t{r.number}}})},
          {"line", RoundLine(ctx, commands, r)},
          {"letters_href", base + "/" + std::to_string(r.number) + "/brieven.pdf"},
          {"letters", ctx.T("forums.round.letters", {{"number", int64_t{r.number}}})},
          {"response",
           ctx.T("forums.round.response", {{"invited", int64_t{invited}}, {"registered", int64_t{registered}}})},
          {"still_open", commands.Now() < r.register_until},
          {"close_action", base + "/sluiten"},
          {"draw_action", base + "/loten"}};
}

}  // namespace

Result<http::Response> OfficialPages::ShowRound(Context& ctx, const Forum& f, const Error* error) {
  WP_ASSIGN_OR_RETURN(auto outlook, commands_.RoundOutlookNow(f));
  WP_ASSIGN_OR_RETURN(auto invitations, commands_.Invitations(f));
  const OpenSeats& open = outlook.open;
  const std::optional<Round>& waiting = outlook.waiting;
  bool registering = waiting && commands_.Now() < waiting->register_until;
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddSampleFields(form, ctx);
  form.Field({.name = "register_until",
              .label_key = "forums.field.round_until",
              .type = "date",
              .value = ctx.form.Get("register_until")});
  form.Field({.name = "seed",
              .label_key = "forums.field.seed",
              .value = ctx.form.Get("seed"),
              .description_key = "forums.field.seed_hint"});
  auto refusal = RoundRefusal(outlook.drawn, open.open, registering);
  const std::string path = ManagePath(f) + "/nieuwe-ronde";
  json data = {{"title", ctx.T("forums.round.title") + ": " + f.setup.name},
               {"forum", f.setup.name},
               {"manage_href", ManagePath(f)},
               {"intro", ctx.T("forums.round.intro", {{"open", int64_t{open.open}}})},
               {"need", open.open > 0 ? NeedTable(ctx, open) : json(nullptr)},
               {"refused", refusal && !registering ? json(ctx.T(*refusal)) : json(nullptr)},
               {"can_open", !refusal.has_value()},
               {"open_action", path},
               {"adressen_error", form.ErrorFor("adressen")},
               {"waiting", waiting ? WaitingData(ctx, commands_, f, *waiting, invitations) : json(nullptr)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("forums.official.title"), std::string(kOfficialPath)},
                                               {f.setup.name, ManagePath(f)},
                                               {ctx.T("forums.round.title"), path}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "forums/round.html", "forums.round.title", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::RoundPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  return ShowRound(ctx, f, nullptr);
}

Result<http::Response> OfficialPages::OpenRound(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  RoundForm in;
  const http::UploadedFile* file = ctx.form.File("adressen");
  if (file) in.address_csv = file->data;
  in.seed = std::string(Trim(ctx.form.Get("sample_seed")));
  in.sample_size = NumberOf(std::string(Trim(ctx.form.Get("sample_size"))));
  auto date = time::ParseDateInput(ctx.form.Get("register_until"));
  in.register_until = date ? time::EndOfDay(commands_.zone(), *date) : 0;
  auto opened = commands_.OpenRound(*ctx.user, f, in);
  if (!opened.has_value()) {
    if (opened.error().has_fields()) return ShowRound(ctx, f, &opened.error());
    return opened.error();
  }
  return web_.Redirect(ctx, ManagePath(f) + "/nieuwe-ronde", web::Flash{"success", "forums.official.round_opened"});
}

Result<http::Response> OfficialPages::RoundLetters(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  int number = NumberOf(std::string(ctx.Param("number")));
  WP_ASSIGN_OR_RETURN(std::string pdf, commands_.RoundLettersPdf(f, number, web_.catalog(), ctx.locale));
  http::Response resp;
  resp.body = std::move(pdf);
  resp.headers.Set("Content-Type", "application/pdf");
  resp.headers.Set("Content-Disposition",
                   "attachment; filename=\"brieven-" + f.slug + "-ronde-" + std::to_string(number) + ".pdf\"");
  return resp;
}

Result<http::Response> OfficialPages::CloseRound(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  WP_TRY_VOID(commands_.CloseRound(*ctx.user, f));
  return web_.Redirect(ctx, ManagePath(f) + "/nieuwe-ronde", web::Flash{"success", "forums.official.round_closed"});
}

Result<http::Response> OfficialPages::RoundDraw(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  auto id = commands_.StartRoundDraw(*ctx.user, f, std::string(Trim(ctx.form.Get("seed"))));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowRound(ctx, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, DrawPath(f, *id), web::Flash{"success", "forums.official.round_draw_started"});
}

}  // namespace wp::forums
