#include "features/participation/commands.h"

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/participation/project_store.h"

namespace wp::participation {

namespace {

Error ProjectNotFound() { return NotFound("project", "participation.project.not_found"); }
Error NotManager() { return Forbidden("may not manage this project", "participation.error.forbidden"); }

}  // namespace

ProjectCommands::ProjectCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                                 const geography::GeographyService& geography,
                                 const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                 const time::TimeZone& zone, ParticipationSettings settings)
    : db_(db),
      clock_(clock),
      catalog_(catalog),
      geography_(geography),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      settings_(std::move(settings)) {}

std::string ProjectCommands::Today() const { return time::DateInputValue(zone_, clock_.NowUnixSeconds()); }

bool ProjectCommands::Manages(const auth::User& user, const Project& p) const {
  return CanManage(user, BoroughsOf(p.districts, *municipality()));
}

ProjectForm ProjectCommands::FormOf(const Project& p) {
  ProjectForm f{p.title,         p.summary, p.districts,     p.department, p.contact.name, p.contact.email,
                std::string(LevelName(p.level)), p.can_influence, p.fixed, p.platform_role, {}};
  for (const auto& ph : p.phases) f.phases.push_back({ph.name, ph.start, ph.end});
  return f;
}

CheckedProject ProjectCommands::Check(const auth::User& user, const ProjectForm& form) const {
  auto m = municipality();
  CheckedProject checked = CheckProjectForm(form, *m);
  if (!checked.project.districts.empty() && !CanManage(user, BoroughsOf(checked.project.districts, *m))) {
    checked.errors.push_back({"districts", "participation.error.outside_area"});
  }
  return checked;
}

Result<int64_t> ProjectCommands::Create(const auth::User& user, const ProjectForm& form) {
  if (!IsManager(user)) return NotManager();
  CheckedProject checked = Check(user, form);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  int64_t now = clock_.NowUnixSeconds();
  Project p = std::move(checked.project);
  p.status = Status::kPlanned;
  p.created_by = user.id;
  p.created_at = p.updated_at = now;
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(p.id, ProjectStore::Insert(c, p));
    WP_TRY_VOID(ProjectStore::Append(c, p.id, {now, user.id, "", EntryKind::kCreated, "", "planned", ""}));
    WP_TRY_VOID(NotifyPlatforms(c, p, user.id, now));
    return p.id;
  });
}

Result<Project> ProjectCommands::LoadForChange(db::Connection& c, const auth::User& user, int64_t project_id) const {
  WP_ASSIGN_OR_RETURN(auto found, ProjectStore::Find(c, project_id));
  if (!found) return ProjectNotFound();
  if (!Manages(user, *found)) return NotManager();
  return std::move(*found);
}

Result<void> ProjectCommands::Edit(const auth::User& user, int64_t project_id, const ProjectForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Project p, LoadForChange(c, user, project_id));
    if (IsClosed(p.status)) return Conflict("project closed", "participation.error.closed");
    CheckedProject checked = Check(user, form);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    int64_t now = clock_.NowUnixSeconds();
    Project edited = std::move(checked.project);
    edited.id = p.id;
    edited.status = p.status;
    edited.status_reason = p.status_reason;
    edited.created_by = p.created_by;
    edited.created_at = p.created_at;
    edited.updated_at = now;
    WP_TRY_VOID(ProjectStore::SaveContent(c, edited));
    WP_TRY_VOID(ProjectStore::Append(c, p.id, {now, user.id, "", EntryKind::kEdited, "", "", ""}));
    return NotifyPlatforms(c, edited, user.id, now);
  });
}

Result<void> ProjectCommands::ChangeStatus(const auth::User& user, int64_t project_id, const StatusForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Project p, LoadForChange(c, user, project_id));
    CheckedStatus checked = CheckStatusForm(form, p.status);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    int64_t now = clock_.NowUnixSeconds();
    Entry e{now, user.id, "", EntryKind::kStatus, std::string(StatusName(p.status)),
            std::string(StatusName(checked.status)), checked.reason};
    p.status = checked.status;
    p.status_reason = p.status == Status::kCancelled ? checked.reason : "";
    p.updated_at = now;
    WP_TRY_VOID(ProjectStore::SaveStatus(c, p));
    return ProjectStore::Append(c, p.id, e);
  });
}

