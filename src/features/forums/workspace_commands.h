// WorkspaceCommands: the use cases of a forum's workspace. Organisers and
// current members add meetings and PDF documents, draw up the yearly
// neighbourhood agenda with its budget, decide on its items and publish it.
// Each change is one transaction with its line in the forum's history.
// Thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/files/blob_store.h"
#include "features/forums/commands.h"
#include "features/forums/workspace_store.h"

namespace wp::forums {

struct Workspace {
  std::vector<std::string> member_names;  // current members, in draw order
  std::vector<Meeting> meetings;
  std::vector<Document> documents;
  std::vector<Agenda> agendas;
};

class WorkspaceCommands {
 public:
  WorkspaceCommands(db::Database& db, ForumCommands& forums, const files::BlobStore& files)
      : db_(db), forums_(forums), files_(files) {}

  ForumCommands& forums() { return forums_; }
  Result<Workspace> Load(const Forum& forum);
  // True when `user` may change the workspace (workspace.h MayEditWorkspace).
  bool MayEdit(const auth::User& user, const Forum& forum);

  // Every command below: kForbidden (forums.error.forbidden) when `actor`
  // may not edit; FormInvalid with the rule's keys (workspace.h); nothing is
  // changed then.
  Result<int64_t> AddMeeting(const auth::User& actor, const Forum& forum, const MeetingForm& meeting);
  // A PDF (core/files CheckPdf) with a title. Errors also: FormInvalid on
  // "document" (files.error.*) and on "doc_title" (forums.error.document_title).
  Result<int64_t> AddDocument(const auth::User& actor, const Forum& forum, const std::string& title,
                              const std::string& file_name, std::string_view bytes);
  // The document and its bytes. Errors: kNotFound.
  Result<std::pair<Document, std::string>> DocumentFile(const Forum& forum, int64_t id);

  // Errors also: FormInvalid on "year" (forums.error.agenda_exists).
  Result<void> AddAgenda(const auth::User& actor, const Forum& forum, int year, std::optional<int64_t> budget_cents);
  // Errors also: kNotFound (no agenda of that year), kConflict
  // (forums.error.agenda_published: a published agenda does not change).
  Result<int64_t> AddItem(const auth::User& actor, const Forum& forum, int year, const AgendaItem& item,
                          bool amount_understood);
  Result<void> Decide(const auth::User& actor, const Forum& forum, int year, int64_t item_id, ItemStatus decision,
                      const std::string& reason);
  Result<void> Publish(const auth::User& actor, const Forum& forum, int year);
  // A published agenda. Errors: kNotFound (none, or not published).
  Result<Agenda> PublishedAgenda(const Forum& forum, int year);

  // The forums whose wijk overlaps a platform's area, each with the years of
  // its published agendas (newest first): the platform page's section.
  Result<std::vector<std::pair<Forum, std::vector<int>>>> ForumsOfArea(const std::set<std::string>& buurt_codes);

 private:
  Result<void> MayChange(const auth::User& actor, const Forum& forum);
  Result<Agenda> OpenAgenda(db::Connection& c, const Forum& forum, int year);

  db::Database& db_;
  ForumCommands& forums_;
  const files::BlobStore& files_;
};

}  // namespace wp::forums
