#include "features/forums/draw_job.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "features/forums/forum_store.h"
#include "features/forums/reserve.h"
#include "features/sortition/draw_cli.h"
#include "features/sortition/draw_publish.h"
#include "features/sortition/draw_report.h"
#include "features/sortition/draw_story.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/draw.h"

namespace wp::forums {

namespace {

using nlohmann::json;

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  for (auto part : Split(text, '\n')) {
    if (!Trim(part).empty()) out.emplace_back(Trim(part));
  }
  return out;
}

std::vector<int> Indices(const sortition::Instance& instance, const std::vector<std::string>& ids) {
  std::vector<int> out;
  for (const auto& id : ids) {
    int i = instance.FindAgent(id);
    if (i >= 0) out.push_back(i);
  }
  return out;
}

json Ids(const sortition::Instance& instance, const std::vector<int>& agents) {
  json out = json::array();
  for (int a : agents) out.push_back(instance.agents[static_cast<size_t>(a)].id);
  return out;
}

std::string TypeText(const sortition::Instance& instance, const sortition::AgentType& type) {
  std::string s;
  for (int f : type.features) {
    if (!s.empty()) s += ", ";
    s += instance.quotas.features[static_cast<size_t>(f)].value;
  }
  return s;
}

// Every published ticket range and the panel it stands for (counts per type).
json TicketList(const sortition::Instance& instance, const sortition::DrawOutcome& o) {
  json out = json::array();
  int from = 1;
  for (size_t p = 0; p < o.lottery.panels.size(); ++p) {
    int to = from + o.lottery.ticket_count[p] - 1;
    std::string panel;
    for (size_t t = 0; t < o.lottery.panels[p].size(); ++t) {
      int count = o.lottery.panels[p][t];
      if (count == 0) continue;
      if (!panel.empty()) panel += "; ";
      panel += std::to_string(count) + " × (" + TypeText(instance, o.types.types[t]) + ")";
    }
    out.push_back({{"from", from}, {"to", to}, {"panel", panel}, {"drawn", o.ticket >= from && o.ticket <= to}});
    from = to + 1;
  }
  return out;
}

json OutcomeJson(const sortition::Instance& instance, const sortition::DrawOutcome& o) {
  json probabilities = json::array();
  for (size_t a = 0; a < instance.agents.size(); ++a) {
    double lottery = a < o.lottery_probability.size() ? o.lottery_probability[a] : o.probability[a];
    probabilities.push_back({{"id", instance.agents[a].id}, {"p", o.probability[a]}, {"lottery", lottery}});
  }
  return {{"ticket", o.ticket},
          {"tickets", o.lottery.tickets},
          {"min_probability", o.min_probability},
          {"pool", instance.agents.size()},
          {"probabilities", probabilities},
          {"ticket_list", TicketList(instance, o)}};
}

json StoryJson(const sortition::DrawStory& story) {
  return {{"title", story.title}, {"paragraphs", story.paragraphs}, {"quotas", story.quotas}};
}

// The published reserve order: everyone in the pool the draw did not choose,
// ranked from the draw's seed (reserve.h).
json ReserveList(const sortition::Instance& instance, const std::vector<int>& panel, const std::string& seed) {
  std::vector<std::string> rest;
  for (size_t a = 0; a < instance.agents.size(); ++a) {
    if (std::find(panel.begin(), panel.end(), static_cast<int>(a)) == panel.end()) rest.push_back(instance.agents[a].id);
  }
  return ReserveOrder(seed, rest);
}

struct Computed {
  json result;
  std::vector<std::string> selected;  // public ids of the new members
};

Result<Computed> Compute(const Draw& d, const Forum& forum, const i18n::Catalog& catalog) {
  int seats = d.seats > 0 ? d.seats : forum.setup.seats;
  WP_ASSIGN_OR_RETURN(auto instance, InstanceFromFiles(d.categories_csv, d.respondents_csv, seats));
  sortition::DrawOptions options;
  options.seed = d.seed;
  options.lottery_tickets = kLotteryTickets;
  auto lp = sortition::NewClpSolver();
  auto mip = sortition::NewCbcSolver();
  sortition::Solvers solvers{*lp, *mip};
  auto translate = [&catalog](std::string locale) -> sortition::Translate {
    return
        [&catalog, locale](std::string_view key, const i18n::Args& args) { return catalog.Format(locale, key, args); };
  };
  sortition::ReportInputs inputs{
      "categorieen.csv", Sha256Hex(d.categories_csv), "deelnemers.csv", Sha256Hex(d.respondents_csv), {}};
  Computed c;
  c.result = {{"algorithm", sortition::AlgorithmName(options.algorithm)},
              {"categories_sha256", inputs.categories_sha256},
              {"respondents_sha256", inputs.respondents_sha256}};
  if (d.kind == "draw" || d.kind == "second_draw" || d.kind == "round_draw") {
    WP_ASSIGN_OR_RETURN(auto o, sortition::DrawPanel(instance, options, solvers));
    c.result.update(OutcomeJson(instance, o));
    c.result["panel"] = Ids(instance, o.panel);
    // result.json of the files `wijkplatform draw --verify` checks (the
    // inputs under their published names; see PublishedDrawFiles).
    c.result["verify_result"] = sortition::DrawResultJson(
        instance, options, o,
        {sortition::kPublishedCategories, inputs.categories_sha256, sortition::kPublishedRespondents,
         inputs.respondents_sha256, {}});
    if (d.kind == "draw") {
      c.result["reserve"] = ReserveList(instance, o.panel, d.seed);
    } else if (d.kind == "round_draw") {
      c.result["round"] = d.round;
    } else {
      // The plan (targets minus held) and the first draw, kept from the start.
      auto started = json::parse(d.result_json, nullptr, false);
      if (started.is_object()) {
        c.result["plan"] = started.value("plan", json::array());
        c.result["first_draw"] = started.value("first_draw", int64_t{0});
      }
    }
    c.result["story"] = {{"nl", StoryJson(sortition::TellDraw(instance, options, o, translate("nl")))},
                         {"en", StoryJson(sortition::TellDraw(instance, options, o, translate("en")))}};
    c.result["report"] = sortition::DrawReportText(instance, options, o, inputs);
    for (const auto& id : c.result["panel"]) c.selected.push_back(id.get<std::string>());
    return c;
  }
  // Ascending, as `wijkplatform draw --replace` reads them.
  std::vector<int> panel = Indices(instance, Lines(d.panel_csv));
  std::vector<int> dropouts = Indices(instance, Lines(d.dropouts));
  std::sort(panel.begin(), panel.end());
  std::sort(dropouts.begin(), dropouts.end());
  WP_ASSIGN_OR_RETURN(auto o, sortition::DrawReplacements(instance, panel, dropouts, options, solvers));
  c.result.update(OutcomeJson(o.problem.instance, o.draw));
  // result.json of the files `wijkplatform draw --verify` replays: the panel
  // size is that of panel.txt (seats may have been open before).
  sortition::Instance as_published = instance;
  as_published.panel_size = static_cast<int>(panel.size());
  c.result["verify_result"] = sortition::ReplacementResultJson(
      as_published, options, o, panel, dropouts,
      {sortition::kPublishedCategories, inputs.categories_sha256, sortition::kPublishedRespondents,
       inputs.respondents_sha256, {}});
  c.result["panel"] = Ids(instance, o.new_panel);
  c.result["dropouts"] = Ids(instance, dropouts);
  c.result["replacements"] = Ids(instance, o.replacements);
  c.result["story"] = {{"nl", StoryJson(sortition::TellReplacement(instance, options, o, dropouts, translate("nl")))},
                       {"en", StoryJson(sortition::TellReplacement(instance, options, o, dropouts, translate("en")))}};
  c.result["report"] = sortition::ReplacementReportText(instance, options, o, panel, dropouts, inputs);
  for (const auto& id : c.result["replacements"]) c.selected.push_back(id.get<std::string>());
  return c;
}

Result<void> Record(db::Connection& c, const Draw& d, const Forum& forum, const Computed& computed, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
  std::map<std::string, int64_t> by_public_id;
  for (const auto& r : registrations) by_public_id[r.public_id] = r.id;
  WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
  // A replacement takes over the rest of the term of whom it replaces.
  std::vector<int64_t> inherited;
  std::vector<std::string> dropouts = Lines(d.dropouts);
  for (const auto& m : members) {
    if (std::find(dropouts.begin(), dropouts.end(), m.public_id) != dropouts.end()) {
      inherited.push_back(m.term_ends_at);
    }
  }
  for (size_t i = 0; i < computed.selected.size(); ++i) {
    auto it = by_public_id.find(computed.selected[i]);
    if (it == by_public_id.end()) return Internal("drawn id " + computed.selected[i] + " is not a registration");
    int64_t ends = 0;
    if (d.kind == "second_draw" || d.kind == "round_draw") {
      // The extra or refilled seats get a whole term (at most 2 years).
      ends = now + int64_t{std::min(forum.setup.term_months, kMaxTermMonths)} * kSecondsPerMonth;
    } else {
      ends = i < inherited.size() ? inherited[i]
                                  : TermEnd(now, forum.setup.term_months, static_cast<int>(i), forum.setup.seats);
    }
    WP_TRY_VOID(ForumStore::InsertMember(c, forum.id, it->second, d.id, ends));
  }
  WP_TRY_VOID(ForumStore::SetDrawStatus(c, d.id, DrawStatus::kDone, "", computed.result.dump(), now));
  std::string detail = JoinStrings(computed.selected, ", ");
  if (d.kind == "second_draw") {
    // The forum grows by the extra seats; the targets are its quotas now.
    WP_ASSIGN_OR_RETURN(auto current, ForumStore::FindForumById(c, forum.id));
    if (!current) return Internal("forum gone");
    WP_TRY_VOID(ForumStore::SetSeatsAndQuotas(c, forum.id, current->setup.seats + d.seats, d.targets_csv));
    return ForumStore::AppendHistory(c, forum.id, {now, d.created_by, "second_drawn", detail});
  }
  std::string event = d.kind == "draw" ? "drawn" : d.kind == "round_draw" ? "round_drawn" : "replaced";
  return ForumStore::AppendHistory(c, forum.id, {now, d.created_by, event, detail});
}

}  // namespace

