#include "features/voting/pages.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "core/i18n/catalog.h"
#include "core/time/format.h"
#include "features/voting/bar_chart.h"
#include "features/voting/tally.h"

namespace wp::voting {

namespace {

using nlohmann::json;
using web::Context;

constexpr std::string_view kCodeCookie = "wp_stemcode";

std::string Euros(const Context& ctx, int64_t cents) { return i18n::FormatMoney(Money{cents}, ctx.locale); }

std::string VotePath(const budgets::Edition& e) { return "/wijkbudget/" + e.slug + "/stemmen"; }

int StatusFor(const Error& e) {
  switch (e.code) {
    case ErrorCode::kUnavailable: return 429;
    case ErrorCode::kInvalidInput: return 422;
    case ErrorCode::kNotFound: return 422;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kForbidden: return 403;
    default: return 500;
  }
}

// Only what a code can contain travels in the cookie (code alphabet, dashes, spaces).
std::optional<std::string> CookieSafeCode(std::string_view s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  std::string out;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') out += c;
    else if (c == ' ') continue;
    else return std::nullopt;
  }
  return out;
}

void NoReferrer(http::Response& r) {
  r.headers.Set("Referrer-Policy", "no-referrer");
  r.headers.Set("Cache-Control", "no-store");
}

json EditionJson(const Context& ctx, const budgets::Edition& e) {
  json j;
  j["slug"] = e.slug;
  j["title"] = e.title;
  j["budget"] = Euros(ctx, e.budget_cents);
  j["split_budget"] = e.ballot_kind == budgets::BallotKind::kSplitBudget;
  j["max_plans"] = e.max_plans;
  j["vote_path"] = VotePath(e);
  if (e.min_spend_cents) j["min_spend"] = Euros(ctx, *e.min_spend_cents);
  if (e.max_spend_cents) j["max_spend"] = Euros(ctx, *e.max_spend_cents);
  return j;
}

// The edition's numbers at the top level too, for {placeholders} in messages.
void AddEditionArgs(json& data, const Context& ctx, const budgets::Edition& e, const time::TimeZone& zone) {
  data["budget"] = Euros(ctx, e.budget_cents);
  data["max_plans"] = e.max_plans;
  data["min_spend"] = e.min_spend_cents ? Euros(ctx, *e.min_spend_cents) : "";
  data["max_spend"] = e.max_spend_cents ? Euros(ctx, *e.max_spend_cents) : "";
  // The last day of voting ("1 december 2026" when voting closes at midnight).
  data["close_date"] = time::FormatPeriodEnd(zone, e.dates.voting_close, ctx.locale);
}

i18n::Args ProblemArgs(const budgets::Edition& e, const BallotCheck& check) {
  return {{"total", Money{check.total_cents}},
          {"budget", Money{e.budget_cents}},
          {"min", Money{e.min_spend_cents.value_or(0)}},
          {"max", Money{e.max_spend_cents.value_or(0)}},
          {"k", e.max_plans},
          {"count", check.count}};
}

void AddError(json& data, const std::string& field, const std::string& label, const std::string& message) {
  data["has_errors"] = true;
  data["errors"].push_back({{"id", "f-" + field}, {"label", label}, {"message", message}});
}

json PlansJson(const Context& ctx, const std::vector<budgets::BallotPlan>& plans, const std::set<int64_t>& chosen) {
  json list = json::array();
  for (const auto& p : plans) {
    list.push_back({{"id", p.plan_id}, {"title", p.title}, {"theme", p.theme}, {"summary", p.summary},
                    {"cost", Euros(ctx, p.cost_cents)}, {"checked", chosen.count(p.plan_id) > 0}});
  }
  return list;
}

}  // namespace

