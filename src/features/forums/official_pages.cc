#include "features/forums/official_pages.h"

#include <algorithm>

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/forums/forum_view.h"

namespace wp::forums {

namespace {

using nlohmann::json;
using web::Context;

int IntOf(const std::string& s) {
  auto v = ParseId(s);
  return v && *v < 1000000 ? static_cast<int>(*v) : 0;
}

int CurrentCount(const std::vector<Member>& members) {
  return static_cast<int>(std::count_if(members.begin(), members.end(), [](const Member& m) { return !m.left_at; }));
}

json DistrictOptions(ForumCommands& commands, const std::string& chosen) {
  json out = json::array();
  auto m = commands.geography().current();
  for (const auto& d : m->districts) {
    out.push_back(
        {{"value", d.code.str()}, {"label", d.name + " (" + d.borough + ")"}, {"selected", d.code.str() == chosen}});
  }
  return out;
}

json MemberRows(const Context& ctx, const ForumCommands& commands, const std::vector<Member>& members) {
  json out = json::array();
  for (const auto& m : members) {
    if (m.left_at) continue;
    out.push_back({{"id", m.public_id},
                   {"name", m.name},
                   {"email", m.email},
                   {"until", time::FormatDate(commands.zone(), m.term_ends_at, ctx.locale)}});
  }
  return out;
}

}  // namespace

void AddSampleFields(web::FormView& form, const Context& ctx) {
  form.Label("adressen", "forums.field.addresses");
  form.Field({.name = "sample_seed",
              .label_key = "forums.field.sample_seed",
              .value = ctx.form.Get("sample_seed"),
              .description_key = "forums.field.seed_hint"});
  form.Field({.name = "sample_size",
              .label_key = "forums.field.sample_size",
              .type = "number",
              .value = ctx.form.Get("sample_size"),
              .inputmode = "numeric"});
}

Result<http::Response> OfficialPages::Overview(Context& ctx) {
  if (!IsOrganiser(*ctx.user)) return Forbidden("not an organiser", "forums.error.forbidden");
  WP_ASSIGN_OR_RETURN(auto forums, commands_.Forums());
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& f : forums) {
    if (!MayOrganise(*ctx.user, f.borough)) continue;
    rows.push_back({{f.setup.name, ManagePath(f), false, ""},
                    {ctx.T("forums.kind." + std::string(KindName(f.setup.kind))), "", false, ""},
                    {f.district_name, "", false, ""}});
  }
  json data = {
      {"new",
       web::ActionLink(ctx.T("forums.official.new"), std::string(kOfficialPath) + "/nieuw", web::ActionKind::kPrimary)},
      {"table",
       web::Table(ctx.T("forums.official.caption"),
                  {ctx.T("forums.field.name"), ctx.T("forums.field.kind"), ctx.T("forums.field.district")}, rows)},
      {"breadcrumb", web::Breadcrumb({{ctx.T("forums.official.title"), std::string(kOfficialPath)}})}};
  return web_.Render(ctx, "forums/official.html", "forums.official.title", data);
}

