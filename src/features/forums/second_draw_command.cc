// The second, weighted draw of a forum (#16 item 5): the use case behind the
// official's form. The rule itself is pure (second_draw.h); the draw runs in
// the draw job like the first, on files it publishes.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/jobs/jobs.h"
#include "core/strings.h"
#include "features/forums/commands.h"

namespace wp::forums {

namespace {

// Who sits in the forum now, and who is left for a second draw: never a
// member, and still reachable (the e-mail address is kept).
struct People {
  std::vector<Features> members;
  std::vector<std::string> member_ids;
  std::vector<Respondent> pool;
  std::vector<Features> pool_features;
};

Result<People> LoadPeople(db::Connection& c, const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
  std::set<std::string> current, ever;
  for (const auto& m : members) {
    ever.insert(m.public_id);
    if (!m.left_at) current.insert(m.public_id);
  }
  People p;
  for (const auto& r : registrations) {
    if (current.count(r.public_id) > 0) {
      p.members.push_back(r.features);
      p.member_ids.push_back(r.public_id);
    } else if (ever.count(r.public_id) == 0 && !r.email.empty()) {
      p.pool.push_back({r.public_id, r.features});
      p.pool_features.push_back(r.features);
    }
  }
  return p;
}

nlohmann::json PlanJson(const std::vector<PlanRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    out.push_back({{"feature", r.feature},
                   {"target_min", r.target_min},
                   {"target_max", r.target_max},
                   {"held", r.held},
                   {"need_min", r.need_min},
                   {"need_max", r.need_max},
                   {"available", r.available}});
  }
  return out;
}

}  // namespace

Result<std::vector<PlanRow>> ForumCommands::Composition(const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  return db_.Read([&](db::Connection& c) -> Result<std::vector<PlanRow>> {
    WP_ASSIGN_OR_RETURN(People people, LoadPeople(c, forum));
    std::vector<PlanRow> rows;
    for (const auto& f : quotas.features) {
      auto count = [&f](const std::vector<Features>& v) {
        return static_cast<int>(std::count_if(v.begin(), v.end(), [&f](const Features& x) {
          auto it = x.find(f.category);
          return it != x.end() && it->second == f.value;
        }));
      };
      rows.push_back({f.Name(), f.min, f.max, count(people.members), 0, 0, count(people.pool_features)});
    }
    return rows;
  });
}

Result<int64_t> ForumCommands::StartSecondDraw(const auth::User& actor, const Forum& forum,
                                               const SecondDrawForm& form) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
    auto first = std::find_if(draws.begin(), draws.end(),
                              [](const Draw& d) { return d.kind == "draw" && d.status == DrawStatus::kDone; });
    if (first == draws.end()) return Conflict("not drawn yet", "forums.error.not_drawn");
    if (AnyDrawRunning(draws)) return Conflict("a draw is running", "forums.error.draw_running");
    WP_ASSIGN_OR_RETURN(People people, LoadPeople(c, forum));
    std::vector<FieldError> errors;
    if (Trim(form.seed).empty()) errors.push_back({"seed", "forums.error.seed", {}});
    int open = forum.setup.seats - static_cast<int>(people.members.size());
    if (open > 0) {
      errors.push_back({"extra", "forums.error.open_seats", {{"open", int64_t{open}}}});
    } else if (forum.setup.seats + form.extra > kMaxSeats) {
      errors.push_back({"extra", "forums.error.extra_total", {{"max", int64_t{kMaxSeats - forum.setup.seats}}}});
    }
    auto plan = PlanSecondDraw(quotas, form.targets_csv, people.members, people.pool_features, form.extra);
    if (!plan.has_value()) {
      for (auto& e : plan.error().fields) errors.push_back(e);
    }
    if (!errors.empty()) return FormInvalid(std::move(errors), "the second draw cannot start");
    Draw d;
    d.forum_id = forum.id;
    d.kind = "second_draw";
    d.seed = form.seed;
    d.seats = form.extra;
    d.targets_csv = CategoriesCsv(plan->targets);
    d.categories_csv = CategoriesCsv(plan->remaining);
    d.respondents_csv = RespondentsCsv(plan->remaining, people.pool);
    for (const auto& id : people.member_ids) d.panel_csv += id + "\n";
    d.result_json = nlohmann::json{{"plan", PlanJson(plan->rows)}, {"first_draw", first->id}}.dump();
    // What the job will run on must parse: the files are what is published.
    WP_TRY_VOID(InstanceFromFiles(d.categories_csv, d.respondents_csv, d.seats));
    d.created_by = actor.id;
    d.created_at = now;
    WP_ASSIGN_OR_RETURN(d.id, ForumStore::InsertDraw(c, d));
    WP_TRY_VOID(jobs::Enqueue(c, kDrawJob, d.id, now, 2));
    WP_TRY_VOID(ForumStore::AppendHistory(
        c, forum.id,
        {now, actor.id, "second_draw_started", "+" + std::to_string(form.extra) + "; seed " + form.seed}));
    return d.id;
  });
}

}  // namespace wp::forums
