#include "features/contracts/public_pages.h"

#include "core/http/error_response.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/contracts/contract_view.h"

namespace wp::contracts {

namespace {

using nlohmann::json;
using web::Context;

// True when the user speaks for a side of the draft that has not approved yet.
bool MayApproveNow(const Context& ctx, const ContractView& v) {
  if (!ctx.user) return false;
  std::string scope = platforms::PlatformScope(v.platform.id);
  const std::string& borough = v.platform.borough_slug;
  return (IsSide(*ctx.user, Side::kPlatform, scope, borough) && !v.contract.platform_approval) ||
         (IsSide(*ctx.user, Side::kMunicipality, scope, borough) && !v.contract.municipality_approval);
}

// The two sides' actions on a contract in its state.
json SideActions(const Context& ctx, const ContractView& v) {
  json actions = json::array();
  const Contract& c = v.contract;
  std::string base = ContractPath(c.id);
  if (c.status == ContractStatus::kDraft && MayApproveNow(ctx, v)) {
    actions.push_back(web::ActionButton(ctx.T("contracts.contract.approve"), base + "/goedkeuren", ctx.csrf_token,
                                        web::ActionKind::kPrimary));
  }
  if (c.status != ContractStatus::kReviewed && UserCan(ctx, Action::kDraft, v.platform) && !v.themes.empty()) {
    actions.push_back(web::ActionLink(
        ctx.T(c.status == ContractStatus::kDraft ? "contracts.commitment.add" : "contracts.commitment.add_amendment"),
        base + "/afspraak/nieuw"));
  }
  if (c.status == ContractStatus::kReviewed && UserCan(ctx, Action::kAmend, v.platform)) {
    actions.push_back(web::ActionButton(ctx.T("contracts.review.next_year", {{"year", std::to_string(c.year + 1)}}),
                                        base + "/volgend-jaar", ctx.csrf_token, web::ActionKind::kPrimary));
  }
  return actions;
}

std::vector<web::Crumb> Crumbs(const Context& ctx, const Contract& c) {
  return {{ctx.T("contracts.index.title"), kIndexPath}, {c.title, ContractPath(c.id)}};
}

}  // namespace

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto list, commands_.Contracts(ctx.user, 0));
  json data = {{"contracts", ContractsTable(ctx, commands_, list, "contracts.index.none")}};
  json actions = json::array();
  if (ctx.user && IsOfficial(*ctx.user)) {
    actions.push_back(web::ActionLink(ctx.T("contracts.overdue.title"), kOverduePath));
  }
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  return web_.Render(ctx, "contracts/index.html", "contracts.index.title", data);
}

Result<http::Response> PublicPages::ShowContract(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(ContractView v, commands_.ContractOf(ctx.user, id));
  const Contract& c = v.contract;
  json data = {{"title", c.title},
               {"status", ContractBadge(ctx, c)},
               {"draft", c.status == ContractStatus::kDraft},
               {"facts", ContractFacts(ctx, commands_, v)},
               {"themes", ThemesJson(ctx, commands_, v)},
               {"no_themes", v.themes.empty()},
               {"progress_url", ContractPath(id) + "/voortgang"},
               {"review_url", ContractPath(id) + "/terugblik"},
               {"signed", SignedVersionJson(ctx, c)},
               {"has_signed", !c.signed_version.empty()},
               {"has_amendments", !v.amendments.empty()},
               {"amendments", AmendmentsTable(ctx, commands_, v.amendments)},
               {"history", HistoryTable(ctx, commands_, v.history)},
               {"breadcrumb", web::Breadcrumb(Crumbs(ctx, c))}};
  json actions = SideActions(ctx, v);
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  if (c.status == ContractStatus::kDraft && UserCan(ctx, Action::kDraft, v.platform)) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Field({.name = "name", .label_key = "contracts.theme.name", .value = error ? ctx.form.Get("name") : ""});
    form.AppendTo(data);
    data["theme_action"] = ContractPath(id) + "/thema";
  }
  return web_.Render(ctx, "contracts/contract.html", "contracts.contract.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::ContractPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowContract(ctx, id, nullptr);
}

