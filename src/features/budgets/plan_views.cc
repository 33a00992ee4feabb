#include "features/budgets/plan_views.h"

#include <algorithm>

#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/budgets/page_data.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

namespace {

constexpr int kCostRows = 5;  // empty cost lines the form offers at least

std::string PhotoUrl(const Edition& e, const Photo& ph) { return PlanPath(e, ph.plan_id) + "/foto/" + ph.stored_name; }

// Title, status, facts, the note of the last change, description, photos and costs.
json PlanHead(const Context& ctx, const PlanPageInput& in) {
  const Edition& e = in.edition;
  const Plan& p = in.details.plan;
  json photos = json::array();
  int n = 0;
  for (const auto& ph : in.details.photos) {
    photos.push_back({{"url", PhotoUrl(e, ph)},
                      {"alt", ctx.T("budgets.plan.photo_alt", {{"n", std::to_string(++n)}, {"title", p.title}})}});
  }
  std::vector<std::vector<web::Cell>> costs;
  for (const auto& l : p.cost_lines) costs.push_back({{l.label}, {MoneyText(ctx, l.amount_cents), "", true}});
  costs.push_back({{ctx.T("budgets.plan.total")}, {MoneyText(ctx, p.cost_cents), "", true}});
  std::string submitted = p.submitter_name + " (" + time::FormatDate(in.zone, p.created_at, ctx.locale) + ")";
  json facts = web::SummaryList(
      {{ctx.T("budgets.field.theme"), p.theme, ""},
       {ctx.T("budgets.plan.field.neighbourhood"), NeighbourhoodName(in.municipality, p.neighbourhood_code), ""},
       {ctx.T("budgets.plan.submitted_by"), submitted, ""},
       {ctx.T("budgets.plan.cost"), MoneyText(ctx, p.cost_cents), ""}});
  return {
      {"title", p.title},
      {"status", PlanStatusBadge(ctx, p.status)},
      {"facts", facts},
      {"note", p.status_note},
      {"description", p.description},
      {"photos", photos},
      {"costs", web::Table(ctx.T("budgets.plan.costs_caption"),
                           {ctx.T("budgets.plan_form.cost_what"), ctx.T("budgets.plan_form.cost_amount")}, costs)},
      {"other_support", NeedsOtherSupport(p.status) || p.status == PlanStatus::kMunicipalDuty},
      {"merged_into", p.merged_into ? web::ActionLink(ctx.T("budgets.plan.merged_into"), PlanPath(e, *p.merged_into))
                                    : json(nullptr)}};
}

// The likes against the threshold and the viewer's like button, in the
// plan and like phases.
json PlanLikes(const Context& ctx, const PlanPageInput& in) {
  const Edition& e = in.edition;
  const Plan& p = in.details.plan;
  if (in.phase != Phase::kLikes && in.phase != Phase::kPlans) return nullptr;
  json likes = LikesData(ctx, e, p);
  likes["like"] = nullptr;
  likes["sign_in_url"] = nullptr;
  if (in.liked) {
    likes["like"] = *in.liked ? web::ActionButton(ctx.T("budgets.likes.unlike"), PlanPath(e, p.id) + "/like-intrekken",
                                                  ctx.csrf_token, web::ActionKind::kSecondary)
                              : web::ActionButton(ctx.T("budgets.likes.like"), PlanPath(e, p.id) + "/like",
                                                  ctx.csrf_token, web::ActionKind::kPrimary);
  } else if (in.phase == Phase::kLikes && !ctx.user && IsLikeable(p.status)) {
    likes["sign_in_url"] = "/inloggen?next=" + PlanPath(e, p.id);
  }
  return likes;
}

// The submitter's edit and withdraw actions, and the merge proposals to answer.
json SubmitterActions(const Context& ctx, const PlanPageInput& in, bool is_submitter) {
  const Edition& e = in.edition;
  const Plan& p = in.details.plan;
  json actions = json::array();
  if (is_submitter && in.phase == Phase::kPlans && IsEditable(p.status)) {
    actions.push_back(web::ActionLink(ctx.T("budgets.plan.edit"), PlanPath(e, p.id) + "/bewerken"));
  }
  if (is_submitter && (in.phase == Phase::kPlans || in.phase == Phase::kLikes) &&
      CanTransition(p.status, PlanStatus::kWithdrawn)) {
    actions.push_back(web::ActionButton(ctx.T("budgets.plan.withdraw"), PlanPath(e, p.id) + "/intrekken",
                                        ctx.csrf_token, web::ActionKind::kSecondary));
  }
  if (is_submitter && MayGoToInitiativeDesk(p.status)) {
    // The initiative desk (features/initiatives) takes it over as a draft initiative.
    actions.push_back(web::ActionButton(ctx.T("budgets.plan.to_initiative_desk"),
                                        "/initiatieven/uit-wijkbudget/" + std::to_string(p.id), ctx.csrf_token,
                                        web::ActionKind::kSecondary));
  }
  if (actions.empty()) return nullptr;
  return {{"actions", actions}};
}

json Merges(const Context& ctx, const PlanPageInput& in, bool is_submitter) {
  const Edition& e = in.edition;
  const Plan& p = in.details.plan;
  json merges = json::array();
  for (const auto& mg : in.details.merges) {
    if (mg.state != MergeState::kPending) continue;
    bool mine_source = mg.source_plan_id == p.id;
    bool my_consent = mine_source ? mg.source_consent : mg.target_consent;
    std::string answer_url = PlanPath(e, p.id) + "/samenvoegen/" + std::to_string(mg.id);
    json answers = nullptr;
    if (is_submitter && !my_consent) {
      answers = {{"actions",
                  {web::ActionButton(ctx.T("budgets.merge.agree"), answer_url, ctx.csrf_token,
                                     web::ActionKind::kPrimary, {{"answer", "yes"}}),
                   web::ActionButton(ctx.T("budgets.merge.decline"), answer_url, ctx.csrf_token,
                                     web::ActionKind::kSecondary, {{"answer", "no"}})}}};
    }
    merges.push_back({{"id", mg.id},
                      {"other_url", PlanPath(e, mine_source ? mg.target_plan_id : mg.source_plan_id)},
                      {"note", mg.note},
                      {"into_other", mine_source},
                      {"my_consent", my_consent},
                      {"answers", answers}});
  }
  return merges;
}

// Milestones, progress updates and the progress form, for funded plans.
json Implementation(const Context& ctx, const PlanPageInput& in) {
  const Plan& p = in.details.plan;
  if (!IsFunded(p.status)) return nullptr;
  std::vector<std::vector<web::Cell>> rows;
  json open = json::array();
  for (const auto& ms : in.details.milestones) {
    std::string state = ms.done_at ? ctx.T("budgets.milestone.done_on",
                                           {{"done_date", time::FormatDate(in.zone, *ms.done_at, ctx.locale)}})
                                   : ctx.T("budgets.milestone.open");
    rows.push_back({{ms.title}, {time::FormatDate(in.zone, ms.due_at, ctx.locale)}, {state}});
    if (!ms.done_at) open.push_back({{"id", ms.id}, {"title", ms.title}});
  }
  json progress = json::array();
  for (const auto& u : in.details.progress) {
    progress.push_back(
        {{"date", time::FormatDate(in.zone, u.at, ctx.locale)}, {"author", u.author_name}, {"note", u.note}});
  }
  bool can_progress =
      p.status != PlanStatus::kDone && ctx.user && Can(&*ctx.user, Action::kUpdateProgress, in.edition, p.submitter_id);
  json milestones = rows.empty() ? json(nullptr)
                                 : web::Table(ctx.T("budgets.milestone.caption"),
                                              {ctx.T("budgets.milestone.field.title"),
                                               ctx.T("budgets.milestone.field.due"), ctx.T("budgets.milestone.state")},
                                              rows);
  return {{"milestones", milestones},
          {"no_milestones", web::EmptyState(ctx.T("budgets.milestone.none"))},
          {"progress", progress},
          {"has_progress", !progress.empty()},
          {"progress_url", PlanPath(in.edition, p.id) + "/voortgang"},
          {"can_progress", can_progress},
          {"open_milestones", open}};
}

std::string HistoryNote(const Context& ctx, const PlanEvent& ev) {
  if (ev.note == kEditedNote) return ctx.T("budgets.history.edited");
  if (ev.note.rfind(kMergedInNote, 0) == 0) {
    return ctx.T("budgets.history.merged_in", {{"plan", ev.note.substr(kMergedInNote.size())}});
  }
  return ev.note;
}

json History(const Context& ctx, const PlanPageInput& in) {
  json history = json::array();
  for (const auto& ev : in.details.history) {
    history.push_back({{"date", time::FormatDate(in.zone, ev.at, ctx.locale)},
                       {"actor", ev.actor_name},
                       {"status", PlanStatusLabel(ctx, ev.to)},
                       {"note", HistoryNote(ctx, ev)}});
  }
  return history;
}

}  // namespace

