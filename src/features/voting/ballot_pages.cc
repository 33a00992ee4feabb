#include "features/voting/ballot_pages.h"

#include <algorithm>
#include <set>

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/voting/page_data.h"

namespace wp::voting {

namespace {

using nlohmann::json;
using web::Context;

constexpr std::string_view kCodeCookie = "wp_stemcode";

// Only what a code can contain travels in the cookie (code alphabet, dashes, spaces).
std::optional<std::string> CookieSafeCode(std::string_view s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  std::string out;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      out += c;
    } else if (c != ' ') {
      return std::nullopt;
    }
  }
  return out;
}

// Every page of the voting flow is padded to a multiple of this size, so
// its length does not tell what was chosen (issue #11 item 5); a page
// longer than one block (a ballot with very many plans) takes the next
// multiple, whatever is ticked.
constexpr size_t kPageBlock = 64 * 1024;

// The voting pages carry the code: no referrer, no cache (which also keeps
// their size out of the access log).
http::Response NoReferrer(http::Response r) {
  r.headers.Set("Referrer-Policy", "no-referrer");
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

// A page of the voting flow: NoReferrer, padded to a multiple of kPageBlock.
http::Response Padded(http::Response r) {
  r = NoReferrer(std::move(r));
  constexpr std::string_view kOpen = "\n<!--", kClose = "-->\n";
  const size_t least = r.body.size() + kOpen.size() + kClose.size();
  const size_t target = (least + kPageBlock - 1) / kPageBlock * kPageBlock;
  r.body.append(kOpen).append(target - least, ' ').append(kClose);
  return r;
}

// The review form sends the choice as one field of fixed length, whatever
// is chosen (issue #11 item 5): "ballot", one '1' or '0' per plan on the
// ballot, in ballot order.
std::string BallotBits(const std::vector<budgets::BallotPlan>& plans, const std::vector<int64_t>& chosen) {
  std::string bits;
  for (const auto& p : plans) bits += std::find(chosen.begin(), chosen.end(), p.plan_id) != chosen.end() ? '1' : '0';
  return bits;
}

// The plans form posts one field "plan-<id>" per plan on the ballot, "1"
// (chosen) or "0" (a yes/no radio pair with "no" preset), so the names and
// the size of what it sends do not depend on the choice (issue #11 item 5).
std::string PlanField(int64_t plan_id) { return "plan-" + std::to_string(plan_id); }

// The plan ids of the form: its "ballot" field, else its "plan-<id>" fields
// (the plans form), else its "plan" fields (one per chosen plan: scripts and
// the benchmark); {0} (not on any ballot, so refused with the ballot's rules)
// when they cannot be read.
std::vector<int64_t> ChosenPlans(const Context& ctx, const std::vector<budgets::BallotPlan>& plans) {
  std::string bits;
  if (ctx.form.Has("ballot")) {
    bits = ctx.form.Get("ballot");
  } else if (!plans.empty() && ctx.form.Has(PlanField(plans.front().plan_id))) {
    for (const auto& p : plans) bits += ctx.form.Get(PlanField(p.plan_id)) == "1" ? '1' : '0';
  } else {
    return ParsePlanIds(ctx.form.GetAll("plan")).value_or(std::vector<int64_t>{0});
  }
  if (bits.size() != plans.size()) return {0};
  std::vector<int64_t> out;
  for (size_t i = 0; i < bits.size(); ++i) {
    if (bits[i] == '1') {
      out.push_back(plans[i].plan_id);
    } else if (bits[i] != '0') {
      return {0};
    }
  }
  return out;
}

std::vector<PlanCost> Costs(const std::vector<budgets::BallotPlan>& plans) {
  std::vector<PlanCost> costs;
  for (const auto& p : plans) costs.push_back({p.plan_id, p.cost_cents});
  return costs;
}

}  // namespace

http::Response BallotPages::ShowCode(Context& ctx, const budgets::Edition& e, const std::string& code,
                                     const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("code", "voting.field.code");
  json data = EditionData(ctx, e, zone_);
  data["code"] = code;
  data["error"] = form.ErrorFor("code");
  form.AppendTo(data);
  return Padded(
      web_.Render(ctx, "voting/code.html", "voting.code.title", data, error ? http::StatusForError(*error) : 200));
}

Result<http::Response> BallotPages::ShowChoose(Context& ctx, const budgets::Edition& e, const std::string& code,
                                               const std::vector<int64_t>& chosen, bool voted_before,
                                               const std::vector<FieldError>& errors, int status) {
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  BallotCheck check = CheckBallot(VotingCommands::RulesFor(e), Costs(plans), chosen);
  web::FormView form(ctx, errors);
  form.Label("plans", "voting.field.plans");
  json data = EditionData(ctx, e, zone_);
  data["code"] = code;
  data["voted_before"] = voted_before;
  data["plans"] = PlansData(ctx, plans, std::set<int64_t>(check.plan_ids.begin(), check.plan_ids.end()));
  data["total"] = Euros(ctx, check.total_cents);
  data["count"] = check.count;
  data["left"] = Euros(ctx, std::max<int64_t>(0, e.budget_cents - check.total_cents));
  form.AppendTo(data);
  return Padded(web_.Render(ctx, "voting/choose.html", "voting.choose.title", data, status));
}