std::vector<sortition::PublishedFile> VerifyFiles(const Draw& d) {
  bool replacement = d.kind == "replacement";
  bool new_draw = d.kind == "draw" || d.kind == "second_draw" || d.kind == "round_draw";
  if (d.status != DrawStatus::kDone || (!new_draw && !replacement)) return {};
  json result = json::parse(d.result_json, nullptr, false);
  if (!result.is_object() || !result.contains("verify_result")) return {};
  const json& published = result["verify_result"];
  sortition::PublishedSettings settings;
  settings.seed = published.value("seed", "");
  settings.algorithm = published.value("algorithm", "");
  // Results stored before the relaxation path name no method: column generation.
  settings.method = published.value("method", std::string(sortition::kMethodColumnGeneration));
  settings.panel_size = published.value(json::json_pointer("/inputs/panel_size"), 0);
  settings.tickets = kLotteryTickets;
  settings.legacy_runs = sortition::DrawOptions{}.legacy_runs;
  if (!replacement) return sortition::PublishedDrawFiles(d.categories_csv, d.respondents_csv, published, settings);
  for (const auto& id : published.value(json::json_pointer("/replacement/dropouts"), json::array())) {
    settings.replace.push_back(id.get<std::string>());
  }
  return sortition::PublishedReplacementFiles(d.categories_csv, d.respondents_csv, d.panel_csv, published, settings);
}

