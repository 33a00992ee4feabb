#include "features/initiatives/resident_pages.h"

#include <algorithm>

#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/initiatives/files_view.h"
#include "features/initiatives/initiative_view.h"
#include "features/initiatives/subsidy_view.h"

namespace wp::initiatives {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

}  // namespace

Result<InitiatorKey> InitiatorKeyOf(const Context& ctx) {
  InitiatorKey key;
  key.token = std::string(ctx.Param("token"));
  if (key.token.empty()) {
    WP_ASSIGN_OR_RETURN(key.id, ctx.IdParam("id"));
    key.user = ctx.user;
  }
  return key;
}

std::string InitiatorBase(const InitiatorKey& key) {
  return key.token.empty() ? "/initiatieven/mijn/" + std::to_string(key.id) : "/initiatieven/volg/" + key.token;
}

Compass ReadCompass(const Context& ctx) {
  Compass c;
  c.title = ctx.form.Get("title");
  c.what = ctx.form.Get("what");
  c.neighbourhood_code = ctx.form.Get("neighbourhood");
  c.place = ctx.form.Get("place");
  c.when = ctx.form.Get("when");
  c.helpers = ctx.form.Get("helpers");
  for (const auto& n : ctx.form.GetAll("needs")) {
    if (auto need = ParseNeed(n)) c.needs.push_back(*need);
  }
  c.needs = ParseNeeds(NeedsText(c.needs));
  c.needs_detail = ctx.form.Get("needs_detail");
  c.initiator_name = ctx.form.Get("initiator_name");
  c.is_public = ctx.form.Get("is_public") == "ja";
  c.show_name = ctx.form.Get("show_name") == "ja";
  c.link_platform = ctx.form.Get("link_platform") == "ja";
  return c;
}

http::Response ResidentPages::ShowForm(Context& ctx, const NewInitiative& in, const std::string& action,
                                       std::vector<FieldError> errors, bool is_draft, const json& extra) {
  const Compass& c = in.compass;
  FormView form(ctx, errors);
  form.Field({.name = "title",
              .label_key = "initiatives.form.title",
              .value = c.title,
              .description_key = "initiatives.form.title_hint"});
  form.Field({.name = "what",
              .label_key = "initiatives.form.what",
              .value = c.what,
              .description_key = "initiatives.form.what_hint",
              .textarea = true});
  form.Label("neighbourhood", "initiatives.form.neighbourhood");
  form.Field({.name = "place",
              .label_key = "initiatives.form.place",
              .value = c.place,
              .description_key = "initiatives.form.place_hint",
              .required = false});
  form.Field({.name = "when",
              .label_key = "initiatives.form.when",
              .value = c.when,
              .description_key = "initiatives.form.when_hint"});
  form.Field({.name = "helpers",
              .label_key = "initiatives.form.helpers",
              .value = c.helpers,
              .description_key = "initiatives.form.helpers_hint",
              .textarea = true,
              .rows = 3});
  form.Label("needs", "initiatives.form.needs");
  form.Field({.name = "needs_detail",
              .label_key = "initiatives.form.needs_detail",
              .value = c.needs_detail,
              .description_key = "initiatives.form.needs_detail_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Field({.name = "initiator_name",
              .label_key = "initiatives.form.initiator_name",
              .value = c.initiator_name,
              .autocomplete = "name",
              .description_key = "initiatives.form.initiator_name_hint"});
  bool ask_email = !ctx.signed_in() && !is_draft;
  if (ask_email) {
    form.Field({.name = "email",
                .label_key = "initiatives.form.email",
                .type = "email",
                .value = in.email,
                .autocomplete = "email",
                .description_key = "initiatives.form.email_hint"});
  }
  form.Label("status", "initiatives.form.heading");
  form.Label("files", "initiatives.files.field");
  json needs = json::array();
  for (Need n : kAllNeeds) {
    std::string name(NeedName(n));
    needs.push_back({{"value", name},
                     {"label", ctx.T("initiatives.need." + name)},
                     {"checked", std::find(c.needs.begin(), c.needs.end(), n) != c.needs.end()}});
  }
  json data = {{"action", action},
               {"needs", needs},
               {"neighbourhoods", NeighbourhoodGroups(*commands_.geography().current(), c.neighbourhood_code)},
               {"neighbourhood_error", form.ErrorFor("neighbourhood")},
               {"needs_error", form.ErrorFor("needs")},
               {"is_public", c.is_public},
               {"show_name", c.show_name},
               {"link_platform", c.link_platform},
               {"ask_email", ask_email},
               {"is_draft", is_draft}};
  if (!is_draft) {
    data["breadcrumb"] = web::Breadcrumb(
        {{ctx.T("initiatives.nav.initiatives"), "/initiatieven"}, {ctx.T("initiatives.form.heading"), ""}});
  }
  if (extra.is_object()) data.update(extra);
  form.AppendTo(data);
  return web_.Render(ctx, "initiatives/form.html", "initiatives.form.heading", data, errors.empty() ? 200 : 422);
}

