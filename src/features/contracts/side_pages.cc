#include "features/contracts/side_pages.h"

#include "core/http/error_response.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/contracts/contract_view.h"

namespace wp::contracts {

namespace {

using nlohmann::json;
using web::Context;

// Shows the form again for a form error; passes any other error on.
template <typename F>
Result<http::Response> FormOr(const Error& e, F show) {
  if (e.has_fields()) return show(&e);
  return e;
}

}  // namespace

Result<platforms::Platform> SidePages::Managed(Context& ctx) const {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  if (!UserCan(ctx, Action::kDraft, p)) return Forbidden("not a side", "contracts.error.forbidden");
  return p;
}

Result<http::Response> SidePages::ShowNew(Context& ctx, const platforms::Platform& p, const ContractForm& f,
                                          const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "year", .label_key = "contracts.field.year", .value = f.year, .inputmode = "numeric"});
  form.Field({.name = "title", .label_key = "contracts.field.title", .value = f.title});
  form.Field({.name = "contact_name",
              .label_key = "contracts.field.contact_name",
              .value = f.contact_name,
              .description_key = "contracts.field.contact_hint"});
  form.Field({.name = "contact_email",
              .label_key = "contracts.field.contact_email",
              .type = "email",
              .value = f.contact_email,
              .autocomplete = "email"});
  json data;
  form.AppendTo(data);
  data["action"] = NewContractPath(p);
  data["title"] = ctx.T("contracts.new.heading", {{"platform", p.name}});
  data["breadcrumb"] = web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                        {ctx.T("contracts.index.title"), kIndexPath},
                                        {ctx.T("contracts.new.title"), NewContractPath(p)}});
  return web_.Render(ctx, "contracts/contract_form.html", "contracts.new.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> SidePages::NewForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  int year = commands_.zone().ToLocal(commands_.Now()).year + 1;
  ContractForm f{std::to_string(year),
                 ctx.T("contracts.next.title", {{"platform", p.name}, {"year", std::to_string(year)}}), "", ""};
  if (ctx.user && IsSide(*ctx.user, Side::kMunicipality, platforms::PlatformScope(p.id), p.borough_slug)) {
    f.contact_name = ctx.user->display_name;
    f.contact_email = ctx.user->email;
  }
  return ShowNew(ctx, p, f, nullptr);
}

Result<http::Response> SidePages::Create(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  ContractForm f{ctx.form.Get("year"), ctx.form.Get("title"), ctx.form.Get("contact_name"),
                 ctx.form.Get("contact_email")};
  auto id = commands_.CreateContract(*ctx.user, p, f);
  if (!id.has_value()) return FormOr(id.error(), [&](const Error* e) { return ShowNew(ctx, p, f, e); });
  return web_.Redirect(ctx, ContractPath(*id), web::Flash{"success", "contracts.new.saved"});
}

Result<http::Response> SidePages::AddTheme(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto theme = commands_.AddTheme(*ctx.user, id, ctx.form.Get("name"));
  if (!theme.has_value()) return FormOr(theme.error(), [&](const Error* e) { return open_.ShowContract(ctx, id, e); });
  return web_.Redirect(ctx, ContractPath(id), web::Flash{"success", "contracts.theme.saved"});
}

Result<http::Response> SidePages::ShowCommitmentForm(Context& ctx, const ContractView& v,
                                                     const contracts::CommitmentForm& f, const Error* error) {
  bool amendment = v.contract.status == ContractStatus::kSigned;
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("theme_id", "contracts.field.theme");
  form.Field({.name = "text", .label_key = "contracts.field.text", .value = f.text, .textarea = true, .rows = 3});
  form.Label("party", "contracts.field.party_kind");
  form.Field({.name = "party_name",
              .label_key = "contracts.field.party_name",
              .value = f.party_name,
              .description_key = "contracts.field.party_name_hint"});
  form.Field({.name = "owner_name", .label_key = "contracts.field.owner", .value = f.owner_name});
  form.Field({.name = "owner_email",
              .label_key = "contracts.field.owner_email",
              .type = "email",
              .value = f.owner_email,
              .description_key = "contracts.field.owner_email_hint"});
  form.Field({.name = "due", .label_key = "contracts.field.due", .type = "date", .value = f.due});
  if (amendment) {
    form.Field({.name = "reason",
                .label_key = "contracts.field.reason",
                .value = ctx.form.Get("reason"),
                .description_key = "contracts.field.reason_hint",
                .textarea = true,
                .rows = 3});
  }
  json data;
  form.AppendTo(data);
  json themes = json::array();
  for (const auto& t : v.themes) {
    themes.push_back({{"value", t.id}, {"label", t.name}, {"selected", std::to_string(t.id) == f.theme_id}});
  }
  json parties = json::array();
  for (auto k : kAllPartyKinds) {
    std::string name(PartyKindName(k));
    parties.push_back({{"value", name}, {"label", ctx.T("contracts.party." + name)}, {"selected", name == f.party}});
  }
  data["themes"] = themes;
  data["parties"] = parties;
  data["theme_error"] = form.ErrorFor("theme_id");
  data["party_error"] = form.ErrorFor("party");
  data["amendment"] = amendment;
  data["action"] = ContractPath(v.contract.id) + "/afspraak/nieuw";
  data["title"] = ctx.T(amendment ? "contracts.commitment.add_amendment" : "contracts.commitment.add");
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("contracts.index.title"), kIndexPath},
                                        {v.contract.title, ContractPath(v.contract.id)},
                                        {data["title"].get<std::string>(), data["action"].get<std::string>()}});
  return web_.Render(ctx, "contracts/commitment_form.html", "contracts.commitment.add", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> SidePages::CommitmentForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(ContractView v, commands_.ContractOf(ctx.user, id));
  if (!UserCan(ctx, Action::kDraft, v.platform)) return Forbidden("not a side", "contracts.error.forbidden");
  contracts::CommitmentForm f;
  f.party = "department";
  return ShowCommitmentForm(ctx, v, f, nullptr);
}