Result<void> ProjectCommands::NotifyPlatforms(db::Connection& c, const Project& p, int64_t actor_id,
                                              int64_t now) const {
  WP_ASSIGN_OR_RETURN(auto subscribed, ProjectStore::Subscribed(c));
  WP_ASSIGN_OR_RETURN(auto notified, ProjectStore::Notified(c, p.id));
  for (int64_t id : subscribed) {
    if (notified.count(id)) continue;
    WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(id));
    if (!platform || !platforms::IsActive(platform->status) || !Overlaps(p.districts, DistrictsOf(*platform))) {
      continue;
    }
    WP_TRY_VOID(MailPlatform(c, p, *platform, now));
    WP_TRY_VOID(ProjectStore::MarkNotified(c, p.id, id, now));
    WP_TRY_VOID(ProjectStore::Append(c, p.id, {now, actor_id, "", EntryKind::kNotified, "", "", platform->name}));
  }
  return Ok();
}

Result<void> ProjectCommands::MailPlatform(db::Connection& c, const Project& p, const platforms::Platform& platform,
                                           int64_t now) const {
  if (!IsPlausibleEmail(platform.contact_email)) return Ok();
  const std::string locale = "nl";  // the platform's contact address has no language of its own
  i18n::Args args = {
      {"platform", platform.name},
      {"title", p.title},
      {"summary", p.summary},
      {"districts", DistrictNames(p.districts, *municipality())},
      {"level", catalog_.Format(locale, "participation.level." + std::string(LevelName(p.level)))},
      {"url", settings_.base_url + "/participatie/" + std::to_string(p.id)},
      {"settings_url", settings_.base_url + "/wijkplatform/" + platform.slug + "/participatie"},
  };
  mail::OutgoingMail m;
  m.to = platform.contact_email;
  m.subject = settings_.site_name + ": " + catalog_.Format(locale, "participation.mail.subject", args);
  m.body_text = catalog_.Format(locale, "participation.mail.body", args) + "\n";
  WP_TRY_VOID(mail::Enqueue(c, m, now));
  return Ok();
}

template <typename Line>
Result<void> ProjectCommands::Name(db::Connection& c, std::vector<Line>& lines) const {
  std::vector<int64_t> ids;
  for (const auto& h : lines) ids.push_back(h.actor_id);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& h : lines) {
    auto it = people.find(h.actor_id);
    if (it != people.end()) h.actor_name = it->second.display_name;
  }
  return Ok();
}

Result<ProjectView> ProjectCommands::ProjectOf(int64_t project_id) const {
  ProjectView v;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, ProjectStore::Find(c, project_id));
    if (!found) return ProjectNotFound();
    v.project = std::move(*found);
    WP_ASSIGN_OR_RETURN(v.history, ProjectStore::History(c, project_id));
    return Name(c, v.history);
  }));
  WP_ASSIGN_OR_RETURN(auto active, directory_.Active());
  for (auto& p : active) {
    if (Overlaps(v.project.districts, DistrictsOf(p))) v.platforms.push_back(std::move(p));
  }
  return v;
}

Result<std::vector<Project>> ProjectCommands::All() const {
  return db_.Read([&](db::Connection& c) { return ProjectStore::All(c); });
}

Result<std::vector<Project>> ProjectCommands::InDistricts(const std::set<std::string>& districts) const {
  WP_ASSIGN_OR_RETURN(auto all, All());
  std::vector<Project> out;
  for (auto& p : all) {
    if (Overlaps(p.districts, districts)) out.push_back(std::move(p));
  }
  return out;
}

Result<Subscription> ProjectCommands::SubscriptionOf(int64_t platform_id) const {
  return db_.Read([&](db::Connection& c) -> Result<Subscription> {
    Subscription s;
    WP_ASSIGN_OR_RETURN(s.log, ProjectStore::SubscriptionLog(c, platform_id));
    WP_TRY_VOID(Name(c, s.log));
    s.subscribed = !s.log.empty() && s.log.back().subscribed;
    return s;
  });
}

Result<void> ProjectCommands::Subscribe(const auth::User& user, int64_t platform_id, bool on) {
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(platform_id));
  if (!platform) return NotFound("platform", "participation.platform.not_found");
  if (!CanSubscribe(user, platforms::PlatformScope(platform->id))) {
    return Forbidden("not in the kernteam", "participation.error.not_kernteam");
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto log, ProjectStore::SubscriptionLog(c, platform_id));
    bool now_on = !log.empty() && log.back().subscribed;
    if (now_on == on) return Ok();
    return ProjectStore::AppendSubscription(c, platform_id, {clock_.NowUnixSeconds(), user.id, "", on});
  });
}

}  // namespace wp::participation
