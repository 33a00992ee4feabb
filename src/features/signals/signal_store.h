// SignalStore: all SQL of the signals feature, as functions on the caller's
// connection so commands decide the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/signals/permissions.h"
#include "features/signals/signal.h"

namespace wp::signals {

struct Reporter {
  int64_t id = 0;
  int64_t signal_id = 0;           // the signal they follow (the surviving one after a merge)
  int64_t original_signal_id = 0;  // the signal they reported
  std::optional<int64_t> user_id;
  std::string email;  // empty: no updates
  std::string locale = "nl";
  bool verified = false;
  bool reacted = false;  // gave their satisfaction or reopened after closing
};

struct Event {
  int64_t id = 0;
  int64_t signal_id = 0;
  int64_t at = 0;
  std::string kind;  // status, note, message, assign, forward, merge, update, satisfaction, reopen_request, created
  std::optional<SignalStatus> status;
  std::string text;
  bool is_public = false;  // the reporter sees it (and Open311 clients, as status notes)
  std::optional<int64_t> actor_user_id;
  std::string actor_name;
};

struct PhotoRow {
  int64_t id = 0;
  int64_t signal_id = 0;
  std::string stored_name;
  int width = 0, height = 0;
};

struct ApiKey {
  int64_t id = 0;
  std::string name;
  std::string prefix;  // the first characters of the key, to recognise it
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at;
};

// Filters of the work queue; empty strings mean "any".
struct QueueFilter {
  std::vector<StaffScope> scopes;  // what the viewer may handle (none: nothing)
  std::string department, borough, category_slug;
  std::string status = "open";  // "open", "closed", "all" or a status name
  bool overdue_only = false;
  bool attention_only = false;
  std::optional<int64_t> assigned_user_id;
  int64_t now = 0;
};

// Filters of the export and of Open311's GET requests.
struct ListFilter {
  int64_t from = 0;          // created_at >= from
  int64_t to = 0;            // created_at < to
  std::vector<int64_t> ids;  // when set, only these (and no other filter)
  std::vector<std::string> category_slugs;
  std::optional<bool> open;  // true: open only; false: closed only
  int limit = 1000;
  int offset = 0;
};

// The far future: public_until of an open signal.
inline constexpr int64_t kForever = 4'102'444'800;  // 2100-01-01
// How long a closed signal stays on the public list and map.
inline constexpr int64_t kPublicAfterClosingSeconds = 30 * 24 * 3600;

class SignalStore {
 public:
  // Departments and categories.
  static Result<std::vector<Department>> Departments(db::Connection& c);
  static Result<void> SaveDepartment(db::Connection& c, const Department& d);
  static Result<std::vector<Category>> Categories(db::Connection& c);
  static Result<std::optional<Category>> FindCategory(db::Connection& c, int64_t id);
  // Errors: kConflict when the slug is taken.
  static Result<int64_t> InsertCategory(db::Connection& c, const Category& cat);
  static Result<void> UpdateCategory(db::Connection& c, const Category& cat);