Result<http::Response> SidePages::AddCommitment(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  const auto& in = ctx.form;
  contracts::CommitmentForm f{in.Get("theme_id"),   in.Get("text"),        in.Get("party"), in.Get("party_name"),
                              in.Get("owner_name"), in.Get("owner_email"), in.Get("due")};
  auto created = commands_.AddCommitment(*ctx.user, id, f, in.Get("reason"));
  if (!created.has_value()) {
    return FormOr(created.error(), [&](const Error* e) -> Result<http::Response> {
      WP_ASSIGN_OR_RETURN(ContractView v, commands_.ContractOf(ctx.user, id));
      return ShowCommitmentForm(ctx, v, f, e);
    });
  }
  return web_.Redirect(ctx, ContractPath(id), web::Flash{"success", "contracts.commitment.saved"});
}

Result<http::Response> SidePages::Approve(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(bool signed_now, commands_.Approve(*ctx.user, id));
  return web_.Redirect(ctx, ContractPath(id),
                       web::Flash{"success", signed_now ? "contracts.contract.signed" : "contracts.contract.approved"});
}

Result<CommitmentView> SidePages::CommitmentOf(Context& ctx) const {
  WP_ASSIGN_OR_RETURN(int64_t contract_id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("cid"));
  WP_ASSIGN_OR_RETURN(CommitmentView v, commands_.CommitmentOf(ctx.user, id));
  if (v.contract.id != contract_id) return NotFound("commitment of another contract", "contracts.commitment.not_found");
  return v;
}

Result<http::Response> SidePages::Report(Context& ctx) {
  WP_ASSIGN_OR_RETURN(CommitmentView v, CommitmentOf(ctx));
  ReportForm f{ctx.form.Get("status"), ctx.form.Get("text"), "", "", ""};
  if (const auto* photo = ctx.form.File("photo")) f.photo = photo->data;
  if (const auto* document = ctx.form.File("document")) {
    f.document = document->data;
    f.document_name = document->filename;
  }
  auto done = commands_.Report(*ctx.user, v.commitment.id, f);
  if (!done.has_value()) {
    return FormOr(done.error(),
                  [&](const Error* e) { return open_.ShowCommitment(ctx, v.contract.id, v.commitment.id, e); });
  }
  return web_.Redirect(ctx, CommitmentPath(v.contract.id, v.commitment.id),
                       web::Flash{"success", "contracts.update.saved"});
}

Result<http::Response> SidePages::ShowAmend(Context& ctx, const CommitmentView& v, const contracts::AmendForm& f,
                                            const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "text", .label_key = "contracts.field.text", .value = f.text, .textarea = true, .rows = 3});
  form.Field({.name = "owner_name", .label_key = "contracts.field.owner", .value = f.owner_name});
  form.Field(
      {.name = "owner_email", .label_key = "contracts.field.owner_email", .type = "email", .value = f.owner_email});
  form.Field({.name = "due", .label_key = "contracts.field.due", .type = "date", .value = f.due});
  form.Field({.name = "reason",
              .label_key = "contracts.field.reason",
              .value = f.reason,
              .description_key = "contracts.field.reason_hint",
              .textarea = true,
              .rows = 3});
  json data;
  form.AppendTo(data);
  std::string path = CommitmentPath(v.contract.id, v.commitment.id);
  data["action"] = path + "/wijzigen";
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("contracts.index.title"), kIndexPath},
                                        {v.contract.title, ContractPath(v.contract.id)},
                                        {ctx.T("contracts.commitment.title"), path},
                                        {ctx.T("contracts.amend.title"), path + "/wijzigen"}});
  return web_.Render(ctx, "contracts/amend_form.html", "contracts.amend.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> SidePages::AmendForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(CommitmentView v, CommitmentOf(ctx));
  if (!UserCan(ctx, Action::kAmend, v.platform)) return Forbidden("not a side", "contracts.error.forbidden");
  const auto& m = v.commitment;
  return ShowAmend(
      ctx, v, {m.text, m.owner_name, m.owner_email, time::LastDayInputValue(commands_.zone(), m.due_at), ""}, nullptr);
}

Result<http::Response> SidePages::Amend(Context& ctx) {
  WP_ASSIGN_OR_RETURN(CommitmentView v, CommitmentOf(ctx));
  contracts::AmendForm f{ctx.form.Get("text"), ctx.form.Get("owner_name"), ctx.form.Get("owner_email"),
                         ctx.form.Get("due"), ctx.form.Get("reason")};
  auto done = commands_.Amend(*ctx.user, v.commitment.id, f);
  if (!done.has_value()) return FormOr(done.error(), [&](const Error* e) { return ShowAmend(ctx, v, f, e); });
  return web_.Redirect(ctx, CommitmentPath(v.contract.id, v.commitment.id),
                       web::Flash{"success", "contracts.amend.saved"});
}

Result<http::Response> SidePages::WriteReview(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = commands_.WriteReview(*ctx.user, id, ctx.form.Get("review"));
  if (!done.has_value()) return FormOr(done.error(), [&](const Error* e) { return open_.ShowReview(ctx, id, e); });
  return web_.Redirect(ctx, ContractPath(id) + "/terugblik", web::Flash{"success", "contracts.review.saved"});
}

Result<http::Response> SidePages::NextYear(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t next, commands_.StartNextYear(*ctx.user, id));
  return web_.Redirect(ctx, ContractPath(next), web::Flash{"success", "contracts.review.next_started"});
}

}  // namespace wp::contracts
