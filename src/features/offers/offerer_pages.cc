#include "features/offers/offerer_pages.h"

#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/offers/offer_view.h"
#include "features/offers/permissions.h"

namespace wp::offers {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

const char* const kBase = "/vraag-en-aanbod/aanbod/beheer/";

int StatusFor(const Error& e) { return e.code == ErrorCode::kRateLimited ? 429 : 422; }

}  // namespace

http::Response OffererPages::ShowForm(Context& ctx, const OfferInput& in, const std::string& until,
                                      std::vector<FieldError> errors, int status) {
  FormView form(ctx, errors);
  form.Label("form", "offers.offer.form_title");
  form.Label("kind", "offers.offer.kind");
  form.Field({.name = "text",
              .label_key = "offers.offer.text",
              .value = in.text,
              .description_key = "offers.offer.text_hint",
              .textarea = true,
              .rows = 3});
  form.Label("themes", "offers.form.themes");
  form.Label("district", "offers.offer.district");
  form.Field({.name = "until",
              .label_key = "offers.form.until",
              .type = "date",
              .value = until,
              .description_key = "offers.form.until_hint",
              .required = false});
  form.Field({.name = "name",
              .label_key = "offers.offer.name",
              .value = in.name,
              .autocomplete = "name",
              .description_key = "offers.offer.name_hint"});
  form.Label("type", "offers.offer.type");
  bool ask_email = !ctx.signed_in();
  if (ask_email) {
    form.Field({.name = "email",
                .label_key = "offers.offer.email",
                .type = "email",
                .value = in.email,
                .autocomplete = "email",
                .description_key = "offers.offer.email_hint"});
  }
  json types = json::array();
  for (OffererType t : kAllOffererTypes) {
    std::string name(OffererTypeName(t));
    types.push_back({{"value", name}, {"label", ctx.T("offers.offerer." + name)}, {"checked", in.type == t}});
  }
  json data = {{"kinds", KindOptions(ctx, in.kind)},
               {"themes", ThemeChecks(ctx, in.themes)},
               {"districts", DistrictOptions(*commands_.geography().current(), in.district_code)},
               {"types", types},
               {"kind_error", form.ErrorFor("kind")},
               {"themes_error", form.ErrorFor("themes")},
               {"district_error", form.ErrorFor("district")},
               {"type_error", form.ErrorFor("type")},
               {"city", commands_.geography().current()->name},
               {"breadcrumb", web::Breadcrumb({{ctx.T("offers.nav.board"), "/vraag-en-aanbod"},
                                               {ctx.T("offers.offer.form_title"), ""}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "offers/offer_form.html", "offers.offer.form_title", data, status);
}

Result<http::Response> OffererPages::NewForm(Context& ctx) { return ShowForm(ctx, OfferInput{}, "", {}, 200); }

Result<http::Response> OffererPages::Create(Context& ctx) {
  OfferInput in;
  auto kind = ParseKind(ctx.form.Get("kind"));
  auto type = ParseOffererType(ctx.form.Get("type"));
  in.kind = kind.value_or(Kind::kVolunteers);
  in.type = type.value_or(OffererType::kResident);
  in.text = ctx.form.Get("text");
  in.themes = ReadThemes(ctx);
  in.district_code = ctx.form.Get("district");
  in.name = ctx.form.Get("name");
  in.email = ctx.form.Get("email");
  std::string until = ctx.form.Get("until");
  if (!kind || !type) {
    std::vector<FieldError> errors;
    if (!kind) errors.push_back({"kind", kUnknownChoice});
    if (!type) errors.push_back({"type", kUnknownChoice});
    return ShowForm(ctx, in, until, errors, 422);
  }
  auto created = commands_.CreateOffer(in, until, ctx.locale, ctx.user);
  if (!created.has_value()) {
    if (created.error().has_fields()) return ShowForm(ctx, in, until, created.error().fields, StatusFor(created.error()));
    return created.error();
  }
  json data = {{"confirmed", created->confirmed},
               {"path", kBase + created->manage_token},
               {"link", commands_.settings().base_url + kBase + created->manage_token}};
  return web_.Render(ctx, "offers/offer_receipt.html", "offers.receipt.title", data);
}

http::Response OffererPages::ShowOfferer(Context& ctx, const OffererView& v, std::vector<FieldError> errors,
                                         int status) {
  std::string base = kBase + std::string(ctx.Param("token"));
  int64_t now = commands_.Now();
  json needs = json::array();
  for (const auto& s : v.suggestions) {
    json n = NeedJson(ctx, commands_, *s.need);
    n["initiative"] = s.initiative_title;
    n["initiative_path"] = "/vraag-en-aanbod/initiatief/" + std::to_string(s.need->initiative_id);
    n["why"] = MatchLabel(ctx, s.ranked.match);
    n["pending"] = s.pending;
    n["action"] = base + "/contact/" + std::to_string(s.need->id);
    n["field"] = "m-" + std::to_string(s.need->id);
    needs.push_back(std::move(n));
  }
  json contacts = json::array();
  for (size_t k = 0; k < v.contacts.size(); ++k) {
    json c = ContactJson(ctx, commands_, v.contacts[k], Side::kOfferer);
    c["about"] = v.need_texts[k];
    contacts.push_back(std::move(c));
  }
  std::string state = v.offer.withdrawn ? "withdrawn" : !v.offer.confirmed ? "unconfirmed"
                                                       : IsOfferPublic(v.offer, now) ? "public" : "expired";
  web::Tone tone = state == "public" ? web::Tone::kSuccess : state == "unconfirmed" ? web::Tone::kWarning
                                                                                    : web::Tone::kNeutral;
  FormView form(ctx, errors);
  form.Label("contact", "offers.contact.title");
  form.Label("message", "offers.contact.message");
  json data = {{"offer", OfferJson(ctx, commands_, v.offer)},
               {"state", web::StatusBadge(ctx.T("offers.offer.state." + state), tone)},
               {"unconfirmed", state == "unconfirmed"},
               {"public", state == "public"},
               {"needs", needs},
               {"has_needs", !needs.empty()},
               {"contacts", contacts},
               {"has_contacts", !contacts.empty()},
               {"can_withdraw", !v.offer.withdrawn},
               {"base", base}};
  form.AppendTo(data);
  return web_.Render(ctx, "offers/offerer.html", "offers.offerer.title", data, status);
}

Result<http::Response> OffererPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto view, commands_.ForOfferer(std::string(ctx.Param("token"))));
  return ShowOfferer(ctx, view, {}, 200);
}

Result<http::Response> OffererPages::Withdraw(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_TRY_VOID(commands_.WithdrawOffer(token));
  return web_.Redirect(ctx, kBase + token, web::Flash{"success", "offers.offer.withdrawn"});
}

Result<http::Response> OffererPages::Ask(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(int64_t need_id, ctx.IdParam("need"));
  auto asked = commands_.AskInitiator(token, need_id, ctx.form.Get("message"));
  if (!asked.has_value()) {
    if (!asked.error().has_fields()) return asked.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForOfferer(token));
    return ShowOfferer(ctx, view, asked.error().fields, StatusFor(asked.error()));
  }
  return web_.Redirect(ctx, kBase + token, web::Flash{"success", "offers.contact.asked"});
}