void AddVotingRoutes(http::Router& router, const web::Web& web, const budgets::EditionDirectory& editions,
                     VotingCommands& commands, const time::TimeZone& zone) {
  // The edition of {slug}; nullopt with `out` set to the error page.
  auto load = [&web, &editions](http::Request& req, Context& ctx,
                                http::Response& out) -> std::optional<budgets::Edition> {
    auto found = editions.FindBySlug(req.Param("slug"));
    if (!found.has_value()) {
      out = web.ErrorPage(ctx, found.error());
      return std::nullopt;
    }
    if (!*found || (!(*found)->published && !(ctx.user && budgets::EditionDirectory::CanManage(*ctx.user, **found)))) {
      out = web.Message(ctx, 404, "web.error.title", "web.not_found");
      return std::nullopt;
    }
    return **found;
  };

  auto render_code = [&web, &zone](Context& ctx, const budgets::Edition& e, const std::string& code,
                            const std::string& error_message, int status) {
    json data;
    data["edition"] = EditionJson(ctx, e);
    AddEditionArgs(data, ctx, e, zone);
    data["code"] = code;
    data["has_errors"] = false;
    data["errors"] = json::array();
    if (!error_message.empty()) AddError(data, "code", ctx.T("voting.field.code"), error_message);
    data["error"] = error_message;
    auto r = web.Render(ctx, "voting/code.html", "voting.code.title", data, status);
    NoReferrer(r);
    return r;
  };

  auto render_choose = [&web, &zone](Context& ctx, const budgets::Edition& e,
                                     const std::vector<budgets::BallotPlan>& plans, const std::string& code,
                                     const BallotCheck& check, bool show_problems, bool voted_before, int status) {
    json data;
    data["edition"] = EditionJson(ctx, e);
    AddEditionArgs(data, ctx, e, zone);
    data["code"] = code;
    data["voted_before"] = voted_before;
    std::set<int64_t> chosen(check.plan_ids.begin(), check.plan_ids.end());
    data["plans"] = PlansJson(ctx, plans, chosen);
    data["total"] = Euros(ctx, check.total_cents);
    data["count"] = check.count;
    data["left"] = Euros(ctx, std::max<int64_t>(0, e.budget_cents - check.total_cents));
    data["has_errors"] = false;
    data["errors"] = json::array();
    if (show_problems) {
      auto args = ProblemArgs(e, check);
      for (auto p : check.problems) AddError(data, "plans", ctx.T("voting.field.plans"), ctx.T(ProblemKey(p), args));
    }
    auto r = web.Render(ctx, "voting/choose.html", "voting.choose.title", data, status);
    NoReferrer(r);
    return r;
  };

  auto plan_ids_of = [](const Context& ctx) { return ParsePlanIds(ctx.form.GetAll("plan")); };

  auto code_refused = [&web, render_code](Context& ctx, const budgets::Edition& e, const std::string& code,
                                          const Error& err) {
    if (err.code == ErrorCode::kInternal || err.user_message_key.empty()) return web.ErrorPage(ctx, err);
    // Phase refusals and used codes are not typing errors: keep the code out
    // of the form so it is not sent again.
    bool keep = err.code == ErrorCode::kInvalidInput || err.code == ErrorCode::kNotFound;
    return render_code(ctx, e, keep ? code : "", ctx.T(err.user_message_key), StatusFor(err));
  };

  // Step 1: the code. From the QR link (?code=) the code moves into a
  // short-lived cookie and the browser is sent to the address without it.
  router.Get("/wijkbudget/{slug}/stemmen", web.Page([&web, load, render_code, &commands](http::Request& req,
                                                                                      Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    const std::string path = VotePath(*e);
    http::CookieOptions cookie{.path = path, .max_age_seconds = 600, .http_only = true,
                               .secure = web.options().secure_cookies, .same_site = "Lax"};
    if (auto q = req.QueryParam("code")) {
      auto r = web.Redirect(ctx, path);
      if (auto safe = CookieSafeCode(*q)) r.headers.Add("Set-Cookie", http::SetCookieValue(kCodeCookie, *safe, cookie));
      NoReferrer(r);
      return r;
    }
    auto decision = commands.Decide(Action::kVoteOnline, *e, std::nullopt);
    if (!decision.has_value()) return web.ErrorPage(ctx, decision.error());
    if (*decision != Decision::kAllowed) {
      return web.Message(ctx, 409, "voting.code.title", DecisionKey(*decision));
    }
    std::string code = req.Cookie(kCodeCookie).value_or("");
    auto r = render_code(ctx, *e, CookieSafeCode(code).value_or(""), "", 200);
    if (!code.empty()) {
      cookie.max_age_seconds = 0;
      r.headers.Add("Set-Cookie", http::SetCookieValue(kCodeCookie, "", cookie));
    }
    return r;
  }));

  // Step 2: the code is checked; choose plans (also "calculate the total").
  auto choose = [&web, load, render_choose, code_refused, plan_ids_of, &commands](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    const std::string code = ctx.form.Get("code");
    if (code.empty()) return code_refused(ctx, *e, code, InvalidInput("no code", "voting.code.required"));
    auto entry = commands.EnterCode(*e, code, req.remote_addr);
    if (!entry.has_value()) return code_refused(ctx, *e, code, entry.error());
    auto plans = commands.Plans(*e);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    std::vector<PlanCost> costs;
    for (const auto& p : *plans) costs.push_back({p.plan_id, p.cost_cents});
    std::vector<int64_t> chosen;
    const bool from_form = ctx.form.Has("step");
    if (from_form) chosen = plan_ids_of(ctx).value_or(std::vector<int64_t>{});
    else chosen = entry->current;
    BallotCheck check = CheckBallot(VotingCommands::RulesFor(*e), costs, chosen);
    return render_choose(ctx, *e, *plans, code, check, from_form && !chosen.empty(), entry->voted_before, 200);
  };
  router.Post("/wijkbudget/{slug}/stemmen", web.Page(choose));
  router.Post("/wijkbudget/{slug}/stemmen/kiezen", web.Page(choose));

  // Step 3: review.
  router.Post("/wijkbudget/{slug}/stemmen/controleren", web.Page([&web, load, render_choose, code_refused, plan_ids_of,
                                                                  &commands, &zone](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    const std::string code = ctx.form.Get("code");
    auto entry = commands.EnterCode(*e, code, req.remote_addr);
    if (!entry.has_value()) return code_refused(ctx, *e, code, entry.error());
    auto plans = commands.Plans(*e);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    std::vector<PlanCost> costs;
    for (const auto& p : *plans) costs.push_back({p.plan_id, p.cost_cents});
    auto chosen = plan_ids_of(ctx);
    BallotCheck check = CheckBallot(VotingCommands::RulesFor(*e), costs, chosen.value_or(std::vector<int64_t>{0}));
    if (!check.ok()) return render_choose(ctx, *e, *plans, code, check, true, entry->voted_before, 422);
    json data;
    data["edition"] = EditionJson(ctx, *e);
    AddEditionArgs(data, ctx, *e, zone);
    data["code"] = code;
    data["voted_before"] = entry->voted_before;
    json list = json::array();
    for (const auto& p : *plans) {
      if (std::find(check.plan_ids.begin(), check.plan_ids.end(), p.plan_id) == check.plan_ids.end()) continue;
      list.push_back({{"id", p.plan_id}, {"title", p.title}, {"cost", Euros(ctx, p.cost_cents)}});
    }
    data["chosen"] = list;
    data["total"] = Euros(ctx, check.total_cents);
    data["count"] = check.count;
    auto r = web.Render(ctx, "voting/review.html", "voting.review.title", data);
    NoReferrer(r);
    return r;
  }));

  // Step 4: submit. One transaction writes the ballot and marks the code.
  router.Post("/wijkbudget/{slug}/stemmen/versturen", web.Page([&web, load, render_choose, code_refused, plan_ids_of,
                                                                &commands](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    const std::string code = ctx.form.Get("code");
    auto chosen = plan_ids_of(ctx);
    BallotCheck rejected;
    auto cast = commands.Cast(*e, code, chosen.value_or(std::vector<int64_t>{0}), codes::Channel::kOnline,
                              std::nullopt, req.remote_addr, &rejected);
    if (!cast.has_value()) {
      if (cast.error().user_message_key == "voting.ballot.invalid") {
        auto plans = commands.Plans(*e);
        if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
        return render_choose(ctx, *e, *plans, code, rejected, true, false, 422);
      }
      return code_refused(ctx, *e, code, cast.error());
    }
    return web.Redirect(ctx, VotePath(*e) + "/ontvangen" + (*cast ? "" : "?gewijzigd=1"));
  }));

  router.Get("/wijkbudget/{slug}/stemmen/ontvangen", web.Page([&web, load, &zone](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    json data;
    data["edition"] = EditionJson(ctx, *e);
    AddEditionArgs(data, ctx, *e, zone);
    data["changed"] = req.QueryParam("gewijzigd").has_value();
    return web.Render(ctx, "voting/receipt.html", "voting.receipt.title", data);
  }));

  // Paper ballots: an official types the code and ticks the plans.
  auto render_paper = [&web, &zone](Context& ctx, const budgets::Edition& e,
                                    const std::vector<budgets::BallotPlan>& plans, const std::string& code,
                                    const std::vector<int64_t>& chosen, json errors, int status) {
    json data;
    data["edition"] = EditionJson(ctx, e);
    AddEditionArgs(data, ctx, e, zone);
    data["code"] = code;
    data["plans"] = PlansJson(ctx, plans, std::set<int64_t>(chosen.begin(), chosen.end()));
    data["has_errors"] = !errors.empty();
    data["errors"] = errors;
    data["code_error"] = "";
    data["plans_error"] = "";
    for (const auto& err : errors) {
      if (err["id"] == "f-code") data["code_error"] = err["message"];
      if (err["id"] == "f-plans") data["plans_error"] = err["message"];
    }
    return web.Render(ctx, "voting/paper.html", "voting.paper.title", data, status);
  };

  auto official_page = [&web, load, &commands](http::Request& req, Context& ctx, Action action,
                                               http::Response& out) -> std::optional<budgets::Edition> {
    auto e = load(req, ctx, out);
    if (!e) return std::nullopt;
    auto d = commands.Decide(action, *e, ctx.user);
    if (!d.has_value()) {
      out = web.ErrorPage(ctx, d.error());
      return std::nullopt;
    }
    if (*d == Decision::kNotSignedIn || *d == Decision::kNotAllowed) {
      out = web.Message(ctx, 403, "web.error.title", DecisionKey(*d));
      return std::nullopt;
    }
    return e;
  };

  router.Get("/beheer/wijkbudget/{slug}/papier", web.Page([&web, official_page, render_paper, &commands](
                                                               http::Request& req, Context& ctx) {
    http::Response out;
    auto e = official_page(req, ctx, Action::kEnterPaper, out);
    if (!e) return out;
    auto d = commands.Decide(Action::kEnterPaper, *e, ctx.user);
    if (d.has_value() && *d != Decision::kAllowed) return web.Message(ctx, 409, "voting.paper.title", DecisionKey(*d));
    auto plans = commands.Plans(*e);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    return render_paper(ctx, *e, *plans, "", {}, json::array(), 200);
  }, {.require_login = true}));

  router.Post("/beheer/wijkbudget/{slug}/papier", web.Page([&web, official_page, render_paper, plan_ids_of,
                                                            &commands](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = official_page(req, ctx, Action::kEnterPaper, out);
    if (!e) return out;
    auto plans = commands.Plans(*e);
    if (!plans.has_value()) return web.ErrorPage(ctx, plans.error());
    const std::string code = ctx.form.Get("code");
    auto chosen = plan_ids_of(ctx);
    std::vector<int64_t> ids = chosen.value_or(std::vector<int64_t>{0});
    json errors = json::array();
    if (code.empty()) {
      errors.push_back({{"id", "f-code"}, {"label", ctx.T("voting.field.code")}, {"message", ctx.T("voting.code.required")}});
      return render_paper(ctx, *e, *plans, code, ids, errors, 422);
    }
    BallotCheck rejected;
    auto cast = commands.Cast(*e, code, ids, codes::Channel::kPaper, ctx.user, req.remote_addr, &rejected);
    if (!cast.has_value()) {
      const Error& err = cast.error();
      if (err.user_message_key == "voting.ballot.invalid") {
        auto args = ProblemArgs(*e, rejected);
        for (auto p : rejected.problems) {
          errors.push_back({{"id", "f-plans"}, {"label", ctx.T("voting.field.plans")}, {"message", ctx.T(ProblemKey(p), args)}});
        }
        return render_paper(ctx, *e, *plans, code, ids, errors, 422);
      }
      if (err.user_message_key.empty() || err.code == ErrorCode::kInternal) return web.ErrorPage(ctx, err);
      errors.push_back({{"id", "f-code"}, {"label", ctx.T("voting.field.code")}, {"message", ctx.T(err.user_message_key)}});
      return render_paper(ctx, *e, *plans, code, ids, errors, StatusFor(err));
    }
    return web.Redirect(ctx, "/beheer/wijkbudget/" + e->slug + "/papier", web::Flash{"success", "voting.paper.done"});
  }, {.require_login = true}));

  // The count: turnout so far and the button that counts and publishes.
  router.Get("/beheer/wijkbudget/{slug}/telling", web.Page([&web, official_page, &commands, &zone](http::Request& req,
                                                                                          Context& ctx) {
    http::Response out;
    auto e = official_page(req, ctx, Action::kViewCountPage, out);
    if (!e) return out;
    auto turnout = commands.TurnoutOf(*e);
    if (!turnout.has_value()) return web.ErrorPage(ctx, turnout.error());
    auto d = commands.Decide(Action::kCount, *e, ctx.user);
    if (!d.has_value()) return web.ErrorPage(ctx, d.error());
    json data;
    data["edition"] = EditionJson(ctx, *e);
    AddEditionArgs(data, ctx, *e, zone);
    data["online"] = i18n::FormatInteger(turnout->used_online, ctx.locale);
    data["paper"] = i18n::FormatInteger(turnout->used_on_paper, ctx.locale);
    data["ballots"] = i18n::FormatInteger(turnout->ballots, ctx.locale);
    data["can_count"] = *d == Decision::kAllowed;
    data["counted"] = *d == Decision::kAlreadyCounted;
    data["reason"] = *d == Decision::kAllowed ? "" : ctx.T(DecisionKey(*d));
    return web.Render(ctx, "voting/count.html", "voting.count.title", data);
  }, {.require_login = true}));

  router.Post("/beheer/wijkbudget/{slug}/telling", web.Page([&web, official_page, &commands](http::Request& req,
                                                                                           Context& ctx) {
    http::Response out;
    auto e = official_page(req, ctx, Action::kCount, out);
    if (!e) return out;
    auto r = commands.CountAndPublish(*ctx.user, *e);
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kConflict && !r.error().user_message_key.empty()) {
        return web.Message(ctx, 409, "voting.count.title", r.error().user_message_key);
      }
      return web.ErrorPage(ctx, r.error());
    }
    return web.Redirect(ctx, "/wijkbudget/" + e->slug + "/uitslag", web::Flash{"success", "voting.count.done"});
  }, {.require_login = true}));

  // Results.
  router.Get("/wijkbudget/{slug}/uitslag", web.Page([&web, load, &commands, &zone](http::Request& req, Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    auto stored = commands.FindResult(e->id);
    if (!stored.has_value()) return web.ErrorPage(ctx, stored.error());
    if (!*stored) return web.Message(ctx, 404, "voting.results.title", "voting.decision.not_counted");
    const StoredResult& r = **stored;
    json outcome = json::parse(r.outcome_json);
    json data;
    data["edition"] = EditionJson(ctx, *e);
    AddEditionArgs(data, ctx, *e, zone);
    std::vector<Bar> vote_bars, euro_bars;
    json rows = json::array(), winners = json::array(), others = json::array();
    for (const auto& p : outcome["plans"]) {
      const bool sel = p["selected"].get<bool>();
      const int64_t votes = p["votes"].get<int64_t>(), cost = p["cost_cents"].get<int64_t>();
      const int64_t euros = p["euros_cents"].get<int64_t>();
      json row = {{"title", p["title"]},
                  {"theme", p["theme"]},
                  {"summary", p["summary"]},
                  {"votes", i18n::FormatInteger(votes, ctx.locale)},
                  {"cost", Euros(ctx, cost)},
                  {"vote_count", votes},
                  {"euros", Euros(ctx, euros)},
                  {"selected", sel},
                  {"verdict", ctx.T("voting.verdict." + p["verdict"].get<std::string>())}};
      rows.push_back(row);
      (sel ? winners : others).push_back(row);
      vote_bars.push_back({p["title"].get<std::string>(), votes, i18n::FormatInteger(votes, ctx.locale), sel});
      euro_bars.push_back({p["title"].get<std::string>(), euros, Euros(ctx, euros), sel});
    }
    const std::string mark = "(" + ctx.T("voting.results.chosen") + ")";
    data["chart_votes_html"] = BarChartSvg("chart-votes", ctx.T("voting.results.chart_votes"),
                                           ctx.T("voting.results.chart_desc"), vote_bars, mark);
    data["has_euros"] = e->ballot_kind == budgets::BallotKind::kSplitBudget;
    if (e->ballot_kind == budgets::BallotKind::kSplitBudget) {
      data["chart_euros_html"] = BarChartSvg("chart-euros", ctx.T("voting.results.chart_euros"),
                                             ctx.T("voting.results.chart_desc"), euro_bars, mark);
    }
    data["rows"] = rows;
    data["winners"] = winners;
    data["others"] = others;
    data["total_cost"] = Euros(ctx, outcome["total_cost_cents"].get<int64_t>());
    data["leftover"] = Euros(ctx, outcome["leftover_cents"].get<int64_t>());
    data["ballots"] = r.ballots;
    data["online"] = r.used_online;
    data["paper"] = r.used_on_paper;
    data["rule"] = ctx.T("voting.rule." + r.rule);
    data["report"] = r.report_text;
    std::string command = "wijkplatform count stemmen.pb";
    for (const auto& a : CountArguments(r.rule == "equal_shares")) command += " " + a;
    data["recount_command"] = command;
    data["download"] = "/wijkbudget/" + e->slug + "/uitslag/stemmen.pb";
    return web.Render(ctx, "voting/results.html", "voting.results.title", data);
  }));

  router.Get("/wijkbudget/{slug}/uitslag/stemmen.pb", web.Page([&web, load, &commands](http::Request& req,
                                                                                      Context& ctx) {
    http::Response out;
    auto e = load(req, ctx, out);
    if (!e) return out;
    auto stored = commands.FindResult(e->id);
    if (!stored.has_value()) return web.ErrorPage(ctx, stored.error());
    if (!*stored) return web.Message(ctx, 404, "voting.results.title", "voting.decision.not_counted");
    http::Response r = http::Response::Text((*stored)->pabulib);
    r.headers.Set("Content-Type", "text/plain; charset=utf-8");
    r.headers.Set("Content-Disposition", "attachment; filename=\"" + e->slug + "-stemmen.pb\"");
    return r;
  }));
}

}  // namespace wp::voting
