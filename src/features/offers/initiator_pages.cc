#include "features/offers/initiator_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/offers/offer_view.h"

namespace wp::offers {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

int StatusFor(const Error& e) { return e.code == ErrorCode::kRateLimited ? 429 : 422; }

}  // namespace

Result<initiatives::InitiatorKey> InitiatorKeyOf(const Context& ctx) {
  initiatives::InitiatorKey key;
  key.token = std::string(ctx.Param("token"));
  if (key.token.empty()) {
    WP_ASSIGN_OR_RETURN(key.id, ctx.IdParam("id"));
    key.user = ctx.user;
  }
  return key;
}

std::string InitiatorBase(const initiatives::InitiatorKey& key) {
  return key.token.empty() ? "/vraag-en-aanbod/initiatieven/mijn/" + std::to_string(key.id)
                           : "/vraag-en-aanbod/initiatieven/volg/" + key.token;
}

NeedInput ReadNeed(const Context& ctx) {
  NeedInput in;
  // An unknown kind is refused by the form's own check below (kUnknownChoice).
  in.kind = ParseKind(ctx.form.Get("kind")).value_or(Kind::kVolunteers);
  in.text = ctx.form.Get("text");
  in.themes = ReadThemes(ctx);
  in.amount = ctx.form.Get("amount");
  return in;
}

void NeedForm(const Context& ctx, const NeedInput& in, const std::string& until, const std::vector<FieldError>& errors,
              json& data) {
  FormView form(ctx, errors);
  form.Label("kind", "offers.need.kind");
  form.Label("contact", "offers.contact.title");
  form.Label("message", "offers.contact.message");
  form.Label("status", "offers.need.title");
  form.Field({.name = "text",
              .label_key = "offers.need.text",
              .value = in.text,
              .description_key = "offers.need.text_hint",
              .textarea = true,
              .rows = 3});
  form.Label("themes", "offers.form.themes");
  form.Field({.name = "amount",
              .label_key = "offers.need.amount",
              .value = in.amount,
              .description_key = "offers.need.amount_hint",
              .required = false});
  form.Field({.name = "until",
              .label_key = "offers.form.until",
              .type = "date",
              .value = until,
              .description_key = "offers.form.until_hint",
              .required = false});
  data["kinds"] = KindOptions(ctx, in.kind);
  data["themes"] = ThemeChecks(ctx, in.themes);
  data["themes_error"] = form.ErrorFor("themes");
  data["kind_error"] = form.ErrorFor("kind");
  form.AppendTo(data);
}

http::Response InitiatorPages::ShowPage(Context& ctx, const InitiatorNeeds& v, const NeedInput& in,
                                        const std::string& until, std::vector<FieldError> errors, int status) {
  initiatives::InitiatorKey key = *InitiatorKeyOf(ctx);
  std::string base = InitiatorBase(key);
  json needs = json::array();
  for (size_t k = 0; k < v.needs.size(); ++k) {
    const Need& n = v.needs[k];
    json need = NeedJson(ctx, commands_, n);
    need["edit"] = base + "/vraag/" + std::to_string(n.id);
    need["can_close"] = n.open && !v.closed;
    json offers = json::array();
    for (const auto& s : v.suggestions[k]) {
      json o = OfferJson(ctx, commands_, *s.offer);
      o["why"] = MatchLabel(ctx, s.ranked.match);
      o["pending"] = s.pending;
      o["action"] = base + "/vraag/" + std::to_string(n.id) + "/contact/" + std::to_string(s.offer->id);
      o["field"] = "m-" + std::to_string(n.id) + "-" + std::to_string(s.offer->id);
      offers.push_back(std::move(o));
    }
    need["offers"] = offers;
    need["has_offers"] = !offers.empty();
    needs.push_back(std::move(need));
  }
  json contacts = json::array();
  for (const auto& r : v.contacts) contacts.push_back(ContactJson(ctx, commands_, r, Side::kInitiator));
  std::string initiative_path = base.substr(std::string("/vraag-en-aanbod").size());
  json data = {{"title_text", v.initiative.compass.title},
               {"needs", needs},
               {"has_needs", !needs.empty()},
               {"contacts", contacts},
               {"has_contacts", !contacts.empty()},
               {"closed", v.closed},
               {"not_public", !v.is_public},
               {"initiative_path", initiative_path},
               {"base", base}};
  NeedForm(ctx, in, until, errors, data);
  return web_.Render(ctx, "offers/initiator.html", "offers.initiator.title", data, status);
}