Result<void> DrawJob::RunDraw(int64_t id, bool last_attempt) {
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return ForumStore::FindDraw(c, id); }));
  if (!found || found->status == DrawStatus::kDone || found->status == DrawStatus::kFailed) return Ok();
  Draw d = *found;
  WP_ASSIGN_OR_RETURN(auto forum,
                      db_.Read([&](db::Connection& c) { return ForumStore::FindForumById(c, d.forum_id); }));
  if (!forum) return Ok();
  WP_ASSIGN_OR_RETURN(bool runs, db_.Write([&](db::Connection& c) { return ForumStore::MarkDrawRunning(c, d.id); }));
  if (!runs) return Ok();
  auto computed = Compute(d, *forum, catalog_);
  int64_t now = clock_.NowUnixSeconds();
  if (!computed.has_value()) {
    if (computed.error().code == ErrorCode::kUnavailable && !last_attempt) return computed.error();
    std::string error = computed.error().detail;
    return db_.Write([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(bool mine, ForumStore::TakeDrawForRecording(c, d.id, now));
      if (!mine) return Ok();
      WP_TRY_VOID(ForumStore::SetDrawStatus(c, d.id, DrawStatus::kFailed, error, d.result_json, now));
      return ForumStore::AppendHistory(c, forum->id, {now, d.created_by, "draw_failed", error});
    });
  }
  // The demo and a job runner (or two runners after a lost lease) may run one
  // draw at the same time: the first to take it records it, once.
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(bool mine, ForumStore::TakeDrawForRecording(c, d.id, now));
    if (!mine) return Ok();
    return Record(c, d, *forum, *computed, now);
  });
}

}  // namespace wp::forums