Result<http::Response> OffererPages::Contact(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(auto v, commands_.Contact(token));
  bool waiting = v.request.state == ContactState::kAsked && !v.expired;
  std::string state = v.expired ? "expired" : std::string(ContactStateName(v.request.state));
  std::string who = v.request.asked_by == Side::kInitiator
                        ? ctx.T("offers.contact.from_initiative", {{"title", v.initiative_title}})
                        : ctx.T("offers.contact.from_offerer",
                                {{"name", v.offer.what.name},
                                 {"type", ctx.T("offers.offerer." + std::string(OffererTypeName(v.offer.what.type)))}});
  json data = {{"who", who},
               {"message", v.request.message},
               {"need", NeedJson(ctx, commands_, v.need)},
               {"offer", OfferJson(ctx, commands_, v.offer)},
               {"waiting", waiting},
               {"state", web::StatusBadge(ctx.T("offers.contact.state." + state), web::Tone::kInfo)},
               {"accept", "/vraag-en-aanbod/contact/" + token + "/ja"},
               {"decline", "/vraag-en-aanbod/contact/" + token + "/nee"}};
  return web_.Render(ctx, "offers/contact.html", "offers.contact.title", data);
}

Result<http::Response> OffererPages::AnswerWith(Context& ctx, bool accept) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] ContactState state, commands_.Answer(token, accept));
  return web_.Redirect(ctx, "/vraag-en-aanbod/contact/" + token,
                       web::Flash{"success", accept ? "offers.contact.accepted" : "offers.contact.declined"});
}

Result<http::Response> OffererPages::Accept(Context& ctx) { return AnswerWith(ctx, true); }
Result<http::Response> OffererPages::Decline(Context& ctx) { return AnswerWith(ctx, false); }

}  // namespace wp::offers
