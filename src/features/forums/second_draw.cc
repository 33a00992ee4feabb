#include "features/forums/second_draw.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/strings.h"

namespace wp::forums {

namespace {

int CountWith(const std::vector<Features>& people, const sortition::Feature& f) {
  return static_cast<int>(std::count_if(people.begin(), people.end(), [&f](const Features& p) {
    auto it = p.find(f.category);
    return it != p.end() && it->second == f.value;
  }));
}

std::set<std::string> ValuesOf(const sortition::Quotas& q, const sortition::Category& c) {
  std::set<std::string> out;
  for (int fi : c.features) out.insert(q.features[static_cast<size_t>(fi)].value);
  return out;
}

const sortition::Category* FindCategory(const sortition::Quotas& q, std::string_view name) {
  for (const auto& c : q.categories) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The typed targets, checked against the forum's categories and the seats
// asked; every problem of the form at once.
Result<sortition::Quotas> ParseTargets(const sortition::Quotas& forum_quotas, std::string_view targets_csv,
                                       size_t pool_size, int extra) {
  std::vector<FieldError> errors;
  if (extra < 1) {
    errors.push_back({"extra", "forums.error.extra_seats", {}});
  } else if (extra > static_cast<int>(pool_size)) {
    errors.push_back(
        {"extra", "forums.error.extra_too_many", {{"extra", int64_t{extra}}, {"left", int64_t(pool_size)}}});
  }
  int lines = 0;
  for (auto line : Split(targets_csv, '\n')) lines += Trim(line).empty() ? 0 : 1;
  if (lines <= 1) {  // at most the header
    errors.push_back({"targets", "forums.error.targets_empty", {}});
    return FormInvalid(std::move(errors), "no targets");
  }
  auto typed = sortition::ParseCategoriesCsv(targets_csv);
  if (!typed.has_value()) {
    errors.push_back({"targets", "forums.error.targets_parse", {{"detail", typed.error().detail}}});
    return FormInvalid(std::move(errors), "targets do not parse");
  }
  if (typed->categories.empty()) errors.push_back({"targets", "forums.error.targets_empty", {}});
  for (const auto& c : typed->categories) {
    const sortition::Category* own = FindCategory(forum_quotas, c.name);
    if (!own) {
      errors.push_back({"targets", "forums.error.targets_category", {{"category", c.name}}});
    } else if (ValuesOf(*typed, c) != ValuesOf(forum_quotas, *own)) {
      errors.push_back({"targets", "forums.error.targets_values", {{"category", c.name}}});
    }
  }
  if (!errors.empty()) return FormInvalid(std::move(errors), "second draw input");
  return *typed;
}

// Per category: the extra seats must be enough for its minimums, and its
// maximums must leave room for all of them.
void CheckCategories(const SecondDrawPlan& plan, int extra, std::vector<FieldError>& errors) {
  for (const auto& c : plan.targets.categories) {
    int mins = 0, room = 0;
    for (int fi : c.features) {
      const PlanRow& row = plan.rows[static_cast<size_t>(fi)];
      mins += row.need_min;
      room += std::min(std::max(row.need_max, 0), row.available);
    }
    if (mins > extra) {
      errors.push_back({"targets",
                        "forums.error.target_category_min",
                        {{"category", c.name},
                         {"need", int64_t{mins}},
                         {"extra", int64_t{extra}},
                         {"over", int64_t{mins - extra}}}});
    } else if (room < extra) {
      errors.push_back({"targets",
                        "forums.error.target_category_room",
                        {{"category", c.name},
                         {"room", int64_t{room}},
                         {"extra", int64_t{extra}},
                         {"short", int64_t{extra - room}}}});
    }
  }
}

}  // namespace

Result<SecondDrawPlan> PlanSecondDraw(const sortition::Quotas& forum_quotas, std::string_view targets_csv,
                                      const std::vector<Features>& members, const std::vector<Features>& pool,
                                      int extra) {
  WP_ASSIGN_OR_RETURN(sortition::Quotas typed, ParseTargets(forum_quotas, targets_csv, pool.size(), extra));
  std::vector<FieldError> errors;
  // The targets for the whole forum, in the forum's quota order.
  int total = static_cast<int>(members.size()) + extra;
  SecondDrawPlan plan;
  plan.targets = forum_quotas;
  for (auto& f : plan.targets.features) {
    int typed_index = typed.Find(f.category, f.value);
    if (typed_index >= 0) {
      const auto& t = typed.features[static_cast<size_t>(typed_index)];
      f.min = t.min;
      f.max = t.max;
    } else {
      f.max = std::min(f.max + extra, total);
    }
    f.min_flex = f.max_flex = -1;
  }
  plan.remaining = plan.targets;
  for (size_t i = 0; i < plan.targets.features.size(); ++i) {
    const auto& t = plan.targets.features[i];
    PlanRow row{t.Name(), t.min, t.max, CountWith(members, t), 0, 0, CountWith(pool, t)};
    row.need_min = std::max(0, t.min - row.held);
    row.need_max = std::min(t.max - row.held, extra);
    if (row.need_max < 0) {
      errors.push_back({"targets",
                        "forums.error.target_over",
                        {{"quota", row.feature},
                         {"max", int64_t{t.max}},
                         {"held", int64_t{row.held}},
                         {"over", int64_t{row.held - t.max}}}});
    } else if (row.need_min > row.available) {
      errors.push_back({"targets",
                        "forums.error.target_short",
                        {{"quota", row.feature},
                         {"need", int64_t{row.need_min}},
                         {"left", int64_t{row.available}},
                         {"short", int64_t{row.need_min - row.available}}}});
    }
    auto& r = plan.remaining.features[i];
    r.min = row.need_min;
    r.max = std::max(row.need_max, row.need_min);
    plan.rows.push_back(row);
  }
  CheckCategories(plan, extra, errors);
  if (!errors.empty()) return FormInvalid(std::move(errors), "a target cannot be met");
  return plan;
}

}  // namespace wp::forums