Result<http::Response> PublicPages::ProgressPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(ContractView v, commands_.ContractOf(ctx.user, id));
  int64_t now = commands_.Now();
  auto crumbs = Crumbs(ctx, v.contract);
  crumbs.push_back({ctx.T("contracts.progress.title"), ContractPath(id) + "/voortgang"});
  json data = {{"title", ctx.T("contracts.progress.heading", {{"title", v.contract.title}})},
               {"charts", ProgressCharts(ctx, v, now)},
               {"table", ProgressTable(ctx, v, now)},
               {"themes", ThemesJson(ctx, commands_, v)},
               {"as_of", time::FormatDate(commands_.zone(), now, ctx.locale)},
               {"breadcrumb", web::Breadcrumb(crumbs)}};
  return web_.Render(ctx, "contracts/progress.html", "contracts.progress.title", data);
}

Result<http::Response> PublicPages::ShowReview(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(ContractView v, commands_.ContractOf(ctx.user, id));
  int64_t now = commands_.Now();
  json done = json::array(), open = json::array();
  for (const auto& m : v.commitments) {
    if (m.status == CommitmentStatus::kDone) {
      done.push_back({{"text", m.text}, {"url", CommitmentPath(id, m.id)}});
      continue;
    }
    WP_ASSIGN_OR_RETURN(CommitmentView cv, commands_.CommitmentOf(ctx.user, m.id));
    std::string why = cv.updates.empty() ? ctx.T("contracts.review.no_update") : cv.updates.back().text;
    open.push_back(
        {{"text", m.text}, {"url", CommitmentPath(id, m.id)}, {"status", ProgressBadge(ctx, m, now)}, {"why", why}});
  }
  auto crumbs = Crumbs(ctx, v.contract);
  crumbs.push_back({ctx.T("contracts.review.title"), ContractPath(id) + "/terugblik"});
  json data = {{"title", ctx.T("contracts.review.heading", {{"title", v.contract.title}})},
               {"done", done},
               {"open", open},
               {"has_done", !done.empty()},
               {"has_open", !open.empty()},
               {"review", Paragraphs(v.contract.review)},
               {"has_review", !v.contract.review.empty()},
               {"breadcrumb", web::Breadcrumb(crumbs)}};
  if (v.contract.status == ContractStatus::kSigned && UserCan(ctx, Action::kAmend, v.platform)) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Field({.name = "review",
                .label_key = "contracts.review.field",
                .value = ctx.form.Get("review"),
                .description_key = "contracts.review.field_hint",
                .textarea = true,
                .rows = 8});
    form.AppendTo(data);
    data["review_action"] = ContractPath(id) + "/terugblik";
  }
  json actions = SideActions(ctx, v);
  data["actions"] = actions;
  data["has_actions"] = v.contract.status == ContractStatus::kReviewed && !actions.empty();
  return web_.Render(ctx, "contracts/review.html", "contracts.review.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::ReviewPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowReview(ctx, id, nullptr);
}