  // Signals.
  static Result<int64_t> InsertSignal(db::Connection& c, const Signal& s);
  // The newest signal event id (0 without any): every report, status change
  // and merge writes an event, so counts made at one id are still right at it.
  static Result<int64_t> LatestEventId(db::Connection& c);
  // All signals ever reported (the /metrics number).
  static Result<int64_t> CountSignals(db::Connection& c);
  static Result<std::optional<Signal>> FindSignal(db::Connection& c, int64_t id);
  // Writes every field that can change after the report.
  static Result<void> UpdateSignal(db::Connection& c, const Signal& s);
  // Signals on the public list of a wijk at `now`, newest first.
  static Result<std::vector<Signal>> ListPublic(db::Connection& c, const std::string& district_code, int64_t now,
                                                int limit, int offset);
  // The same list for several wijken or buurten: `column` is
  // "district_code" or "neighbourhood_code". Counts: (on the list, open).
  static Result<std::pair<int64_t, int64_t>> CountPublicIn(db::Connection& c, const std::string& column,
                                                           const std::vector<std::string>& values, int64_t now);
  static Result<std::vector<Signal>> ListPublicIn(db::Connection& c, const std::string& column,
                                                  const std::vector<std::string>& values, int64_t now, int limit);
  static Result<int64_t> CountQueue(db::Connection& c, const QueueFilter& f);
  static Result<std::vector<Signal>> ListQueue(db::Connection& c, const QueueFilter& f, int limit, int offset);
  static Result<std::vector<Signal>> List(db::Connection& c, const ListFilter& f);
  // Open signals whose automatic update is due at `now`, oldest due first.
  static Result<std::vector<int64_t>> DueForUpdate(db::Connection& c, int64_t now, int limit);
  // (category_id, created_at) of the signals in `neighbourhoods` since `since`.
  static Result<std::vector<std::pair<int64_t, int64_t>>> CreatedInArea(db::Connection& c,
                                                                        const std::vector<std::string>& neighbourhoods,
                                                                        int64_t since);

  // Reporters.
  static Result<int64_t> InsertReporter(db::Connection& c, const Reporter& r, int64_t now);
  // A private link of a reporter: purpose "follow" or "verify".
  static Result<void> InsertLink(db::Connection& c, const std::string& token_hash, int64_t reporter_id,
                                 const std::string& purpose, int64_t now);
  static Result<std::optional<Reporter>> ReporterByLink(db::Connection& c, const std::string& token_hash,
                                                        const std::string& purpose);
  static Result<void> MarkVerified(db::Connection& c, int64_t reporter_id, int64_t now);
  static Result<void> MarkReacted(db::Connection& c, int64_t reporter_id, int64_t now);
  // Every reporter following `signal_id` (its own and those of merged duplicates).
  static Result<std::vector<Reporter>> ReportersOf(db::Connection& c, int64_t signal_id);
  // Moves the followers of `from` to `to` (a merge).
  static Result<void> MoveReporters(db::Connection& c, int64_t from, int64_t to);

  // History.
  static Result<int64_t> InsertEvent(db::Connection& c, const Event& e);
  static Result<std::vector<Event>> EventsOf(db::Connection& c, int64_t signal_id, bool with_internal);
  // The latest public event of a signal that has text, or nullopt.
  static Result<std::optional<Event>> LatestPublicText(db::Connection& c, int64_t signal_id);
  // People who acted on signals of `department` (for assignment), by name.
  static Result<std::vector<std::pair<int64_t, std::string>>> Handlers(db::Connection& c,
                                                                       const std::string& department);

  // Photos.
  static Result<int64_t> InsertPhoto(db::Connection& c, const PhotoRow& p, int64_t bytes, int64_t now);
  static Result<std::vector<PhotoRow>> PhotosOf(db::Connection& c, int64_t signal_id);
  static Result<std::optional<PhotoRow>> FindPhoto(db::Connection& c, int64_t id);

  // API keys.
  static Result<int64_t> InsertApiKey(db::Connection& c, const std::string& name, const std::string& key_hash,
                                      const std::string& prefix, int64_t now);
  static Result<std::vector<ApiKey>> ApiKeys(db::Connection& c);
  static Result<bool> RevokeApiKey(db::Connection& c, int64_t id, int64_t now);
  // The id of the unrevoked key with this hash.
  static Result<std::optional<int64_t>> ApiKeyByHash(db::Connection& c, const std::string& key_hash);

  // Rate limits and replay protection.
  static Result<int64_t> CountIntake(db::Connection& c, const std::string& key, int64_t since);
  static Result<void> RecordIntake(db::Connection& c, const std::string& key, int64_t now);
  static Result<void> PurgeIntake(db::Connection& c, int64_t before);
  // Errors: kConflict when the form was sent before.
  static Result<void> RecordFormUse(db::Connection& c, const std::string& nonce_hash, int64_t signal_id, int64_t now);
};

}  // namespace wp::signals
