#include "features/offers/fund_pages.h"

#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/offers/permissions.h"

namespace wp::offers {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

Fund ReadFund(const Context& ctx) {
  Fund f;
  f.name = ctx.form.Get("name");
  f.what = ctx.form.Get("what");
  f.amounts = ctx.form.Get("amounts");
  f.url = ctx.form.Get("url");
  f.areas = ctx.form.Get("areas");
  return f;
}

void FundForm(const Context& ctx, const Fund& f, const std::vector<FieldError>& errors, json& data) {
  FormView form(ctx, errors);
  form.Field({.name = "name", .label_key = "offers.fund.name", .value = f.name});
  form.Field({.name = "what",
              .label_key = "offers.fund.what",
              .value = f.what,
              .description_key = "offers.fund.what_hint",
              .textarea = true,
              .rows = 3});
  form.Field({.name = "amounts",
              .label_key = "offers.fund.amounts",
              .value = f.amounts,
              .description_key = "offers.fund.amounts_hint",
              .required = false});
  form.Field({.name = "areas",
              .label_key = "offers.fund.areas",
              .value = f.areas,
              .description_key = "offers.fund.areas_hint",
              .required = false});
  form.Field({.name = "url",
              .label_key = "offers.fund.url",
              .type = "url",
              .value = f.url,
              .description_key = "offers.fund.url_hint",
              .required = false});
  form.AppendTo(data);
}

}  // namespace

Result<http::Response> FundPages::ShowList(Context& ctx, const Fund& in, std::vector<FieldError> errors) {
  if (!CanManageFunds(ctx.user)) return Forbidden("not desk staff");
  WP_ASSIGN_OR_RETURN(auto funds, commands_.Funds());
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& f : funds) {
    rows.push_back({{f.name, "/beheer/fondsen/" + std::to_string(f.id)}, {f.areas, ""}, {f.amounts, ""}});
  }
  json data = {{"table", rows.empty() ? json(nullptr)
                                      : web::Table(ctx.T("offers.funds.caption"),
                                                   {ctx.T("offers.fund.name"), ctx.T("offers.fund.areas"),
                                                    ctx.T("offers.fund.amounts")},
                                                   rows)},
               {"empty", rows.empty() ? web::EmptyState(ctx.T("offers.funds.empty")) : json(nullptr)},
               {"action", "/beheer/fondsen"}};
  FundForm(ctx, in, errors, data);
  return web_.Render(ctx, "offers/funds_admin.html", "offers.funds.admin_title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> FundPages::List(Context& ctx) { return ShowList(ctx, Fund{}, {}); }

Result<http::Response> FundPages::Add(Context& ctx) {
  Fund in = ReadFund(ctx);
  auto added = commands_.AddFund(*ctx.user, in);
  if (!added.has_value()) {
    if (added.error().has_fields()) return ShowList(ctx, in, added.error().fields);
    return added.error();
  }
  return web_.Redirect(ctx, "/beheer/fondsen", web::Flash{"success", "offers.fund.added"});
}

http::Response FundPages::ShowEdit(Context& ctx, const Fund& in, std::vector<FieldError> errors) {
  json data = {{"action", "/beheer/fondsen/" + std::to_string(in.id)},
               {"remove", web::ActionButton(ctx.T("offers.fund.remove"),
                                            "/beheer/fondsen/" + std::to_string(in.id) + "/verwijderen",
                                            ctx.csrf_token)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("offers.funds.admin_title"), "/beheer/fondsen"},
                                               {in.name, ""}})}};
  FundForm(ctx, in, errors, data);
  return web_.Render(ctx, "offers/fund_edit.html", "offers.fund.edit_title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> FundPages::Edit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto f, commands_.FundForEdit(*ctx.user, id));
  return ShowEdit(ctx, f, {});
}

Result<http::Response> FundPages::Save(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  Fund in = ReadFund(ctx);
  in.id = id;
  auto saved = commands_.SaveFund(*ctx.user, in);
  if (!saved.has_value()) {
    if (saved.error().has_fields()) return ShowEdit(ctx, in, saved.error().fields);
    return saved.error();
  }
  return web_.Redirect(ctx, "/beheer/fondsen", web::Flash{"success", "offers.fund.saved"});
}

Result<http::Response> FundPages::Remove(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.RemoveFund(*ctx.user, id));
  return web_.Redirect(ctx, "/beheer/fondsen", web::Flash{"success", "offers.fund.removed"});
}

}  // namespace wp::offers
