// Keeping the forum whole (#16): replacing drop-outs from the published
// reserve at once, or by the engine's replacement draw when no reserve keeps
// the quotas reachable.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/jobs/jobs.h"
#include "core/strings.h"
#include "features/forums/commands.h"

namespace wp::forums {

namespace {

// The reserve of the forum's first draw, in order, without anyone who has
// been a member; and that draw's id.
struct ReservePool {
  int64_t draw_id = 0;
  std::vector<Reserve> reserves;
  std::map<std::string, int64_t> registration_ids;  // public id -> registration id
  std::map<std::string, Features> features;         // public id -> features
};

Result<ReservePool> LoadReserve(db::Connection& c, const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
  WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
  ReservePool pool;
  for (const auto& r : registrations) {
    pool.registration_ids[r.public_id] = r.id;
    pool.features[r.public_id] = r.features;
  }
  std::set<std::string> was_member;
  for (const auto& m : members) was_member.insert(m.public_id);
  auto first = std::find_if(draws.begin(), draws.end(),
                            [](const Draw& d) { return d.kind == "draw" && d.status == DrawStatus::kDone; });
  if (first == draws.end()) return pool;
  pool.draw_id = first->id;
  auto result = nlohmann::json::parse(first->result_json, nullptr, false);
  if (!result.is_object()) return pool;
  for (const auto& id : result.value("reserve", nlohmann::json::array())) {
    std::string public_id = id.get<std::string>();
    if (was_member.count(public_id) == 0 && pool.features.count(public_id) > 0) {
      pool.reserves.push_back({public_id, pool.features[public_id]});
    }
  }
  return pool;
}

struct Filling {
  const Forum& forum;
  const sortition::Quotas& quotas;
  int64_t actor = 0;
  int64_t now = 0;
};

// Each leaving member goes; the first fitting reserve takes over the rest of
// the term (in the history: who replaced whom, by the reserve rule). Those
// no reserve fits go to `unfilled`.
Result<void> FillFromReserve(db::Connection& c, const Filling& f, const std::vector<Member>& leaving,
                             ReservePool& pool, std::vector<Features>& panel, std::vector<std::string>& panel_ids,
                             Replacement& out, std::vector<Member>& unfilled) {
  for (const auto& m : leaving) {
    WP_TRY_VOID(ForumStore::SetMemberLeft(c, f.forum.id, m.registration_id, f.now));
    auto pick = FirstFittingReserve(f.quotas, f.forum.setup.seats, panel, pool.reserves);
    if (!pick) {
      unfilled.push_back(m);
      continue;
    }
    Reserve r = pool.reserves[*pick];
    pool.reserves.erase(pool.reserves.begin() + static_cast<std::ptrdiff_t>(*pick));
    WP_TRY_VOID(ForumStore::InsertMember(c, f.forum.id, pool.registration_ids[r.public_id], pool.draw_id,
                                         m.term_ends_at));
    WP_TRY_VOID(ForumStore::AppendHistory(c, f.forum.id,
                                          {f.now, f.actor, "reserve_taken", m.public_id + " → " + r.public_id}));
    panel.push_back(r.features);
    panel_ids.push_back(r.public_id);
    out.from_reserve.emplace_back(m.public_id, r.public_id);
  }
  return Ok();
}

}  // namespace

std::string ShortfallKey(const ReserveShortfall& s) {
  return s.feature.find('=') == std::string::npos ? "forums.refill.short_category" : "forums.refill.short";
}

std::vector<std::pair<std::string, std::variant<int64_t, std::string, Money>>> ShortfallArgs(
    const ReserveShortfall& s) {
  return {{"quota", s.feature}, {"min", int64_t{s.min}}, {"have", int64_t{s.have}}, {"short", int64_t{s.min - s.have}}};
}

Result<std::vector<ReserveShortfall>> ForumCommands::RefillShortfalls(const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  return db_.Read([&](db::Connection& c) -> Result<std::vector<ReserveShortfall>> {
    WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
    WP_ASSIGN_OR_RETURN(ReservePool pool, LoadReserve(c, forum));
    std::vector<Features> panel;
    for (const auto& m : members) {
      if (!m.left_at) panel.push_back(pool.features[m.public_id]);
    }
    if (static_cast<int>(panel.size()) >= forum.setup.seats) return std::vector<ReserveShortfall>{};
    return ReserveShortfalls(quotas, forum.setup.seats, panel, pool.reserves);
  });
}

Result<std::vector<std::string>> ForumCommands::ReserveIds(const Forum& forum) {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<std::string>> {
    WP_ASSIGN_OR_RETURN(ReservePool pool, LoadReserve(c, forum));
    std::vector<std::string> out;
    for (const auto& r : pool.reserves) out.push_back(r.public_id);
    return out;
  });
}

