#include "features/dashboards/figures.h"

#include <utility>

#include "features/advice/stats.h"
#include "features/budgets/stats.h"
#include "features/codes/stats.h"
#include "features/dashboards/outcomes.h"
#include "features/dashboards/periods.h"
#include "features/events/stats.h"
#include "features/forums/stats.h"
#include "features/initiatives/stats.h"
#include "features/platforms/stats.h"
#include "features/promises/stats.h"
#include "features/signals/stats.h"
#include "features/surveys/stats.h"
#include "features/voting/stats.h"

namespace wp::dashboards {

namespace {

constexpr int64_t kKeepSeconds = 300;

using Leaves = std::map<std::string, std::vector<int64_t>>;

void AddTo(Leaves& leaves, const std::string& key, size_t period, int64_t n, int width) {
  auto& v = leaves[key];
  v.resize(static_cast<size_t>(width), 0);
  if (period < v.size()) v[period] += n;
}

std::vector<int64_t> Take(Leaves& leaves, const std::string& key) {
  auto it = leaves.find(key);
  if (it == leaves.end()) return {};
  std::vector<int64_t> v = std::move(it->second);
  leaves.erase(it);
  return v;
}

// City -> stadsdelen -> wijken (-> buurten unless `district_level`), with the
// counts of `leaves`; what names no known area goes to "unknown".
AreaCounts BuildTree(const geography::Municipality& m, Leaves leaves, bool district_level, int width) {
  AreaCounts city;
  city.key = std::string(kCityKey);
  for (const auto& b : m.boroughs) {
    AreaCounts borough;
    borough.key = BoroughKey(b.slug);
    for (const auto* d : geography::DistrictsOfBorough(m, b.name)) {
      AreaCounts district;
      district.key = d->code.str();
      if (district_level) {
        district.values = Take(leaves, district.key);
      } else {
        for (const auto* n : geography::NeighbourhoodsOfDistrict(m, d->code)) {
          AreaCounts hood;
          hood.key = n->code.str();
          hood.values = Take(leaves, hood.key);
          district.children.push_back(std::move(hood));
        }
      }
      borough.children.push_back(std::move(district));
    }
    city.children.push_back(std::move(borough));
  }
  AreaCounts unknown;
  unknown.key = "unknown";
  unknown.values.assign(static_cast<size_t>(width), 0);
  for (const auto& [key, v] : leaves) {
    for (size_t i = 0; i < v.size() && i < unknown.values.size(); ++i) unknown.values[i] += v[i];
  }
  city.children.push_back(std::move(unknown));
  return city;
}

struct Raw {
  std::vector<signals::SignalTally> signals;
  std::vector<signals::SignalHandling> handled;
  std::vector<signals::SignalTheme> themes;
  std::vector<platforms::MemberTally> members;
  std::vector<events::ParticipationTally> participation;
  std::vector<initiatives::InitiativeTally> initiatives;
  std::vector<initiatives::CheckTally> checks;
  std::vector<advice::AdviceTally> advice;
  std::vector<budgets::SubmitterTally> submitters;
  std::vector<budgets::RoundTally> rounds;
  std::vector<voting::BallotTally> ballots;
  std::vector<codes::EligibleTally> eligible;
  std::vector<codes::BuurtTurnoutTally> buurt_turnout;
  std::vector<promises::PromiseTally> promises;
  std::vector<forums::VolunteerTally> volunteers;
  std::vector<forums::HeldTally> forums_held;
  std::vector<surveys::RespondentTally> respondents;
};

Result<Raw> ReadRaw(db::Database& db, const std::vector<int64_t>& bounds) {
  Raw raw;
  WP_TRY_VOID(db.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(raw.signals, signals::ReportedSignalTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.handled, signals::SignalHandlingTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.themes, signals::SignalThemes(c));
    WP_ASSIGN_OR_RETURN(raw.members, platforms::MemberTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.participation, events::ParticipationTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.initiatives, initiatives::SubmittedInitiativeTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.checks, initiatives::CheckTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.advice, advice::AdviceTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.submitters, budgets::PlanSubmitterTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.rounds, budgets::ClosedRoundTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.ballots, voting::CountedBallotTallies(c));
    WP_ASSIGN_OR_RETURN(raw.eligible, codes::EligibleTallies(c));
    WP_ASSIGN_OR_RETURN(raw.buurt_turnout, codes::BuurtTurnoutTallies(c));
    WP_ASSIGN_OR_RETURN(raw.promises, promises::PromiseTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.volunteers, forums::VolunteerTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.forums_held, forums::ForumsHeldTallies(c, bounds));
    WP_ASSIGN_OR_RETURN(raw.respondents, surveys::RespondentTallies(c, bounds));
    return Ok();
  }));
  return raw;
}