Result<http::Response> BallotPages::CodeRefused(Context& ctx, const budgets::Edition& e, const std::string& code,
                                                const Error& error) {
  if (!error.has_fields()) return error;
  // A used code or a blocked address is not a typing error: keep the code
  // out of the form so it is not sent again.
  return ShowCode(ctx, e, error.code == ErrorCode::kInvalidInput ? code : "", &error);
}

Result<http::Response> BallotPages::Start(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  const std::string path = VotePath(e);
  http::CookieOptions cookie{.path = path,
                             .max_age_seconds = 600,
                             .http_only = true,
                             .secure = web_.options().secure_cookies,
                             .same_site = "Lax"};
  if (auto q = ctx.Query("code")) {
    http::Response r = web_.Redirect(ctx, path);
    if (auto safe = CookieSafeCode(*q)) r.headers.Add("Set-Cookie", http::SetCookieValue(kCodeCookie, *safe, cookie));
    return NoReferrer(std::move(r));
  }
  WP_TRY_VOID(commands_.Require(Action::kVoteOnline, e, std::nullopt));
  const std::string code = ctx.request->Cookie(kCodeCookie).value_or("");
  http::Response r = ShowCode(ctx, e, CookieSafeCode(code).value_or(""), nullptr);
  if (!code.empty()) {
    cookie.max_age_seconds = 0;
    r.headers.Add("Set-Cookie", http::SetCookieValue(kCodeCookie, "", cookie));
  }
  return r;
}

Result<http::Response> BallotPages::Choose(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  const std::string code = ctx.form.Get("code");
  if (code.empty()) return CodeRefused(ctx, e, code, FormInvalid({{"code", "voting.code.required"}}));
  auto entry = commands_.EnterCode(e, code, ctx.request->remote_addr);
  if (!entry.has_value()) return CodeRefused(ctx, e, code, entry.error());
  // Coming from the plans form ("step"): its choice, with its problems once
  // something is ticked; coming from the code form: nothing ticked, also
  // after an earlier vote (a ballot is never shown again, issue #11 item 2).
  if (!ctx.form.Has("step")) return ShowChoose(ctx, e, code, {}, entry->voted_before, {}, 200);
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  std::vector<int64_t> chosen = ChosenPlans(ctx, plans);
  if (chosen == std::vector<int64_t>{0}) chosen.clear();
  std::vector<FieldError> errors;
  if (!chosen.empty()) {
    errors = BallotErrors(VotingCommands::RulesFor(e), CheckBallot(VotingCommands::RulesFor(e), Costs(plans), chosen));
  }
  // Recalculating is no failed form: 200, with the problems shown.
  return ShowChoose(ctx, e, code, chosen, entry->voted_before, errors, 200);
}

Result<http::Response> BallotPages::Review(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  const std::string code = ctx.form.Get("code");
  auto entry = commands_.EnterCode(e, code, ctx.request->remote_addr);
  if (!entry.has_value()) return CodeRefused(ctx, e, code, entry.error());
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  const std::vector<int64_t> chosen = ChosenPlans(ctx, plans);
  BallotCheck check = CheckBallot(VotingCommands::RulesFor(e), Costs(plans), chosen);
  if (!check.ok()) {
    return ShowChoose(ctx, e, code, chosen, entry->voted_before, BallotErrors(VotingCommands::RulesFor(e), check), 422);
  }
  json data = EditionData(ctx, e, zone_);
  data["code"] = code;
  data["voted_before"] = entry->voted_before;
  json list = json::array();
  for (const auto& p : plans) {
    if (std::find(check.plan_ids.begin(), check.plan_ids.end(), p.plan_id) == check.plan_ids.end()) continue;
    list.push_back({{"id", p.plan_id}, {"title", p.title}, {"cost", Euros(ctx, p.cost_cents)}});
  }
  data["chosen"] = list;
  data["ballot"] = BallotBits(plans, check.plan_ids);
  data["total"] = Euros(ctx, check.total_cents);
  data["count"] = check.count;
  return Padded(web_.Render(ctx, "voting/review.html", "voting.review.title", data));
}

Result<http::Response> BallotPages::Submit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  const std::string code = ctx.form.Get("code");
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  const std::vector<int64_t> chosen = ChosenPlans(ctx, plans);
  auto cast =
      commands_.Cast(e, code, chosen, codes::Channel::kOnline, std::nullopt, ctx.request->remote_addr, &plans);
  if (!cast.has_value()) {
    const Error& error = cast.error();
    if (error.has_fields() && error.fields.front().field == "plans") {
      return ShowChoose(ctx, e, code, chosen, false, error.fields, 422);
    }
    return CodeRefused(ctx, e, code, error);
  }
  return web_.Redirect(ctx, VotePath(e) + "/ontvangen" + (*cast ? "" : "?gewijzigd=1"));
}

Result<http::Response> BallotPages::Receipt(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  json data = EditionData(ctx, e, zone_);
  data["changed"] = ctx.Query("gewijzigd").has_value();
  return Padded(web_.Render(ctx, "voting/receipt.html", "voting.receipt.title", data));
}

}  // namespace wp::voting
