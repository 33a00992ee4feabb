#include "features/budgets/pages.h"

#include <algorithm>
#include <charconv>

#include "core/i18n/catalog.h"
#include "core/money.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/budgets/edition_directory.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

namespace {

using nlohmann::json;
using web::Context;
using web::FieldSpec;
using web::FormErrors;

constexpr Phase kPublicPhases[] = {Phase::kPlans, Phase::kLikes, Phase::kReview, Phase::kVoting,
                                   Phase::kImplementation};
constexpr int kCostRows = 5;

std::optional<int64_t> ParseId(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::string Money(int64_t cents, const Context& ctx) { return i18n::FormatMoney(wp::Money{cents}, ctx.locale); }

// An amount as typed in a form field: no euro sign, no grouping, the
// locale's decimal mark ("1250,50" in nl, "1250.50" in en), whole euros bare.
std::string PlainAmount(int64_t cents, std::string_view locale) {
  std::string out = std::to_string(cents / 100);
  if (cents % 100 != 0) {
    out += locale == "en" ? '.' : ',';
    out += static_cast<char>('0' + (cents % 100) / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

std::string StatusLabel(const Context& ctx, PlanStatus s) {
  return ctx.T("budgets.status." + std::string(PlanStatusName(s)));
}

int64_t PhaseStart(const Edition& e, Phase p) {
  switch (p) {
    case Phase::kPlans: return e.dates.plans_open;
    case Phase::kLikes: return e.dates.likes_open;
    case Phase::kReview: return e.dates.review_open;
    case Phase::kVoting: return e.dates.voting_open;
    case Phase::kImplementation: return e.dates.voting_close;
    default: return 0;
  }
}

std::string NeighbourhoodName(const geography::Municipality& m, const std::string& code) {
  auto parsed = geography::NeighbourhoodCode::Parse(code);
  const geography::Neighbourhood* n = parsed ? geography::FindNeighbourhood(m, *parsed) : nullptr;
  return n ? n->name : code;
}

// Wijken (districts) that make up the area, by name.
std::vector<std::string> AreaDistricts(const geography::Municipality& m, const Edition& e) {
  std::vector<std::string> names;
  for (const auto& code : e.area) {
    auto parsed = geography::NeighbourhoodCode::Parse(code);
    const geography::Neighbourhood* n = parsed ? geography::FindNeighbourhood(m, *parsed) : nullptr;
    if (!n) continue;
    const geography::District* d = geography::FindDistrict(m, n->district_code);
    std::string name = d ? d->name : n->district_code.str();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::map<std::string, std::string> BoroughOfBuurt(const geography::Municipality& m) {
  std::map<std::string, std::string> out;
  for (const auto& n : m.neighbourhoods) {
    const geography::Borough* b = geography::FindBorough(m, n.borough);
    out[n.code.str()] = b ? b->slug : "";
  }
  return out;
}

json EditionJson(const Context& ctx, const Edition& e, int64_t now, const geography::Municipality& m,
                 const time::TimeZone& zone) {
  Phase phase = PhaseAt(e, now);
  json j;
  j["slug"] = e.slug;
  j["title"] = e.title;
  j["description"] = e.description;
  j["budget"] = Money(e.budget_cents, ctx);
  j["themes"] = e.themes;
  j["min_age"] = e.min_age;
  j["like_threshold"] = e.like_threshold;
  j["published"] = e.published;
  j["phase"] = std::string(PhaseName(phase));
  j["phase_label"] = ctx.T("budgets.phase." + std::string(PhaseName(phase)));
  const geography::Borough* b = geography::FindBoroughBySlug(m, e.borough_slug);
  j["area_name"] = b ? b->name : m.name;
  auto districts = AreaDistricts(m, e);
  j["area_districts"] = JoinStrings(districts, ", ");
  j["ballot_text"] = e.ballot_kind == BallotKind::kPickUpTo ? ctx.T("budgets.ballot.pick_up_to", {{"k", e.max_plans}})
                                                            : ctx.T("budgets.ballot.split_budget");
  j["rule_text"] = ctx.T("budgets.rule." + std::string(CountingRuleName(e.counting_rule)));
  if (e.min_spend_cents) j["min_spend"] = Money(*e.min_spend_cents, ctx);
  if (e.max_spend_cents) j["max_spend"] = Money(*e.max_spend_cents, ctx);
  json timeline = json::array();
  for (Phase p : kPublicPhases) {
    bool current = p == phase;
    bool done = static_cast<int>(phase) > static_cast<int>(p);
    timeline.push_back({{"label", ctx.T("budgets.phase." + std::string(PhaseName(p)))},
                        {"date", time::FormatPeriodStart(zone, PhaseStart(e, p), ctx.locale)},
                        {"current", current},
                        {"done", done}});
  }
  j["timeline"] = timeline;
  // What happens now and next, in words. Voting runs up to and including its
  // last day, the day before voting_close.
  std::string next_date;
  switch (phase) {
    case Phase::kBeforePlans: next_date = time::FormatPeriodStart(zone, e.dates.plans_open, ctx.locale); break;
    case Phase::kPlans: next_date = time::FormatPeriodStart(zone, e.dates.likes_open, ctx.locale); break;
    case Phase::kLikes: next_date = time::FormatPeriodStart(zone, e.dates.review_open, ctx.locale); break;
    case Phase::kReview: next_date = time::FormatPeriodStart(zone, e.dates.voting_open, ctx.locale); break;
    case Phase::kVoting: next_date = time::FormatPeriodEnd(zone, e.dates.voting_close, ctx.locale); break;
    default: break;
  }
  j["now_text"] = ctx.T("budgets.phase." + std::string(PhaseName(phase)) + ".now", {{"threshold", e.like_threshold}});
  j["next_text"] = ctx.T("budgets.phase." + std::string(PhaseName(phase)) + ".next", {{"date", next_date}});
  j["is_plans"] = phase == Phase::kPlans;
  j["is_likes"] = phase == Phase::kLikes;
  j["is_review"] = phase == Phase::kReview;
  j["is_voting"] = phase == Phase::kVoting;
  j["is_implementation"] = phase == Phase::kImplementation;
  return j;
}

json PlanSummaryJson(const Context& ctx, const Edition& e, const Plan& p, const geography::Municipality& m) {
  json j;
  j["id"] = p.id;
  j["title"] = p.title;
  j["theme"] = p.theme;
  j["status"] = std::string(PlanStatusName(p.status));
  j["status_label"] = StatusLabel(ctx, p.status);
  j["cost"] = Money(p.cost_cents, ctx);
  j["likes"] = p.likes;
  j["threshold"] = e.like_threshold;
  j["likes_text"] = ctx.T("budgets.likes.progress", {{"count", p.likes}, {"threshold", e.like_threshold}});
  j["progress_value"] = std::min<int64_t>(p.likes, e.like_threshold);
  j["reached"] = p.likes >= e.like_threshold;
  j["neighbourhood"] = NeighbourhoodName(m, p.neighbourhood_code);
  j["url"] = "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(p.id);
  j["admin_url"] = "/beheer/wijkbudget/" + e.slug + "/plannen/" + std::to_string(p.id);
  j["submitter_name"] = p.submitter_name;
  return j;
}

bool IsVisibleInList(PlanStatus s) { return s != PlanStatus::kWithdrawn && s != PlanStatus::kMerged; }

// The edition for `slug`, when the viewer may see it (drafts: officials only).
Result<Edition> VisibleEdition(BudgetCommands& commands, std::string_view slug, const Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto e, commands.FindEdition(slug));
  if (!e) return NotFound("no such edition", "budgets.error.edition_not_found");
  if (!e->published && !(ctx.user && IsOfficial(*ctx.user, e->borough_slug))) {
    return NotFound("no such edition", "budgets.error.edition_not_found");
  }
  WP_TRY_VOID(commands.Settle(*e));
  return std::move(*e);
}

std::vector<std::string> PhotoDataOf(const http::FormData& form) {
  std::vector<std::string> out;
  for (const auto& f : form.Files()) {
    if (f.field == "photos" && !(f.data.empty() && f.filename.empty())) out.push_back(f.data);
  }
  return out;
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

// Label of a form field for the error summary. Plan and edition fields share
// the "budgets.field." keys; cost lines and photos have their own.
std::string LabelKeyFor(const std::string& field) {
  if (field.rfind("cost_", 0) == 0) return "budgets.plan.field.costs";
  if (field == "neighbourhood") return "budgets.plan.field.neighbourhood";
  if (field == "photos") return "budgets.plan.field.photos";
  return "budgets.field." + field;
}

void AddProblems(const Context& ctx, FormErrors& errors, const Rejected& rejected) {
  for (const auto& p : rejected.problems) errors.Add(ctx, p.field, LabelKeyFor(p.field), p.key);
}

}  // namespace

void AddBudgetRoutes(http::Router& router, const web::Web& web, BudgetCommands& commands,
                     geography::GeographyService& geography, const time::TimeZone& zone) {
  web::PageOptions login;
  login.require_login = true;

  // ------------------------------------------------------------ public: editions

  router.Get("/wijkbudget", web.Page([&web, &commands, &geography, &zone](http::Request&, Context& ctx) {
    auto editions = commands.ListEditions(ctx.user ? &*ctx.user : nullptr);
    if (!editions.has_value()) return web.ErrorPage(ctx, editions.error());
    auto m = geography.current();
    json list = json::array();
    for (const auto& e : *editions) list.push_back(EditionJson(ctx, e, commands.Now(), *m, zone));
    json data;
    data["editions"] = list;
    bool official = ctx.user && (HoldsRoleAnywhere(*ctx.user, auth::Role::kAreaLiaison));
    data["can_create"] = official;
    return web.Render(ctx, "budgets/editions.html", "budgets.editions.title", data);
  }));

  router.Get("/wijkbudget/{slug}", web.Page([&web, &commands, &geography, &zone](http::Request& req, Context& ctx) {
    auto e = VisibleEdition(commands, req.Param("slug"), ctx);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    auto plans = commands.Plans(e->id);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    auto m = geography.current();
    json data;
    data["edition"] = EditionJson(ctx, *e, commands.Now(), *m, zone);
    data["title"] = e->title;
    json funded = json::array();
    int visible = 0;
    for (const auto& p : *plans) {
      if (IsVisibleInList(p.status)) ++visible;
      if (p.status == PlanStatus::kSelected || p.status == PlanStatus::kInProgress || p.status == PlanStatus::kDone) {
        funded.push_back(PlanSummaryJson(ctx, *e, p, *m));
      }
    }
    data["has_funded"] = !funded.empty();
    data["funded"] = funded;
    data["plan_count"] = visible;
    data["can_manage"] = ctx.user && EditionDirectory::CanManage(*ctx.user, *e);
    data["can_review"] = ctx.user && Can(&*ctx.user, Action::kReviewPlan, *e);
    return web.Render(ctx, "budgets/edition.html", "", data);
  }));

  router.Get("/wijkbudget/{slug}/plannen", web.Page([&web, &commands, &geography,
                                                     &zone](http::Request& req, Context& ctx) {
    auto e = VisibleEdition(commands, req.Param("slug"), ctx);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    auto plans = commands.Plans(e->id);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    std::string theme = req.QueryParam("thema").value_or("");
    auto m = geography.current();
    json list = json::array();
    Phase phase = PhaseAt(*e, commands.Now());
    for (const auto& p : *plans) {
      if (!IsVisibleInList(p.status)) continue;
      if (!theme.empty() && p.theme != theme) continue;
      json j = PlanSummaryJson(ctx, *e, p, *m);
      if (phase == Phase::kLikes && ctx.user && IsLikeable(p.status)) {
        auto liked = commands.HasLiked(p.id, ctx.user->id);
        if (!liked.has_value()) return web.ErrorPage(ctx, liked.error());
        j["can_like"] = !*liked;
        j["can_unlike"] = *liked;
      }
      list.push_back(j);
    }
    json themes = json::array();
    for (const auto& t : e->themes) themes.push_back({{"name", t}, {"selected", t == theme}});
    json data;
    data["edition"] = EditionJson(ctx, *e, commands.Now(), *m, zone);
    data["plans"] = list;
    data["themes"] = themes;
    data["theme"] = theme;
    data["show_likes"] = phase == Phase::kLikes || phase == Phase::kPlans;
    data["title"] = ctx.T("budgets.plans.title", {{"edition", e->title}});
    return web.Render(ctx, "budgets/plans.html", "", data);
  }));

  // ------------------------------------------------------------ plan form

  auto render_plan_form = [&web, &geography](Context& ctx, const Edition& e, const std::optional<PlanDetails>& existing,
                                             const PlanInput& in, const FormErrors& errors, int status) {
    auto m = geography.current();
    json data;
    data["edition"] = {{"slug", e.slug}, {"title", e.title}, {"budget", Money(e.budget_cents, ctx)}};
    data["action"] = existing ? "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(existing->plan.id) + "/bewerken"
                              : "/wijkbudget/" + e.slug + "/plannen/nieuw";
    data["is_edit"] = existing.has_value();
    data["title"] = existing ? ctx.T("budgets.plan_form.edit_title") : ctx.T("budgets.plan_form.new_title");
    data["fields"]["title"] = web::FieldJson(ctx, {.name = "title", .label_key = "budgets.plan.field.title",
                                                   .value = in.title, .error_key = errors.KeyFor("title")});
    data["fields"]["description"] =
        web::FieldJson(ctx, {.name = "description", .label_key = "budgets.plan.field.description",
                             .value = in.description, .description_key = "budgets.plan.field.description_hint",
                             .error_key = errors.KeyFor("description"), .textarea = true, .rows = 8});
    json themes = json::array();
    for (const auto& t : e.themes) themes.push_back({{"name", t}, {"selected", t == in.theme}});
    data["themes"] = themes;
    data["theme_error"] = errors.KeyFor("theme").empty() ? "" : ctx.T(errors.KeyFor("theme"));
    std::vector<std::pair<std::string, std::string>> buurten;
    for (const auto& code : e.area) buurten.push_back({NeighbourhoodName(*m, code), code});
    std::sort(buurten.begin(), buurten.end());
    json nb = json::array();
    for (const auto& [name, code] : buurten) {
      nb.push_back({{"code", code}, {"name", name}, {"selected", code == in.neighbourhood_code}});
    }
    data["neighbourhoods"] = nb;
    data["neighbourhood_error"] =
        errors.KeyFor("neighbourhood").empty() ? "" : ctx.T(errors.KeyFor("neighbourhood"));
    json rows = json::array();
    int n_rows = std::max<int>(kCostRows, static_cast<int>(in.cost_lines.size()) + 1);
    n_rows = std::min(n_rows, kMaxCostLines);
    std::string cost_error;
    for (int i = 1; i <= n_rows; ++i) {
      std::string label, amount;
      if (i <= static_cast<int>(in.cost_lines.size())) std::tie(label, amount) = in.cost_lines[i - 1];
      std::string err = errors.KeyFor("cost_" + std::to_string(i));
      if (!err.empty() && cost_error.empty()) cost_error = ctx.T(err);
      rows.push_back({{"n", i}, {"label", label}, {"amount", amount}, {"error", err.empty() ? "" : ctx.T(err)}});
    }
    data["cost_rows"] = rows;
    data["photo_error"] = errors.KeyFor("photos").empty() ? "" : ctx.T(errors.KeyFor("photos"));
    if (existing) {
      json photos = json::array();
      for (const auto& ph : existing->photos) {
        photos.push_back({{"id", ph.id},
                          {"url", "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(ph.plan_id) + "/foto/" +
                                      ph.stored_name}});
      }
      data["photos"] = photos;
    }
    errors.AppendTo(data);
    return web.Render(ctx, "budgets/plan_form.html", "", data, status);
  };

  auto input_of_plan = [](const Plan& p, const Context& ctx) {
    PlanInput in;
    in.title = p.title;
    in.description = p.description;
    in.theme = p.theme;
    in.neighbourhood_code = p.neighbourhood_code;
    for (const auto& l : p.cost_lines) in.cost_lines.push_back({l.label, PlainAmount(l.amount_cents, ctx.locale)});
    return in;
  };

  router.Get("/wijkbudget/{slug}/plannen/nieuw",
             web.Page([&web, &commands, render_plan_form](http::Request& req, Context& ctx) {
               auto e = VisibleEdition(commands, req.Param("slug"), ctx);
               if (!e.has_value()) return web.ErrorPage(ctx, e.error());
               if (PhaseAt(*e, commands.Now()) != Phase::kPlans) {
                 return web.ErrorPage(ctx, Conflict("closed", "budgets.error.phase_closed"));
               }
               return render_plan_form(ctx, *e, std::nullopt, PlanInput{}, FormErrors(), 200);
             }, login));

  router.Post("/wijkbudget/{slug}/plannen/nieuw",
              web.Page([&web, &commands, render_plan_form](http::Request& req, Context& ctx) {
                auto e = VisibleEdition(commands, req.Param("slug"), ctx);
                if (!e.has_value()) return web.ErrorPage(ctx, e.error());
                PlanInput in = PlanInputOf(ctx.form);
                Rejected rejected;
                auto id = commands.SubmitPlan(*ctx.user, *e, in, PhotoDataOf(ctx.form), &rejected);
                if (!id.has_value()) {
                  if (id.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, id.error());
                  FormErrors errors;
                  AddProblems(ctx, errors, rejected);
                  return render_plan_form(ctx, *e, std::nullopt, in, errors, 422);
                }
                return web.Redirect(ctx, "/wijkbudget/" + e->slug + "/plannen/" + std::to_string(*id),
                                    web::Flash{"success", "budgets.plan.submitted"});
              }, login));

  router.Get("/wijkbudget/{slug}/plannen/{id}/bewerken",
             web.Page([&web, &commands, render_plan_form, input_of_plan](http::Request& req, Context& ctx) {
               auto e = VisibleEdition(commands, req.Param("slug"), ctx);
               if (!e.has_value()) return web.ErrorPage(ctx, e.error());
               auto id = ParseId(req.Param("id"));
               if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
               auto d = commands.Details(*e, *id);
               if (!d.has_value()) return web.ErrorPage(ctx, d.error());
               if (!Can(&*ctx.user, Action::kEditPlan, *e, d->plan.submitter_id)) {
                 return web.ErrorPage(ctx, Forbidden("not the submitter", "budgets.error.forbidden"));
               }
               if (PhaseAt(*e, commands.Now()) != Phase::kPlans || !IsEditable(d->plan.status)) {
                 return web.ErrorPage(ctx, Conflict("closed", "budgets.error.phase_closed"));
               }
               return render_plan_form(ctx, *e, *d, input_of_plan(d->plan, ctx), FormErrors(), 200);
             }, login));

  router.Post("/wijkbudget/{slug}/plannen/{id}/bewerken",
              web.Page([&web, &commands, render_plan_form](http::Request& req, Context& ctx) {
                auto e = VisibleEdition(commands, req.Param("slug"), ctx);
                if (!e.has_value()) return web.ErrorPage(ctx, e.error());
                auto id = ParseId(req.Param("id"));
                if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
                PlanInput in = PlanInputOf(ctx.form);
                std::vector<int64_t> remove;
                for (const auto& v : ctx.form.GetAll("remove_photo")) {
                  if (auto pid = ParseId(v)) remove.push_back(*pid);
                }
                Rejected rejected;
                auto r = commands.EditPlan(*ctx.user, *e, *id, in, PhotoDataOf(ctx.form), remove, &rejected);
                if (!r.has_value()) {
                  if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
                  auto d = commands.Details(*e, *id);
                  if (!d.has_value()) return web.ErrorPage(ctx, d.error());
                  FormErrors errors;
                  AddProblems(ctx, errors, rejected);
                  return render_plan_form(ctx, *e, *d, in, errors, 422);
                }
                return web.Redirect(ctx, "/wijkbudget/" + e->slug + "/plannen/" + std::to_string(*id),
                                    web::Flash{"success", "budgets.plan.saved"});
              }, login));

  // ------------------------------------------------------------ plan page

  auto render_plan = [&web, &commands, &geography, &zone](Context& ctx, const Edition& e, int64_t plan_id,
                                                   const FormErrors& errors, const std::string& progress_note,
                                                   int status) {
    auto d = commands.Details(e, plan_id);
    if (!d.has_value()) return web.ErrorPage(ctx, d.error());
    const Plan& p = d->plan;
    auto m = geography.current();
    int64_t now = commands.Now();
    Phase phase = PhaseAt(e, now);
    json data;
    data["edition"] = EditionJson(ctx, e, now, *m, zone);
    data["plan"] = PlanSummaryJson(ctx, e, p, *m);
    data["title"] = p.title;
    data["plan"]["description"] = p.description;
    data["plan"]["note"] = p.status_note;
    data["plan"]["created"] = time::FormatDate(zone, p.created_at, ctx.locale);
    json costs = json::array();
    for (const auto& l : p.cost_lines) costs.push_back({{"label", l.label}, {"amount", Money(l.amount_cents, ctx)}});
    data["costs"] = costs;
    json photos = json::array();
    int n = 0;
    for (const auto& ph : d->photos) {
      photos.push_back({{"url", "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(p.id) + "/foto/" +
                                    ph.stored_name},
                        {"alt", ctx.T("budgets.plan.photo_alt", {{"n", std::to_string(++n)}, {"title", p.title}})}});
    }
    data["photos"] = photos;
    json history = json::array();
    for (const auto& ev : d->history) {
      auto to = ParsePlanStatus(ev.to_status);
      history.push_back({{"date", time::FormatDate(zone, ev.at, ctx.locale)},
                         {"actor", ev.actor_name},
                         {"status", to ? StatusLabel(ctx, *to) : ev.to_status},
                         {"note", ev.note == "edited" ? ctx.T("budgets.history.edited") : ev.note}});
    }
    data["history"] = history;
    bool signed_in = ctx.user.has_value();
    bool is_submitter = signed_in && Can(&*ctx.user, Action::kEditPlan, e, p.submitter_id);
    bool is_official = signed_in && Can(&*ctx.user, Action::kManageEdition, e);
    data["is_submitter"] = is_submitter;
    data["can_edit"] = is_submitter && phase == Phase::kPlans && IsEditable(p.status);
    data["can_withdraw"] = is_submitter && (phase == Phase::kPlans || phase == Phase::kLikes) &&
                           CanTransition(p.status, PlanStatus::kWithdrawn);
    data["like_phase"] = phase == Phase::kLikes && IsLikeable(p.status);
    data["show_likes"] = phase == Phase::kLikes || phase == Phase::kPlans;
    if (phase == Phase::kLikes && signed_in && IsLikeable(p.status)) {
      auto liked = commands.HasLiked(p.id, ctx.user->id);
      if (!liked.has_value()) return web.ErrorPage(ctx, liked.error());
      data["can_like"] = !*liked;
      data["can_unlike"] = *liked;
    }
    data["sign_in_to_like"] = phase == Phase::kLikes && !signed_in && IsLikeable(p.status);
    data["other_support"] = NeedsOtherSupport(p.status) || p.status == PlanStatus::kMunicipalDuty;
    data["sent_back"] = p.status == PlanStatus::kSentBack;
    if (p.merged_into) data["merged_into_url"] = "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(*p.merged_into);
    json merges = json::array();
    for (const auto& mg : d->merges) {
      if (mg.state != "pending") continue;
      bool mine_source = mg.source_plan_id == p.id;
      int64_t other = mine_source ? mg.target_plan_id : mg.source_plan_id;
      merges.push_back({{"id", mg.id},
                        {"other_url", "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(other)},
                        {"other_id", other},
                        {"note", mg.note},
                        {"into_other", mine_source},
                        {"my_consent", mine_source ? mg.source_consent : mg.target_consent},
                        {"can_answer", is_submitter && !(mine_source ? mg.source_consent : mg.target_consent)}});
    }
    data["merges"] = merges;
    bool funded = p.status == PlanStatus::kSelected || p.status == PlanStatus::kInProgress ||
                  p.status == PlanStatus::kDone;
    data["funded"] = funded;
    json milestones = json::array();
    for (const auto& ms : d->milestones) {
      milestones.push_back({{"id", ms.id},
                            {"title", ms.title},
                            {"due", time::FormatDate(zone, ms.due_at, ctx.locale)},
                            {"done", ms.done_at.has_value()},
                            {"done_date", ms.done_at ? time::FormatDate(zone, *ms.done_at, ctx.locale) : ""}});
    }
    data["milestones"] = milestones;
    json progress = json::array();
    for (const auto& u : d->progress) {
      progress.push_back(
          {{"date", time::FormatDate(zone, u.at, ctx.locale)}, {"author", u.author_name}, {"note", u.note}});
    }
    data["progress"] = progress;
    data["can_progress"] = funded && p.status != PlanStatus::kDone && signed_in &&
                           Can(&*ctx.user, Action::kUpdateProgress, e, p.submitter_id);
    data["is_official"] = is_official;
    data["fields"]["note"] = web::FieldJson(ctx, {.name = "note", .label_key = "budgets.progress.field.note",
                                                  .value = progress_note, .error_key = errors.KeyFor("note"),
                                                  .textarea = true, .rows = 4});
    json open_ms = json::array();
    for (const auto& ms : d->milestones) {
      if (!ms.done_at) open_ms.push_back({{"id", ms.id}, {"title", ms.title}});
    }
    data["open_milestones"] = open_ms;
    errors.AppendTo(data);
    return web.Render(ctx, "budgets/plan.html", "", data, status);
  };

  router.Get("/wijkbudget/{slug}/plannen/{id}", web.Page([&web, &commands, render_plan](http::Request& req, Context& ctx) {
    auto e = VisibleEdition(commands, req.Param("slug"), ctx);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    auto id = ParseId(req.Param("id"));
    if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
    return render_plan(ctx, *e, *id, FormErrors(), "", 200);
  }));

  // One POST handler shape for the small plan actions: run `fn`, then go back
  // to the plan page with a flash, or show the error.
  using PlanAction = std::function<Result<void>(const Edition&, int64_t, Context&)>;
  auto plan_action = [&web, &commands](std::string flash_key, PlanAction fn) {
    return [&web, &commands, flash_key, fn](http::Request& req, Context& ctx) {
      auto e = VisibleEdition(commands, req.Param("slug"), ctx);
      if (!e.has_value()) return web.ErrorPage(ctx, e.error());
      auto id = ParseId(req.Param("id"));
      if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
      auto r = fn(*e, *id, ctx);
      if (!r.has_value()) return web.ErrorPage(ctx, r.error());
      std::string back = "/wijkbudget/" + e->slug + "/plannen/" + std::to_string(*id);
      std::string next = ctx.form.Get("next");
      if (!next.empty() && web::Web::IsLocalPath(next)) back = next;
      return web.Redirect(ctx, back, web::Flash{"success", flash_key});
    };
  };

  router.Post("/wijkbudget/{slug}/plannen/{id}/like",
              web.Page(plan_action("budgets.like.done",
                                   [&commands](const Edition& e, int64_t id, Context& ctx) {
                                     return commands.Like(*ctx.user, e, id);
                                   }),
                       login));
  router.Post("/wijkbudget/{slug}/plannen/{id}/like-intrekken",
              web.Page(plan_action("budgets.like.undone",
                                   [&commands](const Edition& e, int64_t id, Context& ctx) {
                                     return commands.Unlike(*ctx.user, e, id);
                                   }),
                       login));
  router.Post("/wijkbudget/{slug}/plannen/{id}/intrekken",
              web.Page(plan_action("budgets.plan.withdrawn",
                                   [&commands](const Edition& e, int64_t id, Context& ctx) {
                                     return commands.WithdrawPlan(*ctx.user, e, id);
                                   }),
                       login));
  router.Post("/wijkbudget/{slug}/plannen/{id}/samenvoegen/{merge}",
              web.Page(plan_action("budgets.merge.answered",
                                   [&commands](const Edition& e, int64_t, Context& ctx) -> Result<void> {
                                     auto merge_id = ParseId(ctx.request->Param("merge"));
                                     if (!merge_id) return NotFound("bad merge id");
                                     bool agree = ctx.form.Get("answer") == "yes";
                                     WP_ASSIGN_OR_RETURN([[maybe_unused]] bool done,
                                                         commands.AnswerMerge(*ctx.user, e, *merge_id, agree));
                                     return Ok();
                                   }),
                       login));

  router.Post("/wijkbudget/{slug}/plannen/{id}/voortgang",
              web.Page([&web, &commands, render_plan](http::Request& req, Context& ctx) {
                auto e = VisibleEdition(commands, req.Param("slug"), ctx);
                if (!e.has_value()) return web.ErrorPage(ctx, e.error());
                auto id = ParseId(req.Param("id"));
                if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
                std::optional<int64_t> milestone;
                if (!ctx.form.Get("milestone").empty()) milestone = ParseId(ctx.form.Get("milestone"));
                bool done = ctx.form.Get("plan_done") == "1";
                auto r = commands.PostProgress(*ctx.user, *e, *id, ctx.form.Get("note"), milestone, done);
                if (!r.has_value()) {
                  if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
                  FormErrors errors;
                  errors.Add(ctx, "note", "budgets.progress.field.note", r.error().user_message_key);
                  return render_plan(ctx, *e, *id, errors, ctx.form.Get("note"), 422);
                }
                return web.Redirect(ctx, "/wijkbudget/" + e->slug + "/plannen/" + std::to_string(*id),
                                    web::Flash{"success", "budgets.progress.saved"});
              }, login));

  // Photos: public, served with their checked type and nosniff.
  router.Get("/wijkbudget/{slug}/plannen/{id}/foto/{name}", [&commands](http::Request& req) {
    std::string name(req.Param("name"));
    auto id = ParseId(req.Param("id"));
    auto e = commands.FindEdition(req.Param("slug"));
    auto photo = commands.ReadPhoto(name);
    if (!id || !e.has_value() || !*e || !(*e)->published || !photo.has_value() || !*photo ||
        (*photo)->plan_id != *id) {
      return http::Response::Text("not found\n", 404);
    }
    auto plan = commands.Details(**e, *id);
    if (!plan.has_value()) return http::Response::Text("not found\n", 404);
    http::Response resp;
    resp.status = 200;
    resp.body = std::move((*photo)->bytes);
    resp.headers.Set("Content-Type", (*photo)->content_type);
    resp.headers.Set("X-Content-Type-Options", "nosniff");
    resp.headers.Set("Cache-Control", "public, max-age=86400");
    resp.headers.Set("Content-Disposition", "inline");
    return resp;
  });

  // ------------------------------------------------------------ officials: editions

  auto render_edition_form = [&web, &geography](Context& ctx, const std::optional<Edition>& stored,
                                                const http::FormData& form, const FormErrors& errors, int status) {
    auto m = geography.current();
    json data;
    data["title"] = stored ? ctx.T("budgets.edition_form.edit_title", {{"edition", stored->title}})
                           : ctx.T("budgets.edition_form.new_title");
    data["action"] = stored ? "/beheer/wijkbudget/" + stored->slug : "/beheer/wijkbudget/nieuw";
    auto text = [&](const std::string& name, const std::string& type, const std::string& hint, bool required,
                    const std::string& inputmode = "") {
      data["fields"][name] = web::FieldJson(ctx, {.name = name, .label_key = "budgets.field." + name, .type = type,
                                                  .value = form.Get(name), .description_key = hint,
                                                  .error_key = errors.KeyFor(name), .required = required,
                                                  .inputmode = inputmode});
    };
    text("title", "text", "", true);
    text("slug", "text", "budgets.field.slug_hint", true);
    data["fields"]["description"] =
        web::FieldJson(ctx, {.name = "description", .label_key = "budgets.field.description",
                             .value = form.Get("description"), .error_key = errors.KeyFor("description"),
                             .required = false, .textarea = true, .rows = 5});
    text("budget", "text", "budgets.field.budget_hint", true, "decimal");
    data["fields"]["themes"] = web::FieldJson(ctx, {.name = "themes", .label_key = "budgets.field.themes",
                                                    .value = form.Get("themes"),
                                                    .description_key = "budgets.field.themes_hint",
                                                    .error_key = errors.KeyFor("themes"), .textarea = true, .rows = 4});
    text("min_age", "number", "", true, "numeric");
    text("like_threshold", "number", "budgets.field.like_threshold_hint", true, "numeric");
    text("max_plans", "number", "budgets.field.max_plans_hint", false, "numeric");
    text("min_spend", "text", "budgets.field.spend_hint", false, "decimal");
    text("max_spend", "text", "budgets.field.spend_hint", false, "decimal");
    for (const char* d : {"plans_open", "likes_open", "review_open", "voting_open", "voting_close"}) {
      text(d, "date", "", true);
    }
    std::string borough = form.Get("borough");
    json boroughs = json::array();
    boroughs.push_back({{"slug", ""}, {"name", ctx.T("budgets.field.whole_municipality")}, {"selected", borough.empty()}});
    std::vector<std::string> chosen = form.GetAll("wijk");
    json wijken = json::array();
    for (const auto& b : m->boroughs) {
      boroughs.push_back({{"slug", b.slug}, {"name", b.name}, {"selected", b.slug == borough}});
      json ds = json::array();
      for (const auto* d : geography::DistrictsOfBorough(*m, b.name)) {
        bool checked = std::find(chosen.begin(), chosen.end(), d->code.str()) != chosen.end();
        ds.push_back({{"code", d->code.str()}, {"name", d->name}, {"checked", checked}});
      }
      wijken.push_back({{"borough", b.name}, {"districts", ds}});
    }
    data["boroughs"] = boroughs;
    data["wijken"] = wijken;
    data["area_error"] = errors.KeyFor("area").empty() ? "" : ctx.T(errors.KeyFor("area"));
    std::string kind = form.Get("ballot_kind");
    data["kind_split"] = kind != "pick_up_to";
    data["kind_pick"] = kind == "pick_up_to";
    data["rule_greedy"] = form.Get("counting_rule") != "equal_shares";
    data["rule_mes"] = form.Get("counting_rule") == "equal_shares";
    data["published"] = form.Get("published") == "1";
    errors.AppendTo(data);
    return web.Render(ctx, "budgets/edition_form.html", "", data, status);
  };

  auto form_of_edition = [&zone](const Edition& e, const geography::Municipality& m, const Context& ctx) {
    http::FormData f;
    f.AddField("title", e.title);
    f.AddField("slug", e.slug);
    f.AddField("description", e.description);
    f.AddField("budget", PlainAmount(e.budget_cents, ctx.locale));
    f.AddField("themes", JoinStrings(e.themes, "\n"));
    f.AddField("min_age", std::to_string(e.min_age));
    f.AddField("like_threshold", std::to_string(e.like_threshold));
    if (e.max_plans > 0) f.AddField("max_plans", std::to_string(e.max_plans));
    if (e.min_spend_cents) f.AddField("min_spend", PlainAmount(*e.min_spend_cents, ctx.locale));
    if (e.max_spend_cents) f.AddField("max_spend", PlainAmount(*e.max_spend_cents, ctx.locale));
    // Phases start at local midnight of their first day; the voting_close
    // field holds the last day of voting (voting closes at the end of it).
    f.AddField("plans_open", time::DateInputValue(zone, e.dates.plans_open));
    f.AddField("likes_open", time::DateInputValue(zone, e.dates.likes_open));
    f.AddField("review_open", time::DateInputValue(zone, e.dates.review_open));
    f.AddField("voting_open", time::DateInputValue(zone, e.dates.voting_open));
    f.AddField("voting_close", time::LastDayInputValue(zone, e.dates.voting_close));
    f.AddField("borough", e.borough_slug);
    f.AddField("ballot_kind", std::string(BallotKindName(e.ballot_kind)));
    f.AddField("counting_rule", std::string(CountingRuleName(e.counting_rule)));
    if (e.published) f.AddField("published", "1");
    // Tick the wijken whose buurten are all in the area (unless that is the whole stadsdeel).
    const geography::Borough* b = geography::FindBoroughBySlug(m, e.borough_slug);
    size_t borough_buurten = 0;
    if (b) {
      for (const auto& n : m.neighbourhoods) borough_buurten += n.borough == b->name ? 1 : 0;
    }
    if (!b || borough_buurten != e.area.size()) {
      for (const auto& d : m.districts) {
        auto ns = geography::NeighbourhoodsOfDistrict(m, d.code);
        bool all = !ns.empty();
        for (const auto* n : ns) all = all && e.area.count(n->code.str());
        if (all) f.AddField("wijk", d.code.str());
      }
    }
    return f;
  };

  // Reads the edition form; FormErrors for the fields that do not parse.
  auto edition_of_form = [&zone](const http::FormData& form, const geography::Municipality& m, const Context& ctx,
                            FormErrors& errors) {
    Edition e;
    e.title = form.Get("title");
    e.slug = ToLower(Trim(form.Get("slug")));
    if (e.slug.empty()) e.slug = Slugify(e.title);
    e.description = form.Get("description");
    e.borough_slug = form.Get("borough");
    auto budget = ParseMoney(form.Get("budget"));
    if (!budget) errors.Add(ctx, "budget", "budgets.field.budget", "budgets.edition.error.money");
    e.budget_cents = budget ? budget->cents : 0;
    const std::string themes_text = form.Get("themes");  // Split returns views into it
    for (auto line : Split(themes_text, '\n')) {
      std::string t(Trim(line));
      if (!t.empty()) e.themes.push_back(t);
    }
    auto int_field = [&](const std::string& name, int fallback, bool required) -> int {
      std::string v(Trim(form.Get(name)));
      if (v.empty()) {
        if (required) errors.Add(ctx, name, "budgets.field." + name, "web.required");
        return fallback;
      }
      int out = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
      if (ec != std::errc() || p != v.data() + v.size()) {
        errors.Add(ctx, name, "budgets.field." + name, "budgets.edition.error.number");
        return fallback;
      }
      return out;
    };
    e.min_age = int_field("min_age", 16, true);
    e.like_threshold = int_field("like_threshold", 50, true);
    e.max_plans = int_field("max_plans", 0, false);
    auto kind = ParseBallotKind(form.Get("ballot_kind"));
    e.ballot_kind = kind.value_or(BallotKind::kSplitBudget);
    if (e.ballot_kind == BallotKind::kSplitBudget) e.max_plans = 0;
    e.counting_rule = ParseCountingRule(form.Get("counting_rule")).value_or(CountingRule::kGreedy);
    auto spend = [&](const std::string& name) -> std::optional<int64_t> {
      std::string v(Trim(form.Get(name)));
      if (v.empty()) return std::nullopt;
      auto mny = ParseMoney(v);
      if (!mny) {
        errors.Add(ctx, name, "budgets.field." + name, "budgets.edition.error.money");
        return std::nullopt;
      }
      return mny->cents;
    };
    e.min_spend_cents = spend("min_spend");
    e.max_spend_cents = spend("max_spend");
    // Local dates: a phase starts at midnight in Haarlem; voting ends at the
    // end of its last day (the next local midnight).
    auto date = [&](const std::string& name, bool last_day) -> int64_t {
      auto d = time::ParseDateInput(form.Get(name));
      if (!d) {
        errors.Add(ctx, name, "budgets.field." + name, "budgets.edition.error.date");
        return 0;
      }
      return last_day ? time::EndOfDay(zone, *d) : zone.StartOfDay(*d);
    };
    e.dates.plans_open = date("plans_open", false);
    e.dates.likes_open = date("likes_open", false);
    e.dates.review_open = date("review_open", false);
    e.dates.voting_open = date("voting_open", false);
    e.dates.voting_close = date("voting_close", true);
    e.published = form.Get("published") == "1";
    // Area: the ticked wijken, else the whole stadsdeel (or municipality).
    std::vector<std::string> wijken = form.GetAll("wijk");
    if (!wijken.empty()) {
      for (const auto& w : wijken) {
        auto code = geography::DistrictCode::Parse(w);
        if (!code) {
          e.area.insert(w);  // reported as unknown by CheckEdition
          continue;
        }
        auto ns = geography::NeighbourhoodsOfDistrict(m, *code);
        if (ns.empty()) e.area.insert(w);
        for (const auto* n : ns) e.area.insert(n->code.str());
      }
    } else {
      const geography::Borough* b = geography::FindBoroughBySlug(m, e.borough_slug);
      if (!b && !e.borough_slug.empty()) {
        errors.Add(ctx, "area", "budgets.field.area", "budgets.edition.error.borough");
      }
      for (const auto& n : m.neighbourhoods) {
        if (!b || n.borough == b->name) e.area.insert(n.code.str());
      }
    }
    return e;
  };

  auto is_any_official = [](const Context& ctx) {
    return ctx.user && (HoldsRoleAnywhere(*ctx.user, auth::Role::kAreaLiaison));
  };

  router.Get("/beheer/wijkbudget", web.Page([&web, &commands, &geography, &zone,
                                              is_any_official](http::Request&, Context& ctx) {
    bool expert = HoldsRoleAnywhere(*ctx.user, auth::Role::kMunicipalExpert);
    if (!is_any_official(ctx) && !expert) return web.ErrorPage(ctx, Forbidden("officials only", "web.forbidden"));
    auto editions = commands.ListEditions(&*ctx.user);
    if (!editions.has_value()) return web.ErrorPage(ctx, editions.error());
    auto m = geography.current();
    json list = json::array();
    for (const auto& e : *editions) {
      json j = EditionJson(ctx, e, commands.Now(), *m, zone);
      j["can_manage"] = EditionDirectory::CanManage(*ctx.user, e);
      list.push_back(j);
    }
    json data;
    data["editions"] = list;
    data["can_create"] = is_any_official(ctx);
    return web.Render(ctx, "budgets/admin_editions.html", "budgets.admin.title", data);
  }, login));

  router.Get("/beheer/wijkbudget/nieuw",
             web.Page([&web, render_edition_form, is_any_official](http::Request&, Context& ctx) {
               if (!is_any_official(ctx)) return web.ErrorPage(ctx, Forbidden("officials only", "web.forbidden"));
               http::FormData defaults;
               defaults.AddField("min_age", "16");
               defaults.AddField("like_threshold", "50");
               defaults.AddField("themes", ctx.T("budgets.field.themes_default"));
               for (const auto& g : ctx.user->grants) {
                 if (g.role == auth::Role::kAreaLiaison && !g.scope.empty()) {
                   defaults.AddField("borough", g.scope);
                   break;
                 }
               }
               return render_edition_form(ctx, std::nullopt, defaults, FormErrors(), 200);
             }, login));

  auto save_edition = [&web, &commands, &geography, render_edition_form, edition_of_form](
                          Context& ctx, const std::optional<Edition>& stored) {
    auto m = geography.current();
    FormErrors errors;
    Edition e = edition_of_form(ctx.form, *m, ctx, errors);
    if (stored) e.id = stored->id;
    if (!errors.empty()) return render_edition_form(ctx, stored, ctx.form, errors, 422);
    Rejected rejected;
    auto id = commands.SaveEdition(*ctx.user, e, BoroughOfBuurt(*m), &rejected);
    if (!id.has_value()) {
      if (id.error().code != ErrorCode::kInvalidInput && id.error().code != ErrorCode::kConflict) {
        return web.ErrorPage(ctx, id.error());
      }
      AddProblems(ctx, errors, rejected);
      if (errors.empty()) return web.ErrorPage(ctx, id.error());
      return render_edition_form(ctx, stored, ctx.form, errors, 422);
    }
    return web.Redirect(ctx, "/wijkbudget/" + e.slug, web::Flash{"success", "budgets.edition.saved"});
  };

  router.Post("/beheer/wijkbudget/nieuw", web.Page([&web, save_edition, is_any_official](http::Request&, Context& ctx) {
    if (!is_any_official(ctx)) return web.ErrorPage(ctx, Forbidden("officials only", "web.forbidden"));
    return save_edition(ctx, std::nullopt);
  }, login));

  auto managed_edition = [&commands](std::string_view slug, const Context& ctx) -> Result<Edition> {
    WP_ASSIGN_OR_RETURN(auto e, commands.FindEdition(slug));
    if (!e) return NotFound("no such edition", "budgets.error.edition_not_found");
    if (!EditionDirectory::CanManage(*ctx.user, *e)) return Forbidden("not an official", "budgets.error.forbidden");
    WP_TRY_VOID(commands.Settle(*e));
    return std::move(*e);
  };

  router.Get("/beheer/wijkbudget/{slug}",
             web.Page([&web, &geography, managed_edition, render_edition_form, form_of_edition](http::Request& req,
                                                                                                 Context& ctx) {
               auto e = managed_edition(req.Param("slug"), ctx);
               if (!e.has_value()) return web.ErrorPage(ctx, e.error());
               return render_edition_form(ctx, *e, form_of_edition(*e, *geography.current(), ctx), FormErrors(), 200);
             }, login));

  router.Post("/beheer/wijkbudget/{slug}", web.Page([&web, managed_edition, save_edition](http::Request& req,
                                                                                          Context& ctx) {
    auto e = managed_edition(req.Param("slug"), ctx);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    return save_edition(ctx, *e);
  }, login));

  // ------------------------------------------------------------ officials and experts: plans

  // The edition for officials of its stadsdeel and for experts.
  auto staff_edition = [&commands](std::string_view slug, const Context& ctx) -> Result<Edition> {
    WP_ASSIGN_OR_RETURN(auto e, commands.FindEdition(slug));
    if (!e) return NotFound("no such edition", "budgets.error.edition_not_found");
    if (!EditionDirectory::CanManage(*ctx.user, *e) && !Can(&*ctx.user, Action::kReviewPlan, *e)) {
      return Forbidden("staff only", "budgets.error.forbidden");
    }
    WP_TRY_VOID(commands.Settle(*e));
    return std::move(*e);
  };

  router.Get("/beheer/wijkbudget/{slug}/plannen",
             web.Page([&web, &commands, &geography, &zone, staff_edition](http::Request& req, Context& ctx) {
               auto e = staff_edition(req.Param("slug"), ctx);
               if (!e.has_value()) return web.ErrorPage(ctx, e.error());
               auto plans = commands.Plans(e->id);
               if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
               auto m = geography.current();
               json list = json::array();
               for (const auto& p : *plans) list.push_back(PlanSummaryJson(ctx, *e, p, *m));
               json data;
               data["edition"] = EditionJson(ctx, *e, commands.Now(), *m, zone);
               data["plans"] = list;
               data["title"] = ctx.T("budgets.admin.plans_title", {{"edition", e->title}});
               return web.Render(ctx, "budgets/admin_plans.html", "", data);
             }, login));

  auto render_admin_plan = [&web, &commands, &geography, &zone](Context& ctx, const Edition& e, int64_t plan_id,
                                                         const FormErrors& errors, const http::FormData& form,
                                                         int status) {
    auto d = commands.Details(e, plan_id);
    if (!d.has_value()) return web.ErrorPage(ctx, d.error());
    auto plans = commands.Plans(e.id);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    auto m = geography.current();
    const Plan& p = d->plan;
    Phase phase = PhaseAt(e, commands.Now());
    bool manage = EditionDirectory::CanManage(*ctx.user, e);
    bool expert = Can(&*ctx.user, Action::kReviewPlan, e);
    json data;
    data["edition"] = EditionJson(ctx, e, commands.Now(), *m, zone);
    data["plan"] = PlanSummaryJson(ctx, e, p, *m);
    data["plan"]["description"] = p.description;
    data["plan"]["note"] = p.status_note;
    data["title"] = ctx.T("budgets.admin.plan_title", {{"plan", p.title}});
    data["can_send_back"] = manage && phase == Phase::kPlans && CanTransition(p.status, PlanStatus::kSentBack);
    data["can_merge"] = manage && phase == Phase::kPlans && CanTransition(p.status, PlanStatus::kMerged);
    data["can_review"] = expert && phase == Phase::kReview && p.status == PlanStatus::kOnToReview;
    data["can_milestone"] = manage && (p.status == PlanStatus::kSelected || p.status == PlanStatus::kInProgress);
    data["fields"]["tips"] = web::FieldJson(ctx, {.name = "tips", .label_key = "budgets.sendback.field.tips",
                                                  .value = form.Get("tips"),
                                                  .description_key = "budgets.sendback.field.tips_hint",
                                                  .error_key = errors.KeyFor("tips"), .textarea = true, .rows = 4});
    data["fields"]["merge_note"] = web::FieldJson(ctx, {.name = "note", .label_key = "budgets.merge.field.note",
                                                        .value = form.Get("note"), .error_key = errors.KeyFor("note"),
                                                        .required = false, .textarea = true, .rows = 3});
    data["fields"]["review_note"] =
        web::FieldJson(ctx, {.name = "review_note", .label_key = "budgets.review.field.note",
                             .value = form.Get("review_note"), .description_key = "budgets.review.field.note_hint",
                             .error_key = errors.KeyFor("review_note"), .required = false, .textarea = true,
                             .rows = 4});
    data["fields"]["milestone_title"] =
        web::FieldJson(ctx, {.name = "milestone_title", .label_key = "budgets.milestone.field.title",
                             .value = form.Get("milestone_title"), .error_key = errors.KeyFor("milestone_title")});
    data["fields"]["milestone_due"] =
        web::FieldJson(ctx, {.name = "milestone_due", .label_key = "budgets.milestone.field.due", .type = "date",
                             .value = form.Get("milestone_due"), .error_key = errors.KeyFor("milestone_due")});
    json targets = json::array();
    for (const auto& other : *plans) {
      if (other.id == p.id || !IsEditable(other.status)) continue;
      targets.push_back({{"id", other.id}, {"title", other.title},
                         {"selected", form.Get("target") == std::to_string(other.id)}});
    }
    data["merge_targets"] = targets;
    data["target_error"] = errors.KeyFor("target").empty() ? "" : ctx.T(errors.KeyFor("target"));
    std::string outcome = form.Get("outcome");
    json outcomes = json::array();
    for (const char* o : {"feasible", "feasible_with_conditions", "not_feasible", "municipal_duty"}) {
      outcomes.push_back({{"value", o}, {"label", ctx.T("budgets.status." + std::string(o))}, {"checked", outcome == o}});
    }
    data["outcomes"] = outcomes;
    data["outcome_error"] = errors.KeyFor("outcome").empty() ? "" : ctx.T(errors.KeyFor("outcome"));
    errors.AppendTo(data);
    return web.Render(ctx, "budgets/admin_plan.html", "", data, status);
  };

  router.Get("/beheer/wijkbudget/{slug}/plannen/{id}",
             web.Page([&web, staff_edition, render_admin_plan](http::Request& req, Context& ctx) {
               auto e = staff_edition(req.Param("slug"), ctx);
               if (!e.has_value()) return web.ErrorPage(ctx, e.error());
               auto id = ParseId(req.Param("id"));
               if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
               return render_admin_plan(ctx, *e, *id, FormErrors(), http::FormData(), 200);
             }, login));

  // Staff POSTs: on invalid input re-render the plan's staff page with the
  // error next to `field`; otherwise redirect with a flash.
  using StaffAction = std::function<Result<void>(const Edition&, int64_t, Context&)>;
  auto staff_action = [&web, staff_edition, render_admin_plan](std::string field, std::string label_key,
                                                               std::string flash_key, StaffAction fn) {
    return [&web, staff_edition, render_admin_plan, field, label_key, flash_key, fn](http::Request& req,
                                                                                     Context& ctx) {
      auto e = staff_edition(req.Param("slug"), ctx);
      if (!e.has_value()) return web.ErrorPage(ctx, e.error());
      auto id = ParseId(req.Param("id"));
      if (!id) return web.ErrorPage(ctx, NotFound("bad id"));
      auto r = fn(*e, *id, ctx);
      if (!r.has_value()) {
        if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
        FormErrors errors;
        errors.Add(ctx, field, label_key, r.error().user_message_key.empty() ? "web.bad_form" : r.error().user_message_key);
        return render_admin_plan(ctx, *e, *id, errors, ctx.form, 422);
      }
      return web.Redirect(ctx, "/beheer/wijkbudget/" + e->slug + "/plannen/" + std::to_string(*id),
                          web::Flash{"success", flash_key});
    };
  };

  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/terugsturen",
              web.Page(staff_action("tips", "budgets.sendback.field.tips", "budgets.sendback.done",
                                    [&commands](const Edition& e, int64_t id, Context& ctx) {
                                      return commands.SendBack(*ctx.user, e, id, ctx.form.Get("tips"));
                                    }),
                       login));

  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/samenvoegen",
              web.Page(staff_action("target", "budgets.merge.field.target", "budgets.merge.proposed",
                                    [&commands](const Edition& e, int64_t id, Context& ctx) -> Result<void> {
                                      auto target = ParseId(ctx.form.Get("target"));
                                      if (!target) return InvalidInput("no target", "budgets.merge.error.target");
                                      WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t merge_id,
                                                          commands.ProposeMerge(*ctx.user, e, id, *target,
                                                                                ctx.form.Get("note")));
                                      return Ok();
                                    }),
                       login));

  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/beoordelen",
              web.Page(staff_action("review_note", "budgets.review.field.note", "budgets.review.done",
                                    [&commands](const Edition& e, int64_t id, Context& ctx) -> Result<void> {
                                      auto outcome = ParseReviewOutcome(ctx.form.Get("outcome"));
                                      if (!outcome) return InvalidInput("no outcome", "budgets.review.error.outcome");
                                      return commands.Review(*ctx.user, e, id, *outcome, ctx.form.Get("review_note"));
                                    }),
                       login));

  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/mijlpaal",
              web.Page(staff_action("milestone_title", "budgets.milestone.field.title", "budgets.milestone.added",
                                    [&commands, &zone](const Edition& e, int64_t id, Context& ctx) {
                                      auto due = time::ParseDateInput(ctx.form.Get("milestone_due"));
                                      if (!due) {
                                        return Result<void>(InvalidInput("bad date", "budgets.milestone.error.due"));
                                      }
                                      return commands.AddMilestone(*ctx.user, e, id, ctx.form.Get("milestone_title"),
                                                                   zone.StartOfDay(*due));
                                    }),
                       login));
}

}  // namespace wp::budgets
