#include "features/forums/public_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/forums/draw_job.h"
#include "features/forums/forum_view.h"

namespace wp::forums {

namespace {

using nlohmann::json;
using web::Context;

std::string Percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100.0 * p);
  return buf;
}

json ProbabilityTable(const Context& ctx, const json& result) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& p : result.value("probabilities", json::array())) {
    rows.push_back({{p.value("id", ""), "", false, ""},
                    {Percent(p.value("p", 0.0)), "", true, ""},
                    {Percent(p.value("lottery", 0.0)), "", true, ""}});
  }
  return web::Table(ctx.T("forums.draw.probabilities"),
                    {ctx.T("forums.draw.person"), ctx.T("forums.draw.chance"), ctx.T("forums.draw.chance_lottery")},
                    rows);
}

json TicketTable(const Context& ctx, const json& result) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& t : result.value("ticket_list", json::array())) {
    std::string range = std::to_string(t.value("from", 0)) + "–" + std::to_string(t.value("to", 0));
    std::string drawn = t.value("drawn", false) ? ctx.T("forums.draw.this_ticket") : "";
    rows.push_back({{range, "", false, ""}, {t.value("panel", ""), "", false, ""}, {drawn, "", false, ""}});
  }
  return web::Table(
      ctx.T("forums.draw.tickets"),
      {ctx.T("forums.draw.ticket_numbers"), ctx.T("forums.draw.ticket_panel"), ctx.T("forums.draw.ticket_drawn")},
      rows);
}

json DoneData(const Context& ctx, const Forum& f, const Draw& d) {
  json result = json::parse(d.result_json, nullptr, false);
  if (!result.is_object()) result = json::object();
  json story = result.value("story", json::object()).value(ctx.locale, json::object());
  std::string base = DrawPath(f, d.id) + "/";
  json files = json::array({{{"name", "categorieen.csv"}, {"href", base + "categorieen.csv"}},
                            {{"name", "deelnemers.csv"}, {"href", base + "deelnemers.csv"}},
                            {{"name", "uitslag.json"}, {"href", base + "uitslag.json"}},
                            {{"name", "verslag.txt"}, {"href", base + "verslag.txt"}}});
  // The files `wijkplatform draw --verify` checks, each with its SHA-256.
  std::vector<sortition::PublishedFile> published = VerifyFiles(d);
  if (d.kind == "replacement") {
    // panel.txt is among the files to verify when there are any.
    if (published.empty()) files.push_back({{"name", "panel.txt"}, {"href", base + "panel.txt"}});
    files.push_back({{"name", "vertrokken.txt"}, {"href", base + "vertrokken.txt"}});
  }
  json settings =
      web::SummaryList({{ctx.T("forums.draw.algorithm"), result.value("algorithm", ""), ""},
                        {ctx.T("forums.draw.tickets_count"), std::to_string(result.value("tickets", 0)), ""},
                        {ctx.T("forums.draw.ticket"), std::to_string(result.value("ticket", 0)), ""},
                        {ctx.T("forums.draw.min_chance"), Percent(result.value("min_probability", 0.0)), ""},
                        {ctx.T("forums.draw.categories_hash"), result.value("categories_sha256", ""), ""},
                        {ctx.T("forums.draw.respondents_hash"), result.value("respondents_sha256", ""), ""}});
  json verify_files = json::array();
  for (const auto& file : published) {
    verify_files.push_back({{"name", file.name}, {"href", base + file.name}, {"sha256", Sha256Hex(file.text)}});
  }
  json data = {{"done", true},
               {"story", story},
               {"panel", result.value("panel", json::array())},
               {"replacements", result.value("replacements", json::array())},
               {"has_replacements", !result.value("replacements", json::array()).empty()},
               {"dropouts", result.value("dropouts", json::array())},
               {"has_dropouts", !result.value("dropouts", json::array()).empty()},
               {"reserve", result.value("reserve", json::array())},
               {"has_reserve", !result.value("reserve", json::array()).empty()},
               {"settings", settings},
               {"probabilities", ProbabilityTable(ctx, result)},
               {"tickets", TicketTable(ctx, result)},
               {"files", files}};
  if (!verify_files.empty()) {
    data["verify"] = {{"files", verify_files},
                      {"intro", ctx.T("forums.draw.verify_intro", {{"count", int64_t(verify_files.size())}})},
                      {"command", VerifyCommand(ctx.T("forums.draw.verify_folder"))}};
  } else {
    // Stored before the site kept the files --verify replays.
    data["no_verify"] = true;
  }
  return data;
}

