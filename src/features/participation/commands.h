// ProjectCommands: the use cases of the participation calendar. Officials
// publish a project (it starts as planned), edit it, and move it on
// (running, finished) or cancel it with a reason; everyone reads the
// calendar and a project's participation paragraph with its history. A
// platform's kernteam turns on e-mail about new projects in its area: when
// a project is published, or its area grows to cover a subscribed
// platform's wijken, the platform's contact address gets one e-mail per
// project, queued in the same transaction (the outbox holds it until the
// address is confirmed). Each change runs in one transaction with its
// history line. Thread-safe.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/participation/permissions.h"
#include "features/participation/project.h"
#include "features/platforms/directory.h"

namespace wp::participation {

struct ParticipationSettings {
  std::string base_url = "http://127.0.0.1:8080";  // links in e-mails
  std::string site_name = "Wijkplatform";
};

// A project with what its page shows.
struct ProjectView {
  Project project;
  std::vector<Entry> history;                 // with actor names
  std::vector<platforms::Platform> platforms;  // active platforms in its wijken
};

// A platform's e-mail about new projects: on or off, and the log of changes.
struct Subscription {
  bool subscribed = false;
  std::vector<SubscriptionChange> log;  // with actor names, oldest first
};

class ProjectCommands {
 public:
  ProjectCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                  const geography::GeographyService& geography, const platforms::PlatformDirectory& directory,
                  const accounts::Roles& roles, const time::TimeZone& zone, ParticipationSettings settings);

  const time::TimeZone& zone() const { return zone_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  std::shared_ptr<const geography::Municipality> municipality() const { return geography_.current(); }
  // Today's local date, "YYYY-MM-DD".
  std::string Today() const;

  // Publishes a project as planned and e-mails the subscribed platforms in
  // its area. Errors: kForbidden (participation.error.forbidden: not a
  // manager), kInvalidInput with the fields (CheckProjectForm; a wijk
  // outside the user's stadsdeel: districts/participation.error.outside_area).
  Result<int64_t> Create(const auth::User& user, const ProjectForm& form);
  // Saves the edited content; subscribed platforms newly in the area are
  // e-mailed. Errors: kNotFound, kForbidden, kConflict
  // (participation.error.closed: finished or cancelled), kInvalidInput.
  Result<void> Edit(const auth::User& user, int64_t project_id, const ProjectForm& form);
  // Errors: kNotFound, kForbidden, kInvalidInput (CheckStatusForm).
  Result<void> ChangeStatus(const auth::User& user, int64_t project_id, const StatusForm& form);

  // Errors: kNotFound (participation.project.not_found).
  Result<ProjectView> ProjectOf(int64_t project_id) const;
  // Every project, the newest first.
  Result<std::vector<Project>> All() const;
  // The projects with a wijk in `districts`, the newest first.
  Result<std::vector<Project>> InDistricts(const std::set<std::string>& districts) const;
  // The wijken of a platform's area.
  static std::set<std::string> DistrictsOf(const platforms::Platform& p) { return DistrictsOfArea(p.area); }

  // Whether `user` manages `p` (its wijken's stadsdelen).
  bool Manages(const auth::User& user, const Project& p) const;
  // The form of an existing project, for editing.
  static ProjectForm FormOf(const Project& p);

  Result<Subscription> SubscriptionOf(int64_t platform_id) const;
  // Turns the platform's e-mail about new projects on or off (a log line;
  // nothing when it already is). Errors: kNotFound
  // (participation.platform.not_found), kForbidden
  // (participation.error.not_kernteam).
  Result<void> Subscribe(const auth::User& user, int64_t platform_id, bool on);

 private:
  // Checks the form for `user`: fields, and wijken the user manages.
  CheckedProject Check(const auth::User& user, const ProjectForm& form) const;
  // Loads a project for a change by `user`.
  Result<Project> LoadForChange(db::Connection& c, const auth::User& user, int64_t project_id) const;
  // E-mails every subscribed active platform in `p`'s area that was not e-mailed about it yet.
  Result<void> NotifyPlatforms(db::Connection& c, const Project& p, int64_t actor_id, int64_t now) const;
  Result<void> MailPlatform(db::Connection& c, const Project& p, const platforms::Platform& platform,
                            int64_t now) const;
  // Fills actor names of history lines.
  template <typename Line>
  Result<void> Name(db::Connection& c, std::vector<Line>& lines) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const geography::GeographyService& geography_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  ParticipationSettings settings_;
};

}  // namespace wp::participation