json PlanPageData(const Context& ctx, const PlanPageInput& in) {
  const Edition& e = in.edition;
  const Plan& p = in.details.plan;
  bool is_submitter = ctx.user && Can(&*ctx.user, Action::kEditPlan, e, p.submitter_id);
  json data = PlanHead(ctx, in);
  data["breadcrumb"] =
      web::Breadcrumb({EditionsCrumb(ctx), EditionCrumb(e), PlansCrumb(ctx, e), {p.title, PlanPath(e, p.id)}});
  data["sent_back_help"] = is_submitter && p.status == PlanStatus::kSentBack;
  data["likes"] = PlanLikes(ctx, in);
  data["submitter_actions"] = SubmitterActions(ctx, in, is_submitter);
  data["merges"] = Merges(ctx, in, is_submitter);
  data["implementation"] = Implementation(ctx, in);
  data["history"] = History(ctx, in);
  data["staff_page"] = ctx.user && Can(&*ctx.user, Action::kManageEdition, e)
                           ? web::ActionLink(ctx.T("budgets.plan.staff_page"), AdminPlanPath(e, p.id))
                           : json(nullptr);
  return data;
}

// ---------------------------------------------------------------- the form

namespace {

json ThemeOptions(const Edition& e, const std::string& chosen) {
  json themes = json::array();
  for (const auto& t : e.themes) themes.push_back({{"name", t}, {"selected", t == chosen}});
  return themes;
}

json NeighbourhoodOptions(const Edition& e, const geography::Municipality& m, const std::string& chosen) {
  std::vector<std::pair<std::string, std::string>> buurten;
  for (const auto& code : e.area) buurten.push_back({NeighbourhoodName(m, code), code});
  std::sort(buurten.begin(), buurten.end());
  json options = json::array();
  for (const auto& [name, code] : buurten) {
    options.push_back({{"code", code}, {"name", name}, {"selected", code == chosen}});
  }
  return options;
}

// The cost lines typed so far plus empty ones, each with its error.
json CostRows(const PlanInput& in, const web::FormView& form) {
  int n_rows = std::clamp<int>(static_cast<int>(in.cost_lines.size()) + 1, kCostRows, kMaxCostLines);
  json rows = json::array();
  for (int i = 1; i <= n_rows; ++i) {
    std::string label, amount;
    if (i <= static_cast<int>(in.cost_lines.size())) std::tie(label, amount) = in.cost_lines[i - 1];
    rows.push_back(
        {{"n", i}, {"label", label}, {"amount", amount}, {"error", form.ErrorFor("cost_" + std::to_string(i))}});
  }
  return rows;
}

}  // namespace