// A second draw: how many extra seats, its targets minus what the forum held
// (the quotas in its categorieen.csv), and the first draw it follows.
json SecondData(const Context& ctx, const Forum& f, const Draw& d) {
  json started = json::parse(d.result_json, nullptr, false);
  if (!started.is_object()) started = json::object();
  std::vector<std::vector<web::Cell>> rows;
  auto range = [](int a, int b) { return std::to_string(a) + "–" + std::to_string(b); };
  for (const auto& r : started.value("plan", json::array())) {
    rows.push_back({{r.value("feature", ""), "", false, ""},
                    {range(r.value("target_min", 0), r.value("target_max", 0)), "", true, ""},
                    {std::to_string(r.value("held", 0)), "", true, ""},
                    {range(r.value("need_min", 0), r.value("need_max", 0)), "", true, ""},
                    {std::to_string(r.value("available", 0)), "", true, ""}});
  }
  int64_t first = started.value("first_draw", int64_t{0});
  return {{"intro", ctx.T("forums.draw.second_intro", {{"count", int64_t{d.seats}}})},
          {"first_href", DrawPath(f, first)},
          {"plan", web::Table(ctx.T("forums.draw.plan_caption"),
                              {ctx.T("forums.quota.feature"), ctx.T("forums.draw.plan_target"),
                               ctx.T("forums.second.held"), ctx.T("forums.draw.plan_need"), ctx.T("forums.second.left")},
                              rows)}};
}

}  // namespace

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto forums, commands_.Forums());
  json cards = json::array();
  for (const auto& f : forums) {
    cards.push_back(
        web::Card({.title = f.setup.name,
                   .href = ForumPath(f),
                   .text = f.setup.purpose,
                   .meta = ctx.T("forums.kind." + std::string(KindName(f.setup.kind))) + " · " + f.district_name,
                   .badge = nullptr,
                   .heading_level = 2}));
  }
  json data = {{"cards", cards},
               {"empty", cards.empty() ? web::EmptyState(ctx.T("forums.index.empty")) : json(nullptr)},
               {"register_href", std::string(kRegisterPath)}};
  return web_.Render(ctx, "forums/index.html", "forums.index.title", data);
}

Result<http::Response> PublicPages::ForumPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Find(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(Response response, commands_.ResponseRate(f));
  WP_ASSIGN_OR_RETURN(auto draws, commands_.Draws(f));
  WP_ASSIGN_OR_RETURN(auto members, commands_.Members(f));
  WP_ASSIGN_OR_RETURN(auto history, commands_.History(f));
  WP_ASSIGN_OR_RETURN(auto rounds, commands_.Rounds(f));
  json round_lines = json::array();
  for (const auto& r : rounds) round_lines.push_back(RoundLine(ctx, commands_, r));
  json member_rows = json::array();
  for (const auto& m : members) {
    if (m.left_at) continue;
    member_rows.push_back(
        {{"id", m.public_id}, {"until", time::FormatDate(commands_.zone(), m.term_ends_at, ctx.locale)}});
  }
  json data = {
      {"title", f.setup.name},
      {"purpose", f.setup.purpose},
      {"workspace_href", ForumPath(f) + "/werkplaats"},
      {"facts", ForumFacts(ctx, commands_, f)},
      {"response", ctx.T("forums.response.line",
                         {{"invited", int64_t{response.invited}}, {"registered", int64_t{response.registered}}})},
      {"quotas", QuotasTable(ctx, f, &response)},
      {"rounds", round_lines},
      {"has_rounds", !round_lines.empty()},
      {"has_draws", !draws.empty()},
      {"draws", DrawsTable(ctx, f, draws)},
      {"members", member_rows},
      {"has_members", !member_rows.empty()},
      {"history", HistoryList(ctx, commands_, history)},
      {"breadcrumb",
       web::Breadcrumb({{ctx.T("forums.index.title"), std::string(kIndexPath)}, {f.setup.name, ForumPath(f)}})}};
  return web_.Render(ctx, "forums/forum.html", "forums.index.title", data);
}

