#include "features/voting/result_pages.h"

#include "core/i18n/catalog.h"
#include "core/web/components.h"
#include "features/voting/bar_chart.h"
#include "features/voting/count_story.h"
#include "features/voting/page_data.h"
#include "features/voting/tally.h"

namespace wp::voting {

namespace {

using nlohmann::json;
using web::Context;

// The plans (the table, winners, others) and both bar charts of `outcome`.
void AddPlans(json& data, const Context& ctx, const budgets::Edition& e, const Outcome& outcome) {
  std::vector<Bar> vote_bars, euro_bars;
  std::vector<std::vector<web::Cell>> table;
  json winners = json::array(), others = json::array();
  for (const auto& p : outcome.plans) {
    const std::string votes = i18n::FormatInteger(p.votes, ctx.locale), cost = Euros(ctx, p.cost_cents),
                      euros = Euros(ctx, p.euros_cents);
    json row = {{"title", p.title}, {"theme", p.theme},       {"summary", p.summary},
                {"votes", votes},   {"cost", cost},           {"vote_count", p.votes},
                {"euros", euros},   {"selected", p.selected}, {"verdict", ctx.T("voting.verdict." + p.verdict)}};
    const std::string verdict = ctx.T(p.selected ? "voting.results.chosen" : "voting.results.not_chosen") + ": " +
                                ctx.T("voting.verdict." + p.verdict);
    table.push_back({{p.title}, {votes, "", true}, {cost, "", true}, {euros, "", true}, {verdict}});
    (p.selected ? winners : others).push_back(row);
    vote_bars.push_back({p.title, p.votes, votes, p.selected});
    euro_bars.push_back({p.title, p.euros_cents, euros, p.selected});
  }
  const std::string mark = "(" + ctx.T("voting.results.chosen") + ")";
  data["chart_votes_html"] = BarChartSvg("chart-votes", ctx.T("voting.results.chart_votes"),
                                         ctx.T("voting.results.chart_desc"), vote_bars, mark);
  data["has_euros"] = e.ballot_kind == budgets::BallotKind::kSplitBudget;
  if (e.ballot_kind == budgets::BallotKind::kSplitBudget) {
    data["chart_euros_html"] = BarChartSvg("chart-euros", ctx.T("voting.results.chart_euros"),
                                           ctx.T("voting.results.chart_desc"), euro_bars, mark);
  }
  data["table"] = web::Table(ctx.T("voting.results.table_caption"),
                             {ctx.T("voting.results.plan"), ctx.T("voting.results.votes"), ctx.T("voting.results.cost"),
                              ctx.T("voting.results.euros"), ctx.T("voting.results.outcome")},
                             table);
  data["winners"] = winners;
  data["others"] = others;
}

// The plain-language report of the count, when the stored result has one.
void AddStory(json& data, const Context& ctx, const Outcome& outcome) {
  if (!outcome.explanation) return;
  CountStory story = TellCount(*outcome.explanation,
                               [&ctx](std::string_view key, const i18n::Args& args) { return ctx.T(key, args); });
  data["story"] = {{"intro", story.intro},
                   {"chosen", story.chosen},
                   {"has_chosen", !story.chosen.empty()},
                   {"others", story.others},
                   {"has_others", !story.others.empty()},
                   {"leftover", story.leftover}};
}

}  // namespace

Result<http::Response> ResultPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_ASSIGN_OR_RETURN(PublishedResult r, commands_.Published(e));
  json data = EditionData(ctx, e, zone_);
  const std::string edition_path = "/wijkbudget/" + e.slug;
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("voting.breadcrumb.editions"), "/wijkbudget"},
                                        {e.title, edition_path},
                                        {ctx.T("voting.results.title"), edition_path + "/uitslag"}});
  AddPlans(data, ctx, e, r.outcome);
  data["total_cost"] = Euros(ctx, r.outcome.total_cost_cents);
  data["leftover"] = Euros(ctx, r.outcome.leftover_cents);
  data["ballots"] = r.stored.ballots;
  data["online"] = r.stored.used_online;
  data["paper"] = r.stored.used_on_paper;
  data["rule"] = ctx.T("voting.rule." + r.stored.rule);
  data["report"] = r.stored.report_text;
  data["report_download"] = edition_path + "/uitslag/telverslag.txt";
  AddStory(data, ctx, r.outcome);
  std::string command = "wijkplatform count stemmen.pb";
  for (const auto& a : CountArguments(r.stored.rule == "equal_shares")) command += " " + a;
  data["recount_command"] = command;
  data["download"] = edition_path + "/uitslag/stemmen.pb";
  return web_.Render(ctx, "voting/results.html", "voting.results.title", data);
}

// A stored text of a published result as a download named after the edition.
Result<http::Response> ResultPages::Attachment(Context& ctx, std::string StoredResult::*text, std::string_view suffix) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_ASSIGN_OR_RETURN(PublishedResult r, commands_.Published(e));
  http::Response resp = http::Response::Text(r.stored.*text);
  resp.headers.Set("Content-Type", "text/plain; charset=utf-8");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"" + e.slug + std::string(suffix) + "\"");
  return resp;
}

}  // namespace wp::voting