Result<http::Response> OfficialPages::ShowNew(Context& ctx, const ForumSetup& s, const std::string& until,
                                              const Error* error) {
  if (!IsOrganiser(*ctx.user)) return Forbidden("not an organiser", "forums.error.forbidden");
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "name", .label_key = "forums.field.name", .value = s.name});
  form.Field({.name = "purpose",
              .label_key = "forums.field.purpose",
              .value = s.purpose,
              .description_key = "forums.field.purpose_hint",
              .textarea = true,
              .rows = 4});
  form.Label("district", "forums.field.district");
  form.Label("kind", "forums.field.kind");
  form.Field({.name = "seats",
              .label_key = "forums.field.seats",
              .type = "number",
              .value = s.seats > 0 ? std::to_string(s.seats) : "",
              .inputmode = "numeric"});
  form.Field({.name = "term_months",
              .label_key = "forums.field.term_months",
              .type = "number",
              .value = s.term_months > 0 ? std::to_string(s.term_months) : "24",
              .description_key = "forums.field.term_hint",
              .inputmode = "numeric"});
  form.Field({.name = "register_until", .label_key = "forums.field.register_until", .type = "date", .value = until});
  form.Field({.name = "appeal_days",
              .label_key = "forums.field.appeal_days",
              .type = "number",
              .value = std::to_string(s.appeal_days),
              .description_key = "forums.field.appeal_hint",
              .inputmode = "numeric"});
  form.Field({.name = "quotas",
              .label_key = "forums.field.quotas",
              .value = s.quotas_csv,
              .description_key = "forums.field.quotas_hint",
              .textarea = true,
              .rows = 10});
  json kinds = json::array();
  for (Kind k : {Kind::kForum, Kind::kPanel}) {
    std::string name(KindName(k));
    kinds.push_back({{"value", name}, {"label", ctx.T("forums.kind." + name)}, {"selected", k == s.kind}});
  }
  json data = {
      {"districts", DistrictOptions(commands_, s.district_code)},
      {"district_error", form.ErrorFor("district")},
      {"kinds", kinds},
      {"propose_seats", s.seats > 0 ? std::to_string(s.seats) : "7"},
      {"proposed", !s.quotas_csv.empty()},
      {"action", std::string(kOfficialPath) + "/nieuw"},
      {"breadcrumb", web::Breadcrumb({{ctx.T("forums.official.title"), std::string(kOfficialPath)},
                                      {ctx.T("forums.official.new"), std::string(kOfficialPath) + "/nieuw"}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "forums/new_forum.html", "forums.official.new", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::NewForm(Context& ctx) {
  ForumSetup s;
  s.district_code = ctx.Query("wijk").value_or("");
  s.seats = IntOf(ctx.Query("zetels").value_or(""));
  s.term_months = kMaxTermMonths;
  if (!s.district_code.empty() && s.seats > 0) s.quotas_csv = commands_.ProposeQuotas(s.district_code, s.seats);
  return ShowNew(ctx, s, "", nullptr);
}

Result<http::Response> OfficialPages::Create(Context& ctx) {
  const auto& f = ctx.form;
  ForumSetup s;
  s.kind = ParseKind(f.Get("kind")).value_or(Kind::kForum);
  s.name = f.Get("name");
  s.district_code = f.Get("district");
  s.purpose = f.Get("purpose");
  s.seats = IntOf(f.Get("seats"));
  s.term_months = IntOf(f.Get("term_months"));
  s.appeal_days = f.Get("appeal_days").empty() ? -1 : IntOf(f.Get("appeal_days"));
  s.quotas_csv = f.Get("quotas");
  std::string until = f.Get("register_until");
  auto date = time::ParseDateInput(until);
  s.register_until = date ? time::EndOfDay(commands_.zone(), *date) : 0;
  auto created = commands_.Create(*ctx.user, s);
  if (!created.has_value()) {
    if (created.error().has_fields()) return ShowNew(ctx, s, until, &created.error());
    return created.error();
  }
  return web_.Redirect(ctx, ManagePath(*created), web::Flash{"success", "forums.official.created"});
}

Result<http::Response> OfficialPages::ShowManage(Context& ctx, const Forum& f, const Error* error) {
  WP_ASSIGN_OR_RETURN(Response response, commands_.ResponseRate(f));
  WP_ASSIGN_OR_RETURN(auto draws, commands_.Draws(f));
  WP_ASSIGN_OR_RETURN(auto members, commands_.Members(f));
  WP_ASSIGN_OR_RETURN(auto history, commands_.History(f));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddSampleFields(form, ctx);
  form.Field({.name = "seed",
              .label_key = "forums.field.seed",
              .value = ctx.form.Get("seed"),
              .description_key = "forums.field.seed_hint"});
  form.Field({.name = "dropouts",
              .label_key = "forums.field.dropouts",
              .value = ctx.form.Get("dropouts"),
              .description_key = "forums.field.dropouts_hint"});
  bool drawn = std::any_of(draws.begin(), draws.end(),
                           [](const struct Draw& d) { return d.kind == "draw" && d.status != DrawStatus::kFailed; });
  bool open = commands_.Now() < f.setup.register_until;
  json member_rows = MemberRows(ctx, commands_, members);
  json refill_short = json::array();
  if (drawn && CurrentCount(members) < f.setup.seats) {
    WP_ASSIGN_OR_RETURN(auto shortfalls, commands_.RefillShortfalls(f));
    for (const auto& s : shortfalls) {
      i18n::Args args;
      for (const auto& [name, value] : ShortfallArgs(s)) {
        if (const auto* n = std::get_if<int64_t>(&value)) args.push_back({name, *n});
        if (const auto* t = std::get_if<std::string>(&value)) args.push_back({name, *t});
      }
      refill_short.push_back(ctx.T(ShortfallKey(s), args));
    }
  }
  json data = {
      {"title", f.setup.name},
      {"facts", ForumFacts(ctx, commands_, f)},
      {"public_href", ForumPath(f)},
      {"invited", f.invited_at.has_value()},
      {"invite_action", ManagePath(f) + "/uitnodigen"},
      {"adressen_error", form.ErrorFor("adressen")},
      {"letters_href", ManagePath(f) + "/brieven.pdf"},
      {"response", ctx.T("forums.response.line",
                         {{"invited", int64_t{response.invited}}, {"registered", int64_t{response.registered}}})},
      {"quotas", QuotasTable(ctx, f, &response)},
      {"can_draw", f.invited_at.has_value() && !drawn && !open},
      {"still_open", f.invited_at.has_value() && open},
      {"draw_action", ManagePath(f) + "/loten"},
      {"close_action", ManagePath(f) + "/sluiten"},
      {"members", member_rows},
      {"has_members", !member_rows.empty()},
      {"replace_action", ManagePath(f) + "/vervangen"},
      {"refill_action", ManagePath(f) + "/aanvullen"},
      {"can_refill", drawn && CurrentCount(members) < f.setup.seats},
      {"refill_short", refill_short},
      {"has_refill_short", !refill_short.empty()},
      {"can_round", drawn && CurrentCount(members) < f.setup.seats},
      {"round_href", ManagePath(f) + "/nieuwe-ronde"},
      {"can_second", drawn && CurrentCount(members) >= f.setup.seats},
      {"second_href", ManagePath(f) + "/tweede-loting"},
      {"has_draws", !draws.empty()},
      {"draws", DrawsTable(ctx, f, draws)},
      {"history", HistoryList(ctx, commands_, history)},
      {"breadcrumb",
       web::Breadcrumb({{ctx.T("forums.official.title"), std::string(kOfficialPath)}, {f.setup.name, ManagePath(f)}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "forums/manage.html", "forums.official.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::Manage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  return ShowManage(ctx, f, nullptr);
}

Result<http::Response> OfficialPages::Invite(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  const http::UploadedFile* file = ctx.form.File("adressen");
  if (!file || file->data.empty()) {
    Error missing = FormInvalid({{"adressen", "forums.error.no_file", {}}});
    return ShowManage(ctx, f, &missing);
  }
  auto invited =
      commands_.Invite(*ctx.user, f, file->data, ctx.form.Get("sample_seed"), IntOf(ctx.form.Get("sample_size")));
  if (!invited.has_value()) {
    if (invited.error().has_fields()) return ShowManage(ctx, f, &invited.error());
    return invited.error();
  }
  return web_.Redirect(ctx, ManagePath(f), web::Flash{"success", "forums.official.invited"});
}

Result<http::Response> OfficialPages::Letters(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  if (!f.invited_at) return NotFound("not invited yet", "forums.error.not_invited");
  WP_ASSIGN_OR_RETURN(std::string pdf, commands_.LettersPdf(f, web_.catalog(), ctx.locale));
  http::Response resp;
  resp.body = std::move(pdf);
  resp.headers.Set("Content-Type", "application/pdf");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"brieven-" + f.slug + ".pdf\"");
  return resp;
}

Result<http::Response> OfficialPages::Close(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  WP_TRY_VOID(commands_.CloseRegistration(*ctx.user, f));
  return web_.Redirect(ctx, ManagePath(f), web::Flash{"success", "forums.official.closed"});
}

Result<http::Response> OfficialPages::Draw(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  auto id = commands_.StartDraw(*ctx.user, f, std::string(Trim(ctx.form.Get("seed"))));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowManage(ctx, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, DrawPath(f, *id), web::Flash{"success", "forums.official.draw_started"});
}

Result<http::Response> OfficialPages::Replace(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  std::vector<std::string> ids;
  const std::string typed = ctx.form.Get("dropouts");
  for (auto part : Split(typed, ',')) {
    if (!Trim(part).empty()) ids.emplace_back(Trim(part));
  }
  auto done = commands_.StartReplacement(*ctx.user, f, ids, std::string(Trim(ctx.form.Get("seed"))));
  if (!done.has_value()) {
    if (done.error().has_fields()) return ShowManage(ctx, f, &done.error());
    return done.error();
  }
  if (done->draw_id) {
    return web_.Redirect(ctx, DrawPath(f, *done->draw_id),
                         web::Flash{"success", "forums.official.replacement_started"});
  }
  return web_.Redirect(ctx, ManagePath(f), web::Flash{"success", "forums.official.reserve_taken"});
}

Result<http::Response> OfficialPages::Refill(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  auto taken = commands_.Refill(*ctx.user, f);
  if (!taken.has_value()) {
    if (taken.error().has_fields()) return ShowManage(ctx, f, &taken.error());
    return taken.error();
  }
  return web_.Redirect(ctx, ManagePath(f), web::Flash{"success", "forums.official.refilled"});
}

Result<http::Response> OfficialPages::ShowSecond(Context& ctx, const Forum& f, const SecondDrawForm& in,
                                                 const Error* error) {
  WP_ASSIGN_OR_RETURN(auto rows, commands_.Composition(f));
  std::vector<std::vector<web::Cell>> cells;
  for (const auto& r : rows) {
    cells.push_back({{r.feature, "", false, ""},
                     {std::to_string(r.target_min) + "–" + std::to_string(r.target_max), "", true, ""},
                     {std::to_string(r.held), "", true, ""},
                     {std::to_string(r.available), "", true, ""}});
  }
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "extra",
              .label_key = "forums.field.extra",
              .type = "number",
              .value = in.extra > 0 ? std::to_string(in.extra) : "",
              .description_key = "forums.field.extra_hint",
              .inputmode = "numeric"});
  form.Field({.name = "targets",
              .label_key = "forums.field.targets",
              .value = in.targets_csv.empty() ? "feature,value,min,max\n" : in.targets_csv,
              .description_key = "forums.field.targets_hint",
              .textarea = true,
              .rows = 6});
  form.Field({.name = "seed",
              .label_key = "forums.field.seed",
              .value = in.seed,
              .description_key = "forums.field.seed_hint"});
  json data = {{"title", ctx.T("forums.second.title") + ": " + f.setup.name},
               {"manage_href", ManagePath(f)},
               {"action", ManagePath(f) + "/tweede-loting"},
               {"composition", web::Table(ctx.T("forums.second.caption"),
                                          {ctx.T("forums.quota.feature"), ctx.T("forums.second.quota_now"),
                                           ctx.T("forums.second.held"), ctx.T("forums.second.left")},
                                          cells)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("forums.official.title"), std::string(kOfficialPath)},
                                               {f.setup.name, ManagePath(f)},
                                               {ctx.T("forums.second.title"), ManagePath(f) + "/tweede-loting"}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "forums/second_draw.html", "forums.second.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::SecondForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  return ShowSecond(ctx, f, SecondDrawForm{}, nullptr);
}

Result<http::Response> OfficialPages::Second(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Managed(ctx.Param("slug"), *ctx.user));
  SecondDrawForm in;
  in.extra = IntOf(std::string(Trim(ctx.form.Get("extra"))));
  in.targets_csv = ctx.form.Get("targets");
  in.seed = std::string(Trim(ctx.form.Get("seed")));
  auto id = commands_.StartSecondDraw(*ctx.user, f, in);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowSecond(ctx, f, in, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, DrawPath(f, *id), web::Flash{"success", "forums.official.second_started"});
}

}  // namespace wp::forums