Result<http::Response> PublicPages::DrawPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Find(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(struct Draw d, commands_.FindDraw(f, id));
  bool active = d.status == DrawStatus::kQueued || d.status == DrawStatus::kRunning;
  json data = {{"title", ctx.T("forums.draw_kind." + d.kind) + " " + std::to_string(d.id) + ": " + f.setup.name},
               {"status", DrawStatusBadge(ctx, d.status)},
               {"seed", d.seed},
               {"active", active},
               {"self", DrawPath(f, d.id)},
               {"failed", d.status == DrawStatus::kFailed},
               {"error", d.error},
               {"breadcrumb", web::Breadcrumb({{ctx.T("forums.index.title"), std::string(kIndexPath)},
                                               {f.setup.name, ForumPath(f)},
                                               {ctx.T("forums.draw_kind." + d.kind), DrawPath(f, d.id)}})}};
  if (d.status == DrawStatus::kDone) data.update(DoneData(ctx, f, d));
  if (d.kind == "second_draw") data["second"] = SecondData(ctx, f, d);
  if (d.kind == "round_draw") data["round_intro"] = ctx.T("forums.draw.round_intro", {{"number", int64_t{d.round}}});
  // The first draw links to the second draws that followed it.
  if (d.kind == "draw") {
    WP_ASSIGN_OR_RETURN(auto draws, commands_.Draws(f));
    json later = json::array();
    for (const auto& other : draws) {
      if (other.kind != "second_draw") continue;
      later.push_back({{"href", DrawPath(f, other.id)},
                       {"label", ctx.T("forums.draw_kind.second_draw") + " " + std::to_string(other.id) + " (" +
                                     ctx.T("forums.draw_status." + std::string(DrawStatusName(other.status))) + ")"}});
    }
    data["later"] = later;
    data["has_later"] = !later.empty();
  }
  http::Response resp = web_.Render(ctx, "forums/draw.html", "forums.draw.title", data);
  // Refreshes itself without JavaScript while the draw runs.
  if (active) resp.headers.Set("Refresh", "3");
  return resp;
}