void AddReach(const geography::Municipality& m, const Raw& raw, int width, YearFigures& f) {
  Leaves members, participants, signal_leaves, initiative_leaves;
  std::map<int64_t, std::string> district_of;
  for (const auto& t : raw.members) {
    AddTo(members, t.district_code, t.period, t.members, width);
    district_of[t.platform_id] = t.district_code;
  }
  for (const auto& t : raw.participation) {
    auto it = district_of.find(t.platform_id);
    AddTo(participants, it == district_of.end() ? "unknown" : it->second, t.period, t.participants, width);
  }
  for (const auto& t : raw.signals) AddTo(signal_leaves, t.neighbourhood_code, t.period, t.reported, width);
  for (const auto& t : raw.initiatives) AddTo(initiative_leaves, t.neighbourhood_code, t.period, t.submitted, width);
  f.reach["members"] = CoarsenTree(BuildTree(m, members, true, width), true);
  f.reach["participants"] = CoarsenTree(BuildTree(m, participants, true, width));
  f.reach["signals"] = CoarsenTree(BuildTree(m, signal_leaves, false, width));
  f.reach["initiatives"] = CoarsenTree(BuildTree(m, initiative_leaves, false, width));
}

// Plan submitters and voters per buurt; volunteers and respondents per wijk.
void AddMoreReach(const geography::Municipality& m, const Raw& raw, int width, YearFigures& f) {
  Leaves submitters, volunteers, respondents, voters;
  std::map<int64_t, size_t> period_of;  // edition -> the quarter its voting closed
  for (const auto& t : raw.rounds) period_of[t.edition_id] = t.period;
  for (const auto& t : raw.buurt_turnout) {
    auto it = period_of.find(t.edition_id);
    if (it != period_of.end()) AddTo(voters, t.neighbourhood_code, it->second, t.voted, width);
  }
  f.reach["voters"] = CoarsenTree(BuildTree(m, std::move(voters), false, width));
  for (const auto& t : raw.submitters) AddTo(submitters, t.neighbourhood_code, t.period, t.submitters, width);
  for (const auto& t : raw.volunteers) AddTo(volunteers, t.district_code, t.period, t.volunteers, width);
  for (const auto& t : raw.respondents) AddTo(respondents, t.district_code, t.period, t.respondents, width);
  f.reach["plan_submitters"] = CoarsenTree(BuildTree(m, std::move(submitters), false, width));
  f.reach["volunteers"] = CoarsenTree(BuildTree(m, std::move(volunteers), true, width));
  f.reach["respondents"] = CoarsenTree(BuildTree(m, std::move(respondents), true, width));
}

// A round's turnout per area, from the buurt counts of its codes; nothing
// when no code of the round knows its buurt.
std::map<std::string, AreaTurnout> TurnoutPerArea(const geography::Municipality& m, const Raw& raw,
                                                  int64_t edition_id) {
  Leaves eligible, voters;
  bool any_buurt = false;
  for (const auto& t : raw.buurt_turnout) {
    if (t.edition_id != edition_id) continue;
    any_buurt = any_buurt || !t.neighbourhood_code.empty();
    AddTo(eligible, t.neighbourhood_code, 0, t.eligible, 1);
    AddTo(voters, t.neighbourhood_code, 0, t.voted, 1);
  }
  std::map<std::string, AreaTurnout> out;
  if (!any_buurt) return out;
  auto e = CoarsenTree(BuildTree(m, std::move(eligible), false, 1));
  auto v = CoarsenTree(BuildTree(m, std::move(voters), false, 1));
  for (const auto& [key, row] : e) {
    AreaTurnout a;
    a.eligible = row.total;
    auto it = v.find(key);
    if (it != v.end()) a.voters = it->second.total;
    a.turnout = TurnoutFromBands(a.voters, a.eligible);
    out[key] = a;
  }
  return out;
}

