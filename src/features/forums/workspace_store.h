// WorkspaceStore: all SQL of the forum workspace (meetings, documents,
// agendas and their items). Functions take the caller's connection so
// commands control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/forums/workspace.h"

namespace wp::forums {

struct Meeting {
  int64_t id = 0;
  int64_t forum_id = 0;
  MeetingForm form;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Document {
  int64_t id = 0;
  int64_t forum_id = 0;
  std::string title, file_name, sha256;
  int64_t size_bytes = 0;
  int64_t uploaded_by = 0;
  int64_t uploaded_at = 0;
};

struct Agenda {
  int64_t id = 0;
  int64_t forum_id = 0;
  int year = 0;
  int64_t budget_cents = 0;
  std::optional<int64_t> published_at;
  std::vector<AgendaItem> items;  // in the order they were added
};

class WorkspaceStore {
 public:
  static Result<int64_t> InsertMeeting(db::Connection& c, const Meeting& m);
  // Newest first.
  static Result<std::vector<Meeting>> Meetings(db::Connection& c, int64_t forum_id);

  static Result<int64_t> InsertDocument(db::Connection& c, const Document& d);
  static Result<std::vector<Document>> Documents(db::Connection& c, int64_t forum_id);
  static Result<std::optional<Document>> FindDocument(db::Connection& c, int64_t forum_id, int64_t id);

  static Result<int64_t> InsertAgenda(db::Connection& c, const Agenda& a, int64_t by, int64_t at);
  // Agendas with their items, newest year first.
  static Result<std::vector<Agenda>> Agendas(db::Connection& c, int64_t forum_id);
  static Result<std::optional<Agenda>> FindAgenda(db::Connection& c, int64_t forum_id, int year);
  static Result<void> Publish(db::Connection& c, int64_t agenda_id, int64_t at);
  static Result<int64_t> InsertItem(db::Connection& c, int64_t agenda_id, const AgendaItem& i, int64_t at);
  static Result<void> Decide(db::Connection& c, int64_t item_id, ItemStatus status, const std::string& reason);
};

}  // namespace wp::forums
