#include "features/forums/workspace_commands.h"

#include "core/files/documents.h"
#include "core/strings.h"

namespace wp::forums {

namespace {

Result<void> Note(db::Connection& c, const Forum& f, int64_t actor, int64_t at, std::string event,
                  std::string detail) {
  return ForumStore::AppendHistory(c, f.id, {at, actor, std::move(event), std::move(detail)});
}

std::string Euros(int64_t cents) {
  return "EUR " + std::to_string(cents / 100) + (cents % 100 == 0 ? "" : "," + std::to_string(100 + cents % 100).substr(1));
}

}  // namespace

Result<Workspace> WorkspaceCommands::Load(const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto members, forums_.Members(forum));
  return db_.Read([&](db::Connection& c) -> Result<Workspace> {
    Workspace w;
    for (const auto& m : members) {
      if (!m.left_at && !m.name.empty()) w.member_names.push_back(m.name);
    }
    WP_ASSIGN_OR_RETURN(w.meetings, WorkspaceStore::Meetings(c, forum.id));
    WP_ASSIGN_OR_RETURN(w.documents, WorkspaceStore::Documents(c, forum.id));
    WP_ASSIGN_OR_RETURN(w.agendas, WorkspaceStore::Agendas(c, forum.id));
    return w;
  });
}

bool WorkspaceCommands::MayEdit(const auth::User& user, const Forum& forum) {
  if (user.id == 0) return false;
  auto members = forums_.Members(forum);
  std::vector<std::string> emails;
  if (members.has_value()) {
    for (const auto& m : *members) {
      if (!m.left_at) emails.push_back(m.email);
    }
  }
  return MayEditWorkspace(user, forum.borough, emails);
}

Result<void> WorkspaceCommands::MayChange(const auth::User& actor, const Forum& forum) {
  if (!MayEdit(actor, forum)) return Forbidden("not an organiser or member of this forum", "forums.error.forbidden");
  return Ok();
}

Result<int64_t> WorkspaceCommands::AddMeeting(const auth::User& actor, const Forum& forum, const MeetingForm& meeting) {
  WP_TRY_VOID(MayChange(actor, forum));
  WP_TRY_VOID(CheckMeeting(meeting));
  int64_t now = forums_.Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, WorkspaceStore::InsertMeeting(c, {0, forum.id, meeting, actor.id, now}));
    WP_TRY_VOID(Note(c, forum, actor.id, now, "meeting_added", meeting.place));
    return id;
  });
}

Result<int64_t> WorkspaceCommands::AddDocument(const auth::User& actor, const Forum& forum, const std::string& title,
                                               const std::string& file_name, std::string_view bytes) {
  WP_TRY_VOID(MayChange(actor, forum));
  std::vector<FieldError> errors;
  if (Trim(title).empty()) errors.push_back({"doc_title", "forums.error.document_title", {}});
  if (title.size() > 200) errors.push_back({"doc_title", "forums.error.too_long", {{"max", int64_t{200}}}});
  if (auto problem = files::CheckPdf(bytes)) {
    errors.push_back({"document", std::string(files::DocumentProblemKey(*problem)), {}});
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  // The bytes first: a stored blob without a row is harmless, a row without
  // its blob is not.
  WP_ASSIGN_OR_RETURN(files::StoredBlob blob, files_.Put(bytes));
  int64_t now = forums_.Now();
  Document d{0, forum.id, std::string(Trim(title)), CleanDocumentName(file_name), blob.sha256, blob.size, actor.id,
             now};
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, WorkspaceStore::InsertDocument(c, d));
    WP_TRY_VOID(Note(c, forum, actor.id, now, "document_added", d.title + " (sha256 " + d.sha256 + ")"));
    return id;
  });
}

Result<std::pair<Document, std::string>> WorkspaceCommands::DocumentFile(const Forum& forum, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto d, db_.Read([&](db::Connection& c) { return WorkspaceStore::FindDocument(c, forum.id, id); }));
  if (!d) return NotFound("no such document", "forums.error.document_not_found");
  WP_ASSIGN_OR_RETURN(std::string bytes, files_.Get(d->sha256));
  return std::make_pair(*d, std::move(bytes));
}

