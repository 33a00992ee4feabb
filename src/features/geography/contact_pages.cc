#include "features/geography/contact_pages.h"

#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/geography/permissions.h"

namespace wp::geography {

namespace {

using nlohmann::json;
using web::Context;

std::string BoroughPage(const Borough& b) { return "/stadsdeel/" + b.slug; }

}  // namespace

Result<Borough> ContactPages::EditableBorough(const Context& ctx) const {
  auto m = geography_.current();
  const Borough* b = FindBoroughBySlug(*m, ctx.Param("slug"));
  if (!b) return NotFound("no such stadsdeel");
  if (!Can(*ctx.user, GeoAction::kEditBoroughContact, b->slug)) return Forbidden("may not edit this contact");
  return *b;
}

http::Response ContactPages::ShowForm(Context& ctx, const Borough& b, const BoroughContact& contact,
                                      const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "contact_name",
              .label_key = "geography.contact.name",
              .value = contact.contact_name,
              .autocomplete = "name"});
  form.Field({.name = "email",
              .label_key = "geography.contact.email",
              .type = "email",
              .value = contact.email,
              .autocomplete = "email"});
  form.Field({.name = "phone",
              .label_key = "geography.contact.phone",
              .type = "tel",
              .value = contact.phone,
              .autocomplete = "tel",
              .required = false});
  form.Field({.name = "note",
              .label_key = "geography.contact.note",
              .value = contact.note,
              .description_key = "geography.contact.note_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  json data;
  form.AppendTo(data);
  data["borough"] = {{"name", b.name}, {"slug", b.slug}};
  data["cancel"] = web::ActionLink(ctx.T("geography.contact.cancel"), BoroughPage(b));
  data["breadcrumb"] = web::Breadcrumb({{web_.options().municipality_name, "/"},
                                        {b.name, BoroughPage(b)},
                                        {ctx.T("geography.contact.edit"), BoroughPage(b) + "/contact"}});
  data["title"] = ctx.T("geography.contact.edit_title", {{"name", b.name}});
  return web_.Render(ctx, "geography/contact_form.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> ContactPages::EditForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Borough b, EditableBorough(ctx));
  WP_ASSIGN_OR_RETURN(std::optional<BoroughContact> contact, commands_.Contact(b.slug));
  return ShowForm(ctx, b, contact.value_or(BoroughContact{}), nullptr);
}

Result<http::Response> ContactPages::Save(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Borough b, EditableBorough(ctx));
  BoroughContact contact{ctx.form.Get("contact_name"), ctx.form.Get("email"), ctx.form.Get("phone"),
                         ctx.form.Get("note")};
  auto saved = commands_.SaveContact(*ctx.user, b.slug, contact);
  if (!saved.has_value()) {
    if (saved.error().has_fields()) return ShowForm(ctx, b, contact, &saved.error());
    return saved.error();
  }
  return web_.Redirect(ctx, BoroughPage(b), web::Flash{"success", "geography.contact.saved"});
}

}  // namespace wp::geography