json PlanFormData(const Context& ctx, const Edition& e, const PlanDetails* existing, const PlanInput& in,
                  const geography::Municipality& m, const std::vector<FieldError>& errors) {
  web::FormView form(ctx, errors);
  form.Field({.name = "title", .label_key = "budgets.plan.field.title", .value = in.title});
  form.Field({.name = "description",
              .label_key = "budgets.plan.field.description",
              .value = in.description,
              .description_key = "budgets.plan.field.description_hint",
              .textarea = true,
              .rows = 8});
  form.Label("theme", "budgets.field.theme").Label("neighbourhood", "budgets.plan.field.neighbourhood");
  for (int i = 1; i <= kMaxCostLines; ++i) form.Label("cost_" + std::to_string(i), "budgets.plan.field.costs");
  form.Label("photos", "budgets.plan.field.photos");
  std::vector<web::Crumb> trail = {EditionsCrumb(ctx), EditionCrumb(e)};
  json photos = json::array();
  if (existing) {
    const Plan& p = existing->plan;
    trail.push_back(PlansCrumb(ctx, e));
    trail.push_back({p.title, PlanPath(e, p.id)});
    trail.push_back({ctx.T("budgets.plan_form.edit_title"), PlanPath(e, p.id) + "/bewerken"});
    for (const auto& ph : existing->photos) photos.push_back({{"id", ph.id}, {"url", PhotoUrl(e, ph)}});
  } else {
    trail.push_back({ctx.T("budgets.plan_form.new_title"), PlansPath(e) + "/nieuw"});
  }
  json data = {{"edition", {{"slug", e.slug}, {"title", e.title}, {"budget", MoneyText(ctx, e.budget_cents)}}},
               {"action", existing ? PlanPath(e, existing->plan.id) + "/bewerken" : PlansPath(e) + "/nieuw"},
               {"is_edit", existing != nullptr},
               {"title", ctx.T(existing ? "budgets.plan_form.edit_title" : "budgets.plan_form.new_title")},
               {"breadcrumb", web::Breadcrumb(trail)},
               {"themes", ThemeOptions(e, in.theme)},
               {"theme_error", form.ErrorFor("theme")},
               {"neighbourhoods", NeighbourhoodOptions(e, m, in.neighbourhood_code)},
               {"neighbourhood_error", form.ErrorFor("neighbourhood")},
               {"cost_rows", CostRows(in, form)},
               {"photo_error", form.ErrorFor("photos")},
               {"photos", photos}};
  form.AppendTo(data);
  return data;
}