Result<http::Response> PublicPages::ShowCommitment(Context& ctx, int64_t contract_id, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(CommitmentView v, commands_.CommitmentOf(ctx.user, id));
  if (v.contract.id != contract_id) return NotFound("commitment of another contract", "contracts.commitment.not_found");
  const auto& m = v.commitment;
  int64_t now = commands_.Now();
  json updates = json::array();
  for (const auto& u : v.updates) {
    std::string change = u.from_status == u.to_status ? ""
                                                      : ctx.T("contracts.commitment_status." + u.from_status) + " → " +
                                                            ctx.T("contracts.commitment_status." + u.to_status);
    json photos = json::array(), documents = json::array();
    for (const auto& e : u.evidence) {
      json file = {{"url", EvidencePath(e.id)}, {"name", e.file_name}};
      (e.kind == EvidenceKind::kPhoto ? photos : documents).push_back(std::move(file));
    }
    updates.push_back({{"when", time::FormatDateTime(commands_.zone(), u.at, ctx.locale)},
                       {"who", u.actor_name},
                       {"change", change},
                       {"text", Paragraphs(u.text)},
                       {"photos", photos},
                       {"documents", documents}});
  }
  auto crumbs = Crumbs(ctx, v.contract);
  crumbs.push_back({ctx.T("contracts.commitment.title"), CommitmentPath(contract_id, id)});
  json data = {
      {"title", m.text},
      {"status", ProgressBadge(ctx, m, now)},
      {"facts",
       web::SummaryList(
           {{ctx.T("contracts.theme.name"), v.theme.name, ""},
            {ctx.T("contracts.field.party"),
             m.party_name + " (" + ctx.T("contracts.party." + std::string(PartyKindName(m.party))) + ")", ""},
            {ctx.T("contracts.field.owner"), m.owner_name, ""},
            {ctx.T("contracts.field.due"), time::FormatPeriodEnd(commands_.zone(), m.due_at, ctx.locale), ""}})},
      {"updates", updates},
      {"has_updates", !updates.empty()},
      {"has_amendments", !v.amendments.empty()},
      {"amendments", AmendmentsTable(ctx, commands_, v.amendments)},
      {"breadcrumb", web::Breadcrumb(crumbs)}};
  // The municipality's commitments of a signed contract are promises too:
  // the platform's promises log (features/promises) shows them next to the
  // other promises.
  if (m.party == PartyKind::kDepartment && v.contract.status != ContractStatus::kDraft) {
    data["promises_url"] = "/wijkplatform/" + v.platform.slug + "/toezeggingen";
    data["platform_name"] = v.platform.name;
  }
  if (v.contract.status == ContractStatus::kSigned && UserCan(ctx, Action::kReport, v.platform)) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Label("status", "contracts.update.status");
    form.Field({.name = "text",
                .label_key = "contracts.update.text",
                .value = error ? ctx.form.Get("text") : "",
                .description_key = "contracts.update.text_hint",
                .textarea = true,
                .rows = 5});
    form.Field({.name = "photo",
                .label_key = "contracts.update.photo",
                .type = "file",
                .description_key = "contracts.update.photo_hint",
                .required = false});
    form.Field({.name = "document",
                .label_key = "contracts.update.document",
                .type = "file",
                .description_key = "contracts.update.document_hint",
                .required = false});
    form.AppendTo(data);
    json statuses = json::array();
    std::string chosen = error ? ctx.form.Get("status") : std::string(CommitmentStatusName(m.status));
    for (auto s : kAllCommitmentStatuses) {
      if (s != m.status && CheckCommitmentTransition(m.status, s)) continue;
      std::string name(CommitmentStatusName(s));
      statuses.push_back(
          {{"value", name}, {"label", ctx.T("contracts.commitment_status." + name)}, {"selected", name == chosen}});
    }
    data["statuses"] = statuses;
    data["status_error"] = form.ErrorFor("status");
    data["report_action"] = CommitmentPath(contract_id, id) + "/voortgang";
    data["amend_url"] = CommitmentPath(contract_id, id) + "/wijzigen";
  }
  return web_.Render(ctx, "contracts/commitment.html", "contracts.commitment.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Evidence(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto found, commands_.EvidenceOf(ctx.user, id));
  http::Response r;
  r.headers.Set("Content-Type", found.evidence.content_type);
  if (found.evidence.kind == EvidenceKind::kDocument) {
    r.headers.Set("Content-Disposition", "attachment; filename=\"" + found.evidence.file_name + "\"");
  }
  r.headers.Set("Cache-Control", "private, max-age=3600");
  r.body = std::move(found.data);
  return r;
}

Result<http::Response> PublicPages::CommitmentPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t contract_id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("cid"));
  return ShowCommitment(ctx, contract_id, id, nullptr);
}

}  // namespace wp::contracts
