// ProjectStore: all SQL of the participation calendar: projects with their
// wijken and phases, the append-only history, the platforms' subscription
// log and which platform was e-mailed about which project. Functions take
// the caller's connection so commands control transactions. Thread-safe (no
// state).
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/participation/project.h"

namespace wp::participation {

class ProjectStore {
 public:
  // Inserts a project with its wijken and phases; returns its id.
  static Result<int64_t> Insert(db::Connection& c, const Project& p);
  // Saves the content (everything the form edits, with wijken and phases) and updated_at.
  static Result<void> SaveContent(db::Connection& c, const Project& p);
  // Saves status, status_reason and updated_at.
  static Result<void> SaveStatus(db::Connection& c, const Project& p);
  static Result<std::optional<Project>> Find(db::Connection& c, int64_t id);
  // Every project with its wijken and phases, the newest first.
  static Result<std::vector<Project>> All(db::Connection& c);

  static Result<void> Append(db::Connection& c, int64_t project_id, const Entry& e);
  // The history of a project, oldest first (actor_name empty).
  static Result<std::vector<Entry>> History(db::Connection& c, int64_t project_id);

  // Appends to the subscription log of a platform.
  static Result<void> AppendSubscription(db::Connection& c, int64_t platform_id, const SubscriptionChange& change);
  // The subscription log of a platform, oldest first (actor_name empty).
  static Result<std::vector<SubscriptionChange>> SubscriptionLog(db::Connection& c, int64_t platform_id);
  // The platforms whose newest log line is 'subscribed'.
  static Result<std::vector<int64_t>> Subscribed(db::Connection& c);

  // The platforms e-mailed about a project.
  static Result<std::set<int64_t>> Notified(db::Connection& c, int64_t project_id);
  static Result<void> MarkNotified(db::Connection& c, int64_t project_id, int64_t platform_id, int64_t at);

  // Projects planned or running (the metric).
  static Result<int64_t> CountCurrent(db::Connection& c);
};

}  // namespace wp::participation