Result<http::Response> PublicPages::DrawFile(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.Find(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(struct Draw d, commands_.FindDraw(f, id));
  std::string name(ctx.Param("file"));
  if (d.status != DrawStatus::kDone) return NotFound("draw not done", "forums.error.draw_not_found");
  std::string body, type = "text/plain; charset=utf-8";
  if (name == "categorieen.csv")
    body = d.categories_csv, type = "text/csv; charset=utf-8";
  else if (name == "deelnemers.csv")
    body = d.respondents_csv, type = "text/csv; charset=utf-8";
  else if (name == "panel.txt" && d.kind == "replacement")
    body = d.panel_csv;
  else if (name == "vertrokken.txt" && d.kind == "replacement")
    body = d.dropouts;
  else if (name == "uitslag.json")
    body = d.result_json, type = "application/json";
  else if (name == "verslag.txt")
    body = json::parse(d.result_json, nullptr, false).value("report", "");
  else {
    // The files for `wijkplatform draw --verify`, byte for byte.
    bool found = false;
    for (auto& file : VerifyFiles(d)) {
      if (file.name != name) continue;
      body = std::move(file.text);
      if (name.ends_with(".json")) type = "application/json";
      if (name.ends_with(".csv")) type = "text/csv; charset=utf-8";
      found = true;
    }
    if (!found) return NotFound("no such file", "forums.error.draw_not_found");
  }
  http::Response resp;
  resp.body = std::move(body);
  resp.headers.Set("Content-Type", type);
  resp.headers.Set("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return resp;
}

Result<http::Response> PublicPages::ShowRegister(Context& ctx, const RegistrationForm& in, const Error* error) {
  std::vector<FieldError> errors = error ? error->fields : std::vector<FieldError>{};
  web::FormView form(ctx, errors);
  form.Field({.name = "code",
              .label_key = "forums.field.code",
              .value = in.code,
              .autocomplete = "off",
              .description_key = "forums.field.code_hint"});
  json data = {{"action", std::string(kRegisterPath)}, {"privacy", false}};
  bool code_ok = !in.code.empty() &&
                 std::none_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "code"; });
  std::optional<struct Forum> forum;
  if (code_ok) {
    auto f = commands_.ForumOfCode(in.code);
    if (f.has_value())
      forum = *f;
    else if (!error)
      return ShowRegister(ctx, in, &f.error());
  }
  if (forum) {
    form.Field({.name = "name", .label_key = "forums.field.name", .value = in.name, .autocomplete = "name"});
    form.Field({.name = "email",
                .label_key = "forums.field.email",
                .type = "email",
                .value = in.email,
                .autocomplete = "email"});
    form.Field({.name = "phone",
                .label_key = "forums.field.phone",
                .type = "tel",
                .value = in.phone,
                .autocomplete = "tel",
                .required = false});
    form.Field({.name = "availability",
                .label_key = "forums.field.availability",
                .value = in.availability,
                .description_key = "forums.field.availability_hint",
                .required = false,
                .textarea = true,
                .rows = 3});
    form.Label("consent", "forums.field.consent");
    auto quotas = sortition::ParseCategoriesCsv(forum->setup.quotas_csv);
    json features = json::array();
    for (size_t c = 0; quotas.has_value() && c < quotas->categories.size(); ++c) {
      const auto& cat = quotas->categories[c];
      std::string field = "feature_" + std::to_string(c);
      form.Label(field, "forums.field.feature");
      auto chosen = in.features.find(cat.name);
      json options = json::array();
      for (int fi : cat.features) {
        const std::string& v = quotas->features[static_cast<size_t>(fi)].value;
        options.push_back({{"value", v}, {"selected", chosen != in.features.end() && chosen->second == v}});
      }
      features.push_back(
          {{"field", field}, {"label", cat.name}, {"options", options}, {"error", form.ErrorFor(field)}});
    }
    data.update({{"forum", forum->setup.name},
                 {"purpose", forum->setup.purpose},
                 {"features", features},
                 {"consent", in.consent},
                 {"consent_error", form.ErrorFor("consent")},
                 {"privacy", true},
                 {"privacy_deleted", ctx.T("forums.privacy.deleted", {{"days", int64_t{forum->setup.appeal_days}}})},
                 {"until", time::FormatPeriodEnd(commands_.zone(), forum->setup.register_until, ctx.locale)}});
  }
  form.AppendTo(data);
  return web_.Render(ctx, "forums/register.html", "forums.register.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::RegisterForm(Context& ctx) {
  RegistrationForm in;
  in.code = ctx.Query("code").value_or("");
  return ShowRegister(ctx, in, nullptr);
}

Result<http::Response> PublicPages::Register(Context& ctx) {
  RegistrationForm in;
  in.code = ctx.form.Get("code");
  in.name = ctx.form.Get("name");
  in.email = ctx.form.Get("email");
  in.phone = ctx.form.Get("phone");
  in.availability = ctx.form.Get("availability");
  in.consent = ctx.form.Get("consent") == "1";
  auto forum = commands_.ForumOfCode(in.code);
  if (!forum.has_value()) return ShowRegister(ctx, in, &forum.error());
  auto quotas = sortition::ParseCategoriesCsv(forum->setup.quotas_csv);
  for (size_t c = 0; quotas.has_value() && c < quotas->categories.size(); ++c) {
    in.features[quotas->categories[c].name] = ctx.form.Get("feature_" + std::to_string(c));
  }
  // The first step only checks the code; the second registers.
  if (ctx.form.Get("step") != "details") return ShowRegister(ctx, in, nullptr);
  auto registered = commands_.Register(in);
  if (!registered.has_value()) {
    if (registered.error().has_fields()) return ShowRegister(ctx, in, &registered.error());
    return registered.error();
  }
  return web_.Redirect(ctx, std::string(kRegisterPath) + "/klaar", web::Flash{"success", "forums.register.done"});
}

Result<http::Response> PublicPages::Registered(Context& ctx) {
  return web_.Render(ctx, "forums/registered.html", "forums.register.done_title", json::object());
}

}  // namespace wp::forums