PlanInput PlanInputOf(const http::FormData& form) {
  PlanInput in;
  in.title = form.Get("title");
  in.description = form.Get("description");
  in.theme = form.Get("theme");
  in.neighbourhood_code = form.Get("neighbourhood");
  for (int i = 1; i <= kMaxCostLines; ++i) {
    std::string n = std::to_string(i);
    if (!form.Has("cost_label_" + n) && !form.Has("cost_amount_" + n)) continue;
    in.cost_lines.push_back({form.Get("cost_label_" + n), form.Get("cost_amount_" + n)});
  }
  return in;
}

std::vector<std::string> PhotosOf(const http::FormData& form) {
  std::vector<std::string> out;
  for (const auto& f : form.Files()) {
    if (f.field == "photos" && !(f.data.empty() && f.filename.empty())) out.push_back(f.data);
  }
  return out;
}

PlanInput InputOfPlan(const Plan& p, std::string_view locale) {
  PlanInput in;
  in.title = p.title;
  in.description = p.description;
  in.theme = p.theme;
  in.neighbourhood_code = p.neighbourhood_code;
  for (const auto& l : p.cost_lines) in.cost_lines.push_back({l.label, PlainAmount(l.amount_cents, locale)});
  return in;
}

}  // namespace wp::budgets