json ResidentPages::FilesSection(const Context& ctx, const InitiatorView& v, const std::string& base,
                                 const std::vector<FieldError>& errors, bool can_upload) const {
  json out = FilesJson(ctx, v.files, v.initiative.compass.title, base + "/bestand", can_upload ? base + "/bestand" : "");
  if (can_upload) out.update(UploadJson(ctx, FormView(ctx, errors).ErrorFor("files")));
  out["show_files"] = true;
  out["base"] = base;
  return out;
}

Result<http::Response> ResidentPages::NewForm(Context& ctx) {
  return ShowForm(ctx, NewInitiative{}, "/initiatieven/nieuw", {}, false);
}

Result<http::Response> ResidentPages::Create(Context& ctx) {
  NewInitiative in;
  in.compass = ReadCompass(ctx);
  in.email = ctx.form.Get("email");
  in.locale = ctx.locale;
  in.submit = ctx.form.Get("submit") == "ja";
  auto created = commands_.Create(in, ctx.user);
  if (!created.has_value()) {
    if (created.error().has_fields()) return ShowForm(ctx, in, "/initiatieven/nieuw", created.error().fields, false);
    return created.error();
  }
  json data = {{"number", InitiativeNumber(created->id)},
               {"submitted", created->submitted},
               {"mail_sent", created->mail_sent},
               {"path", "/initiatieven/volg/" + created->follow_token},
               {"link", commands_.settings().base_url + "/initiatieven/volg/" + created->follow_token}};
  return web_.Render(ctx, "initiatives/receipt.html", "initiatives.receipt.title", data);
}

Result<http::Response> ResidentPages::Mine(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto mine, commands_.OfUser(*ctx.user));
  json cards = json::array();
  for (const auto& i : mine) {
    cards.push_back(web::Card({.title = i.compass.title,
                               .href = "/initiatieven/mijn/" + std::to_string(i.id),
                               .meta = InitiativeNumber(i.id),
                               .badge = StatusBadgeFor(ctx, i),
                               .heading_level = 2}));
  }
  json data = {
      {"cards", cards},
      {"empty", cards.empty() ? web::EmptyState(ctx.T("initiatives.mine.empty"),
                                                web::ActionLink(ctx.T("initiatives.overview.start"),
                                                                "/initiatieven/nieuw", web::ActionKind::kPrimary))
                              : json(nullptr)}};
  return web_.Render(ctx, "initiatives/mine.html", "initiatives.mine.title", data);
}