Result<Replacement> ForumCommands::StartReplacement(const auth::User& actor, const Forum& forum,
                                                    const std::vector<std::string>& dropout_ids,
                                                    const std::string& seed) {
  std::vector<FieldError> errors;
  if (Trim(seed).empty()) errors.push_back({"seed", "forums.error.seed", {}});
  if (dropout_ids.empty()) errors.push_back({"dropouts", "forums.error.dropouts", {}});
  if (!errors.empty()) return FormInvalid(std::move(errors));
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<Replacement> {
    WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
    bool drawn = std::any_of(draws.begin(), draws.end(),
                             [](const Draw& d) { return d.kind == "draw" && d.status != DrawStatus::kFailed; });
    if (!drawn) return Conflict("not drawn yet", "forums.error.not_drawn");
    if (AnyDrawRunning(draws)) return Conflict("a draw is running", "forums.error.draw_running");
    WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
    std::set<std::string> wanted(dropout_ids.begin(), dropout_ids.end());
    std::vector<Member> leaving, staying;
    std::set<std::string> former;  // left before: never drawn back in
    for (const auto& m : members) {
      if (m.left_at) {
        former.insert(m.public_id);
        continue;
      }
      (wanted.erase(m.public_id) > 0 ? leaving : staying).push_back(m);
    }
    if (!wanted.empty()) return FormInvalid({{"dropouts", "forums.error.not_member", {{"id", *wanted.begin()}}}});
    WP_ASSIGN_OR_RETURN(ReservePool pool, LoadReserve(c, forum));
    std::vector<Features> panel;
    std::vector<std::string> panel_ids;
    for (const auto& m : staying) {
      panel.push_back(pool.features[m.public_id]);
      panel_ids.push_back(m.public_id);
    }
    Replacement out;
    std::vector<Member> unfilled;
    WP_TRY_VOID(FillFromReserve(c, {forum, quotas, actor.id, now}, leaving, pool, panel, panel_ids, out, unfilled));
    if (unfilled.empty()) return out;
    // No reserve keeps the quotas reachable for these: the engine draws.
    Draw d;
    d.forum_id = forum.id;
    d.kind = "replacement";
    d.seed = seed;
    d.seats = forum.setup.seats;
    for (const auto& id : panel_ids) d.panel_csv += id + "\n";
    for (const auto& m : unfilled) {
      d.panel_csv += m.public_id + "\n";
      d.dropouts += m.public_id + "\n";
    }
    WP_TRY_VOID(PoolInstance(c, forum, &d.categories_csv, &d.respondents_csv, former));
    d.created_by = actor.id;
    d.created_at = now;
    WP_ASSIGN_OR_RETURN(d.id, ForumStore::InsertDraw(c, d));
    WP_TRY_VOID(jobs::Enqueue(c, kDrawJob, d.id, now, 2));
    WP_TRY_VOID(ForumStore::AppendHistory(c, forum.id,
                                          {now, actor.id, "replacement_started", d.dropouts + "seed " + seed}));
    out.draw_id = d.id;
    return out;
  });
}

Result<std::vector<std::string>> ForumCommands::Refill(const auth::User& actor, const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<std::vector<std::string>> {
    WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
    if (AnyDrawRunning(draws)) return Conflict("a draw is running", "forums.error.draw_running");
    WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
    WP_ASSIGN_OR_RETURN(ReservePool pool, LoadReserve(c, forum));
    std::vector<Features> panel;
    for (const auto& m : members) {
      if (!m.left_at) panel.push_back(pool.features[m.public_id]);
    }
    int open = forum.setup.seats - static_cast<int>(panel.size());
    if (open <= 0 || pool.draw_id == 0) return Conflict("no open seats", "forums.error.no_open_seats");
    std::vector<std::string> taken;
    for (int seat = 0; seat < open; ++seat) {
      auto pick = FirstFittingReserve(quotas, forum.setup.seats, panel, pool.reserves);
      if (!pick) break;
      Reserve r = pool.reserves[*pick];
      pool.reserves.erase(pool.reserves.begin() + static_cast<std::ptrdiff_t>(*pick));
      int64_t ends = now + int64_t{std::min(forum.setup.term_months, kMaxTermMonths)} * kSecondsPerMonth;
      WP_TRY_VOID(ForumStore::InsertMember(c, forum.id, pool.registration_ids[r.public_id], pool.draw_id, ends));
      panel.push_back(r.features);
      taken.push_back(r.public_id);
    }
    if (taken.empty()) {
      // Say which quota the reserve cannot meet, and by how much.
      std::vector<FieldError> errors = {{"refill", "forums.error.no_reserve_fits", {}}};
      for (const auto& s : ReserveShortfalls(quotas, forum.setup.seats, panel, pool.reserves)) {
        errors.push_back({"refill", ShortfallKey(s), ShortfallArgs(s)});
      }
      return FormInvalid(std::move(errors), "the reserve cannot fill the open seats");
    }
    WP_TRY_VOID(ForumStore::AppendHistory(c, forum.id, {now, actor.id, "refilled", JoinStrings(taken, ", ")}));
    return taken;
  });
}

}  // namespace wp::forums