Result<http::Response> InitiatorPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
  return ShowPage(ctx, view, NeedInput{}, "", {}, 200);
}

Result<http::Response> InitiatorPages::After(Context& ctx, const Error* error, const char* flash_key) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  if (error) {
    if (!error->has_fields()) return *error;
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
    return ShowPage(ctx, view, NeedInput{}, "", error->fields, StatusFor(*error));
  }
  return web_.Redirect(ctx, InitiatorBase(key), web::Flash{"success", flash_key});
}

Result<http::Response> InitiatorPages::AddNeed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  NeedInput in = ReadNeed(ctx);
  std::string until = ctx.form.Get("until");
  auto added = ParseKind(ctx.form.Get("kind"))
                   ? commands_.AddNeed(key, in, until)
                   : Result<int64_t>(FormInvalid({{"kind", kUnknownChoice}}));
  if (!added.has_value()) {
    if (!added.error().has_fields()) return added.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
    return ShowPage(ctx, view, in, until, added.error().fields, 422);
  }
  return web_.Redirect(ctx, InitiatorBase(key), web::Flash{"success", "offers.need.added"});
}

http::Response InitiatorPages::ShowEdit(Context& ctx, int64_t need_id, const NeedInput& in, const std::string& until,
                                        std::vector<FieldError> errors) {
  std::string base = InitiatorBase(*InitiatorKeyOf(ctx));
  json data = {{"action", base + "/vraag/" + std::to_string(need_id)}, {"back", base}};
  NeedForm(ctx, in, until, errors, data);
  return web_.Render(ctx, "offers/need_edit.html", "offers.need.edit_title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> InitiatorPages::EditNeed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t need_id, ctx.IdParam("need"));
  WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
  for (const auto& n : view.needs) {
    if (n.id != need_id) continue;
    std::string until = n.until ? time::LastDayInputValue(commands_.zone(), *n.until) : "";
    return ShowEdit(ctx, n.id, n.what, until, {});
  }
  return NotFound("no such need", "offers.need.unknown");
}

Result<http::Response> InitiatorPages::SaveNeed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t need_id, ctx.IdParam("need"));
  NeedInput in = ReadNeed(ctx);
  std::string until = ctx.form.Get("until");
  auto saved = ParseKind(ctx.form.Get("kind")) ? commands_.EditNeed(key, need_id, in, until)
                                               : Result<void>(FormInvalid({{"kind", kUnknownChoice}}));
  if (!saved.has_value()) {
    if (!saved.error().has_fields()) return saved.error();
    return ShowEdit(ctx, need_id, in, until, saved.error().fields);
  }
  return web_.Redirect(ctx, InitiatorBase(key), web::Flash{"success", "offers.need.saved"});
}

Result<http::Response> InitiatorPages::CloseNeed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t need_id, ctx.IdParam("need"));
  auto done = commands_.CloseNeed(key, need_id);
  return After(ctx, done.has_value() ? nullptr : &done.error(), "offers.need.closed_done");
}

Result<http::Response> InitiatorPages::Ask(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t need_id, ctx.IdParam("need"));
  WP_ASSIGN_OR_RETURN(int64_t offer_id, ctx.IdParam("offer"));
  auto asked = commands_.AskOfferer(key, need_id, offer_id, ctx.form.Get("message"));
  return After(ctx, asked.has_value() ? nullptr : &asked.error(), "offers.contact.asked");
}

}  // namespace wp::offers