http::Response ResidentPages::ShowInitiator(Context& ctx, const InitiatorView& v, std::vector<FieldError> errors) {
  const Initiative& i = v.initiative;
  InitiatorKey key = *InitiatorKeyOf(ctx);
  std::string base = InitiatorBase(key);
  if (i.status == InitiativeStatus::kDraft) {
    return ShowForm(ctx, NewInitiative{i.compass, i.email, i.locale, false}, base + "/concept", errors, true,
                    FilesSection(ctx, v, base, errors, true));
  }
  const time::TimeZone& zone = commands_.zone();
  FormView form(ctx, errors);
  form.Field({.name = "text",
              .label_key = "initiatives.follow.update_text",
              .description_key = "initiatives.follow.update_hint",
              .textarea = true,
              .rows = 4});
  form.Label("status", "initiatives.follow.title");
  AddInitiatorSubsidyFields(form, ctx);
  form.Label("files", "initiatives.files.field");
  json conditions = ConditionsJson(ctx, v.conditions);
  bool open = !IsClosed(i.status, i.answer);
  for (auto& x : conditions) {
    x["can_meet"] = open && x["own"].get<bool>() && x["open"].get<bool>();
    x["action"] = base + "/voorwaarde/" + std::to_string(x["id"].get<int64_t>());
  }
  json data = HeaderJson(ctx, zone, i, v.clock);
  data.update(FilesSection(ctx, v, base, errors, open));
  data.update(
      {{"contact", i.contact_name},
       {"answer", AnswerJson(ctx, i)},
       {"conditions", conditions},
       {"has_conditions", !v.conditions.empty()},
       {"open_tasks", v.open_tasks > 0
                          ? ctx.T("initiatives.follow.open_tasks", {{"count", static_cast<int64_t>(v.open_tasks)}})
                          : ""},
       {"platform", v.platform_name},
       {"place", PlaceName(*commands_.geography().current(), i.compass.neighbourhood_code)},
       {"needs", NeedsLabel(ctx, i.compass.needs)},
       {"what", i.compass.what},
       {"when", i.compass.when},
       {"is_public", i.compass.is_public},
       {"public_path", "/initiatieven/" + std::to_string(i.id)},
       {"email_unconfirmed", !i.email.empty() && !i.email_verified},
       {"history", HistoryJson(ctx, zone, v.history, false)},
       {"can_start", !CheckTransition(i.status, i.answer, InitiativeStatus::kInProgress, Actor::kInitiator)},
       {"can_finish", !CheckTransition(i.status, i.answer, InitiativeStatus::kDone, Actor::kInitiator)},
       {"can_update", open && (i.status == InitiativeStatus::kAnswered || i.status == InitiativeStatus::kInProgress)},
       {"can_withdraw", !CheckTransition(i.status, i.answer, InitiativeStatus::kWithdrawn, Actor::kInitiator)},
       {"base", base},
       {"needs_link", open},
       {"show_subsidy", v.may_apply || !v.subsidies.empty()},
       {"subsidies", SubsidiesJson(ctx, zone, v.subsidies, base, SubsidyViewer::kInitiator)},
       {"can_apply", v.may_apply},
       {"subsidy_intro", ctx.T("initiatives.subsidy.intro",
                               {{"max", commands_.settings().subsidy_limits.per_initiative},
                                {"left", v.subsidy_left < Money{} ? Money{} : v.subsidy_left}})}});
  form.AppendTo(data);
  return web_.Render(ctx, "initiatives/initiator.html", "initiatives.follow.title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> ResidentPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
  return ShowInitiator(ctx, view, {});
}

Result<http::Response> ResidentPages::After(Context& ctx, const Result<void>& done, const char* flash_key) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  if (!done.has_value()) {
    if (!done.error().has_fields()) return done.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
    return ShowInitiator(ctx, view, done.error().fields);
  }
  return web_.Redirect(ctx, InitiatorBase(key), web::Flash{"success", flash_key});
}

Result<http::Response> ResidentPages::SaveDraft(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  bool submit = ctx.form.Get("submit") == "ja";
  auto done = commands_.SaveDraft(key, ReadCompass(ctx), submit);
  if (!done.has_value() && done.error().has_fields()) {
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForInitiator(key));
    NewInitiative in{ReadCompass(ctx), view.initiative.email, ctx.locale, submit};
    std::string base = InitiatorBase(key);
    return ShowForm(ctx, in, base + "/concept", done.error().fields, true,
                    FilesSection(ctx, view, base, done.error().fields, true));
  }
  return After(ctx, done, submit ? "initiatives.follow.submitted" : "initiatives.follow.saved");
}

Result<http::Response> ResidentPages::FromPlan(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t plan, ctx.IdParam("plan"));
  WP_ASSIGN_OR_RETURN(int64_t id, commands_.FromPlan(*ctx.user, plan));
  return web_.Redirect(ctx, "/initiatieven/mijn/" + std::to_string(id),
                       web::Flash{"success", "initiatives.from_plan.done"});
}

Result<http::Response> ResidentPages::Withdraw(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  return After(ctx, commands_.Withdraw(key), "initiatives.follow.withdrawn");
}

Result<http::Response> ResidentPages::Progress(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  auto to = ParseStatus(ctx.form.Get("status"));
  if (!to) return After(ctx, FormInvalid({{"status", kUnknownChoice}}), "");
  return After(ctx, commands_.MarkProgress(key, *to), "initiatives.follow.progress_done");
}

Result<http::Response> ResidentPages::PostUpdate(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  return After(ctx, commands_.PostUpdate(key, ctx.form.Get("text")), "initiatives.follow.update_done");
}

Result<http::Response> ResidentPages::ConditionMet(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t condition, ctx.IdParam("condition"));
  auto to = ParseConditionStatus(ctx.form.Get("status"));
  if (!to) return After(ctx, FormInvalid({{"status", kUnknownChoice}}), "");
  return After(ctx, commands_.SetConditionByInitiator(key, condition, *to), "initiatives.follow.condition_done");
}

}  // namespace wp::initiatives
