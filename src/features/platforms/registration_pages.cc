#include "features/platforms/registration_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/platforms/page_data.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

// The buurten as checkboxes, per stadsdeel and wijk.
json BoroughsJson(const geography::Municipality& m, const std::set<std::string>& chosen) {
  json boroughs = json::array();
  for (const auto& b : m.boroughs) {
    json districts = json::array();
    for (const geography::District* d : geography::DistrictsOfBorough(m, b.name)) {
      json buurten = json::array();
      for (const geography::Neighbourhood* n : geography::NeighbourhoodsOfDistrict(m, d->code)) {
        buurten.push_back({{"code", n->code.str()}, {"name", n->name}, {"checked", chosen.contains(n->code.str())}});
      }
      districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"neighbourhoods", buurten}});
    }
    boroughs.push_back({{"name", b.name}, {"districts", districts}});
  }
  return boroughs;
}

// The former wijkraden a platform may continue, while that is still possible.
json CouncilsJson(const geography::Municipality& m, const std::string& chosen, int64_t now) {
  json councils = json::array();
  if (!IsCouncilConversionOpen(now)) return councils;
  for (const auto& c : m.council_mappings) {
    councils.push_back({{"name", c.council_name}, {"selected", chosen == c.council_name}});
  }
  return councils;
}

}  // namespace

http::Response RegistrationPages::Show(Context& ctx, const Error* error) {
  auto m = commands_.Municipality();
  std::set<std::string> chosen;
  for (const auto& code : ctx.form.GetAll("area")) chosen.insert(code);
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "name", .label_key = "platforms.field_label.name", .value = ctx.form.Get("name")});
  form.Field({.name = "description",
              .label_key = "platforms.field_label.description",
              .value = ctx.form.Get("description"),
              .description_key = "platforms.register.description_hint",
              .textarea = true});
  form.Field({.name = "themes",
              .label_key = "platforms.field_label.themes",
              .value = ctx.form.Get("themes"),
              .description_key = "platforms.register.themes_hint",
              .required = false,
              .textarea = true,
              .rows = 4});
  form.Field({.name = "contact_email",
              .label_key = "platforms.field_label.contact_email",
              .type = "email",
              .value = ctx.form.Get("contact_email"),
              .autocomplete = "email"});
  form.Label("council", "platforms.field_label.council").Label("area", "platforms.field_label.area");
  json councils = CouncilsJson(*m, ctx.form.Get("council"), commands_.Now());
  json data = {
      {"boroughs", BoroughsJson(*m, chosen)},
      {"area_error", form.ErrorFor("area")},
      {"council_error", form.ErrorFor("council")},
      {"map_html",
       chosen.empty() ? "" : AreaMapSvg(ctx, *m, chosen, "aanmeldkaart", ctx.T("platforms.register.chosen_area"))},
      {"chosen", AreaJson(*m, chosen)},
      {"has_chosen", !chosen.empty()},
      {"councils", councils},
      {"conversion_open", !councils.empty()},
      {"breadcrumb", Crumbs(ctx, {{ctx.T("platforms.register.title"), "/wijkplatforms/aanmelden"}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "platforms/register.html", "platforms.register.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> RegistrationPages::Form(Context& ctx) { return Show(ctx, nullptr); }

Result<http::Response> RegistrationPages::Register(Context& ctx) {
  if (ctx.form.Get("action") == "preview") return Show(ctx, nullptr);
  RegisterInput in;
  in.name = ctx.form.Get("name");
  in.description = ctx.form.Get("description");
  in.contact_email = ctx.form.Get("contact_email");
  in.themes = ParseThemes(ctx.form.Get("themes"));
  for (const auto& code : ctx.form.GetAll("area")) in.area.insert(code);
  if (!Trim(ctx.form.Get("council")).empty()) in.converted_from_council = ctx.form.Get("council");
  auto r = commands_.Register(*ctx.user, in);
  if (!r.has_value()) {
    if (r.error().has_fields()) return Show(ctx, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, PlatformPath(*r), web::Flash{"success", "platforms.register.done"});
}

}  // namespace wp::platforms