Result<void> WorkspaceCommands::AddAgenda(const auth::User& actor, const Forum& forum, int year,
                                          std::optional<int64_t> budget_cents) {
  WP_TRY_VOID(MayChange(actor, forum));
  WP_TRY_VOID(CheckAgenda(year, budget_cents));
  int64_t now = forums_.Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto existing, WorkspaceStore::FindAgenda(c, forum.id, year));
    if (existing) return FormInvalid({{"year", "forums.error.agenda_exists", {{"year", std::to_string(year)}}}});
    Agenda a;
    a.forum_id = forum.id;
    a.year = year;
    a.budget_cents = *budget_cents;
    WP_TRY_VOID(WorkspaceStore::InsertAgenda(c, a, actor.id, now));
    return Note(c, forum, actor.id, now, "agenda_created", std::to_string(year) + ": " + Euros(*budget_cents));
  });
}

Result<Agenda> WorkspaceCommands::OpenAgenda(db::Connection& c, const Forum& forum, int year) {
  WP_ASSIGN_OR_RETURN(auto a, WorkspaceStore::FindAgenda(c, forum.id, year));
  if (!a) return NotFound("no such agenda", "forums.error.agenda_not_found");
  if (a->published_at) return Conflict("agenda published", "forums.error.agenda_published");
  return *a;
}

Result<int64_t> WorkspaceCommands::AddItem(const auth::User& actor, const Forum& forum, int year,
                                           const AgendaItem& item, bool amount_understood) {
  WP_TRY_VOID(MayChange(actor, forum));
  WP_TRY_VOID(CheckItem(item, amount_understood));
  int64_t now = forums_.Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Agenda a, OpenAgenda(c, forum, year));
    AgendaItem fresh = item;
    fresh.title = std::string(Trim(item.title));
    fresh.status = ItemStatus::kProposed;
    fresh.reason.clear();
    WP_ASSIGN_OR_RETURN(int64_t id, WorkspaceStore::InsertItem(c, a.id, fresh, now));
    WP_TRY_VOID(Note(c, forum, actor.id, now, "item_added", fresh.title + ": " + Euros(fresh.amount_cents)));
    return id;
  });
}

Result<void> WorkspaceCommands::Decide(const auth::User& actor, const Forum& forum, int year, int64_t item_id,
                                       ItemStatus decision, const std::string& reason) {
  WP_TRY_VOID(MayChange(actor, forum));
  int64_t now = forums_.Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Agenda a, OpenAgenda(c, forum, year));
    WP_TRY_VOID(CheckDecision(a.items, a.budget_cents, item_id, decision, reason));
    std::string trimmed(Trim(reason));
    WP_TRY_VOID(WorkspaceStore::Decide(c, item_id, decision, trimmed));
    std::string title;
    for (const auto& i : a.items) {
      if (i.id == item_id) title = i.title;
    }
    return Note(c, forum, actor.id, now, "item_" + std::string(ItemStatusName(decision)), title + ": " + trimmed);
  });
}

Result<void> WorkspaceCommands::Publish(const auth::User& actor, const Forum& forum, int year) {
  WP_TRY_VOID(MayChange(actor, forum));
  int64_t now = forums_.Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Agenda a, OpenAgenda(c, forum, year));
    if (a.items.empty()) return FormInvalid({{"publish", "forums.error.agenda_empty", {}}});
    WP_TRY_VOID(WorkspaceStore::Publish(c, a.id, now));
    return Note(c, forum, actor.id, now, "agenda_published",
                std::to_string(year) + ": " + Euros(AdoptedTotal(a.items)) + " / " + Euros(a.budget_cents));
  });
}

Result<Agenda> WorkspaceCommands::PublishedAgenda(const Forum& forum, int year) {
  WP_ASSIGN_OR_RETURN(auto a, db_.Read([&](db::Connection& c) { return WorkspaceStore::FindAgenda(c, forum.id, year); }));
  if (!a || !a->published_at) return NotFound("no published agenda", "forums.error.agenda_not_found");
  return *a;
}

Result<std::vector<std::pair<Forum, std::vector<int>>>> WorkspaceCommands::ForumsOfArea(
    const std::set<std::string>& buurt_codes) {
  WP_ASSIGN_OR_RETURN(auto forums, forums_.Forums());
  std::vector<std::pair<Forum, std::vector<int>>> out;
  for (const auto& f : forums) {
    if (!ForumInArea(f.setup.district_code, buurt_codes)) continue;
    WP_ASSIGN_OR_RETURN(auto agendas, db_.Read([&](db::Connection& c) { return WorkspaceStore::Agendas(c, f.id); }));
    std::vector<int> years;
    for (const auto& a : agendas) {
      if (a.published_at) years.push_back(a.year);
    }
    out.emplace_back(f, std::move(years));
  }
  return out;
}

}  // namespace wp::forums