void AddRounds(const geography::Municipality& m, const Raw& raw, YearFigures& f) {
  std::map<int64_t, int64_t> ballots, eligible;
  for (const auto& t : raw.ballots) ballots[t.edition_id] = t.ballots;
  for (const auto& t : raw.eligible) eligible[t.edition_id] = t.eligible;
  for (const auto& t : raw.rounds) {
    RoundFigures r;
    r.title = t.title;
    r.borough_slug = t.borough_slug;
    r.quarter = static_cast<int>(t.period) + 1;
    auto e = eligible.find(t.edition_id);
    r.eligible = Coarsen(e == eligible.end() ? 0 : e->second);
    auto b = ballots.find(t.edition_id);
    r.counted = b != ballots.end();
    if (r.counted) r.ballots = Coarsen(b->second);
    r.turnout = r.counted ? TurnoutFromBands(r.ballots, r.eligible) : std::nullopt;
    r.budget_cents = t.budget_cents;
    r.funded_plans = t.funded_plans;
    r.funded_cents = t.funded_cents;
    if (r.counted) r.areas = TurnoutPerArea(m, raw, t.edition_id);
    f.rounds.push_back(std::move(r));
  }
}

void AddTopics(const geography::Municipality& m, const Raw& raw, int width, YearFigures& f) {
  std::map<std::string, Leaves> per_theme;
  for (const auto& t : raw.themes) {
    f.themes.push_back({t.slug, t.name, t.name_en});
    per_theme[t.slug];
  }
  for (const auto& t : raw.signals) AddTo(per_theme[t.theme], t.neighbourhood_code, t.period, t.reported, width);
  for (auto& [slug, leaves] : per_theme) f.topics[slug] = CoarsenTree(BuildTree(m, std::move(leaves), false, width));
}

void AddOutcomes(const geography::Municipality& m, const Raw& raw, YearFigures& f) {
  std::vector<QuarterOutcome> handled, checks, answered;
  for (const auto& t : raw.handled) handled.push_back({t.closed_in_time, t.closed - t.closed_in_time});
  for (const auto& t : raw.checks) checks.push_back({t.answered_in_time, t.answered - t.answered_in_time});
  for (const auto& t : raw.advice) {
    answered.push_back({t.answered_in_time, t.answered - t.answered_in_time});
    f.advice_asked.push_back(Coarsen(t.asked));
  }
  f.signals_handled = ProtectQuarters(handled, f.year_ended);
  f.initiative_checks = ProtectQuarters(checks, f.year_ended);
  f.advice_answered = ProtectQuarters(answered, f.year_ended);
  std::vector<QuarterOutcome> kept;
  for (const auto& t : raw.promises) {
    kept.push_back({t.kept_in_time, t.kept - t.kept_in_time});
    f.promises_overdue.push_back(Coarsen(t.overdue));
  }
  f.promises_kept = ProtectQuarters(kept, f.year_ended);
  for (const auto& t : raw.forums_held) f.forums_held.push_back(t.held);
  AddRounds(m, raw, f);
}

}  // namespace

bool IsDistrictMeasure(std::string_view measure) {
  return measure == "members" || measure == "participants" || measure == "volunteers" || measure == "respondents";
}

std::string BoroughKey(std::string_view slug) { return "sd:" + std::string(slug); }

int DashboardFigures::DefaultYear() const { return dashboards::DefaultYear(zone_, clock_.NowUnixSeconds()); }

Result<YearFigures> DashboardFigures::Compute(int year, int quarters) const {
  std::vector<int64_t> bounds = QuarterBounds(zone_, year);
  bounds.resize(static_cast<size_t>(quarters) + 1);
  WP_ASSIGN_OR_RETURN(Raw raw, ReadRaw(db_, bounds));
  YearFigures f;
  f.year = year;
  f.quarters = quarters;
  f.year_ended = quarters == 4;
  auto m = geography_.current();
  AddReach(*m, raw, quarters, f);
  AddMoreReach(*m, raw, quarters, f);
  AddTopics(*m, raw, quarters, f);
  AddOutcomes(*m, raw, f);
  return f;
}

Result<std::shared_ptr<const YearFigures>> DashboardFigures::Year(int year) const {
  int64_t now = clock_.NowUnixSeconds();
  if (year < 2000 || year > zone_.ToLocal(now).year) return NotFound("no such year", "dashboards.error.no_year");
  int quarters = EndedQuarters(zone_, year, now);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(year);
  if (it != cache_.end() && it->second.quarters == quarters && now - it->second.at < kKeepSeconds) {
    return it->second.figures;
  }
  WP_ASSIGN_OR_RETURN(YearFigures f, Compute(year, quarters));
  auto shared = std::make_shared<const YearFigures>(std::move(f));
  cache_[year] = {now, quarters, shared};
  return shared;
}

}  // namespace wp::dashboards
