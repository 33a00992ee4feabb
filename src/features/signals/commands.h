// Signal use cases: report (with photos, rate limits and replay protection),
// verify the reporter's e-mail, follow a signal with the private link,
// satisfaction and reopening; staff handling (status, notes, messages,
// assignment, merging, forwarding); the automatic updates; categories and
// departments; Open311 API keys. Each command is one transaction with the
// e-mail it causes queued inside it. Expected failures carry an i18n key.
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/tokens.h"
#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/image/photo.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/signals/permissions.h"
#include "features/signals/public_counts.h"
#include "features/signals/signal.h"
#include "features/signals/signal_store.h"

namespace wp::signals {

// How often one source may post: at most `max` accepted reports per `window_seconds`.
struct IntakeLimit {
  int max = 10;
  int64_t window_seconds = 3600;
};

struct SignalsSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for links in e-mails
  std::string site_name = "Wijkplatform";
  std::string jurisdiction_id = "haarlem.nl";  // Open311: the only jurisdiction served
  std::string upload_dir = "data/uploads";     // photos go to <upload_dir>/signals/
  IntakeLimit per_client{10, 3600};            // per client address (web and Open311 alike)
  IntakeLimit per_email{5, 3600};              // per reporter e-mail address
  IntakeLimit per_api_key{600, 3600};          // per Open311 API key
  int max_photos = 3;
  image::PhotoLimits photo_limits;
};

// Who posts a report.
struct Intake {
  std::string client_address;         // for the rate limit
  std::optional<auth::User> user;     // signed in, or not
  std::optional<int64_t> api_key_id;  // Open311
  std::string source = "web";         // "web" or "open311"
};

// What the reporter gets back: the number and the private follow-up link.
struct Receipt {
  int64_t signal_id = 0;
  std::string number;        // "M-1042"
  std::string follow_token;  // raw; the link is /meldingen/volg/<token>
  bool verification_sent = false;
};

// A signal as its reporter sees it through the follow-up link.
struct FollowView {
  Signal signal;                   // the signal followed (after a merge: the surviving one)
  int64_t original_signal_id = 0;  // the one this reporter reported
  std::vector<Event> events;       // public history
  std::vector<PhotoRow> photos;
  std::string email;  // where updates go (empty: none)
  bool email_verified = false;
  bool can_react = false;  // satisfaction and reopening still possible
  int64_t react_until = 0;
};

// A signal with what staff see.
struct StaffView {
  Signal signal;
  std::vector<Event> events;  // everything, notes included
  std::vector<PhotoRow> photos;
  std::vector<StoredAnswer> answers;  // to the extra questions of its category
  int reporters = 0;                  // following it
  int verified_reporters = 0;
  // People to assign it to: the staff whose grant covers it (with
  // UseRoles) and whoever acted on the department's signals, by name.
  std::vector<std::pair<int64_t, std::string>> handlers;
};

struct QueuePage {
  std::vector<Signal> signals;
  int64_t total = 0;
};

struct PublicPage {
  std::vector<Signal> signals;
  int64_t total = 0;
  int64_t page = 1;                 // the page shown: the one asked for, at most the last
  std::vector<Category> categories;  // every category, for the labels (read in the same transaction)
};

// The public list of several wijken or buurten (AreaSignals).
struct AreaList {
  std::vector<Signal> latest;  // newest first
  int64_t total = 0, open = 0;
  std::vector<Category> categories;  // every category, for the labels (read in the same transaction)
};

// A status change by staff. `planned_day` is the local date of the work
// ("2026-12-02") for scheduled.
struct StatusChange {
  SignalStatus to = SignalStatus::kInProgress;
  std::string text;  // to the reporter; required when NeedsReporterText(to)
  std::string planned_day;
};

// Counts of reports per category per month (trends).
struct TrendRow {
  int64_t category_id = 0;         // a main category (sub-categories are counted with their parent)
  std::vector<int64_t> per_month;  // oldest month first
};
struct Trends {
  std::vector<std::string> months;  // "2026-01", oldest first
  std::vector<TrendRow> rows;
};

// The i18n keys of one kind of mail to reporters.
struct MailKeys {
  std::string subject, body;
};

class SignalCommands {
 public:
  SignalCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                 const i18n::Catalog& catalog, const geography::GeographyService& geography, SignalsSettings settings);

  // Categories and departments.
  Result<std::vector<Category>> Categories();
  Result<std::vector<Department>> Departments();
  // Creates (id 0) or changes a category. Errors: kForbidden; kInvalidInput
  // with fields (CheckCategory, an unknown department or parent, a parent
  // that is itself a sub-category or the category itself); kInvalidInput with
  // field "slug" "signals.error.slug_taken".
  Result<int64_t> SaveCategory(const auth::User& actor, Category category);
  // Errors: kForbidden; kInvalidInput with fields "slug" or "name".
  Result<void> SaveDepartment(const auth::User& actor, const Department& department);

  // Extra questions of categories (questions.h). The active questions of the
  // reportable category `slug`, in order; none for an unknown slug.
  Result<std::vector<Question>> QuestionsFor(std::string_view slug);
  // Every question of a category, inactive ones too (admin pages).
  Result<std::vector<Question>> QuestionsOf(int64_t category_id);
  // Every question of every category (Open311 lists the active ones).
  Result<std::vector<Question>> AllQuestions();
  // Creates (id 0) or changes a question of a category; a new question goes
  // last. Errors: kForbidden; kNotFound for an unknown category or question;
  // kInvalidInput with fields (CheckQuestion; "code" "signals.question.code_taken";
  // "form" "signals.question.too_many" beyond kMaxQuestionsPerCategory).
  Result<int64_t> SaveQuestion(const auth::User& actor, Question question);
  // The answers stored with a signal, in question order.
  Result<std::vector<StoredAnswer>> AnswersOf(int64_t signal_id);

  // Stores a report with its photos (each re-encoded without metadata) and
  // queues the e-mail that asks to verify the address. Errors: kInvalidInput
  // with fields (CheckReportFields; "category" kUnknownCategory;
  // "location" kOutsideMunicipality / kUnknownNeighbourhood; "q_<code>" or
  // "attributes" for the answers (CheckAnswers); "photos" with a
  // photo problem or "signals.error.too_many_photos"; "form"
  // "signals.report.replayed" for a form sent before); kRateLimited with field
  // "form" "signals.report.rate_limited"; kForbidden for reporting for a
  // platform one is not in the kernteam of. Nothing is stored on any error.
  Result<Receipt> Report(const ReportInput& input, const std::vector<std::string>& photos, const Intake& intake);

  // The follow-up page. Errors: kNotFound "signals.follow.unknown".
  Result<FollowView> Follow(const std::string& token);
  // Verifies the reporter's address. Errors: kNotFound "signals.verify.unknown".
  // Returns the follow token's signal number.
  Result<std::string> VerifyEmail(const std::string& token);
  // Errors: kNotFound; kConflict "signals.react.too_late" or
  // "signals.react.already"; kInvalidInput with field "text" (too long).
  Result<void> GiveSatisfaction(const std::string& token, bool satisfied, const std::string& text);
  // Errors: kNotFound; kConflict "signals.react.too_late"; kInvalidInput with
  // field "reason" (missing or too long).
  Result<void> ReopenByReporter(const std::string& token, const std::string& reason);

  // Staff. Each: kNotFound for an unknown signal; kForbidden unless
  // CanHandle; kInvalidInput with fields for bad input.
  // Errors also: kInvalidInput with field "status" FlowProblemKey(...); field
  // "text" when the reporter must be told why; field "planned_day".
  Result<void> ChangeStatus(const auth::User& actor, int64_t id, const StatusChange& change);
  Result<void> AddNote(const auth::User& actor, int64_t id, const std::string& text);
  Result<void> MessageReporter(const auth::User& actor, int64_t id, const std::string& text);
  // Assigns to `user_id` (named `name`); nullopt takes the assignment away.
  Result<void> Assign(const auth::User& actor, int64_t id, std::optional<int64_t> user_id, const std::string& name);
  // Merges `duplicate_id` into `into_id`: the duplicate is closed as merged and
  // its reporters follow the other signal. Errors also: field "into"
  // "signals.merge.unknown" / "signals.merge.same" / "signals.merge.closed".
  Result<void> Merge(const auth::User& actor, int64_t duplicate_id, int64_t into_id);
  // Forwards to another department (the signal stays open there) or to an
  // outside party (status forwarded; the reporter is told who and why).
  // Errors also: field "department" "signals.forward.unknown" / "signals.forward.same";
  // field "reason" missing or too long.
  Result<void> Forward(const auth::User& actor, int64_t id, const std::string& department, const std::string& reason);

  // The periodic task: every open signal whose update is due gets the
  // "still working on it, expected by ..." message and is flagged for its
  // handler. Each signal in its own transaction, checked again inside it, so
  // two runs never send one update twice. Returns how many were sent.
  Result<int> SendDueUpdates(int max = 200);
  // Drops rate-limit records older than a day.
  Result<void> PurgeIntakeLog();

  // Queries.
  Result<PublicPage> PublicList(const std::string& district_code, int64_t page, int per_page);
  // The public list of the wijken (`column` "district_code") or buurten
  // ("neighbourhood_code") `codes`: counts and the newest `limit`.
  Result<AreaList> PublicInArea(const std::string& column, const std::vector<std::string>& codes, int limit);
  // A signal for the public pages; merged ones give their target's id in merged_into.
  Result<std::optional<Signal>> PublicSignal(int64_t id);
  Result<std::vector<Event>> PublicEvents(int64_t id);
  Result<std::vector<PhotoRow>> Photos(int64_t signal_id);
  Result<std::optional<PhotoRow>> FindPhoto(int64_t photo_id);
  // The photo file's bytes (JPEG).
  Result<std::string> PhotoBytes(const PhotoRow& photo);
  Result<QueuePage> Queue(const auth::User& actor, QueueFilter filter, int page, int per_page);
  // Errors: kNotFound; kForbidden.
  Result<StaffView> ForStaff(const auth::User& actor, int64_t id);
  Result<std::vector<Signal>> List(const ListFilter& filter);
  // Every signal reported in [from, to), oldest first, read in one
  // transaction (the export).
  Result<std::vector<Signal>> Export(int64_t from, int64_t to);
  // Reports in `neighbourhoods` per main category per month, the last
  // `months` months including this one (local months).
  Result<Trends> TrendsFor(const std::vector<std::string>& neighbourhoods, int months);
  // The latest public text of a signal (Open311 status_notes).
  Result<std::string> StatusNotes(int64_t id);

  // Open311 API keys (command line). The raw key is returned once.
  Result<std::pair<int64_t, std::string>> CreateApiKey(const std::string& name);
  Result<std::vector<ApiKey>> ApiKeys();
  Result<bool> RevokeApiKey(int64_t id);
  // The id of a valid (unrevoked) key, or nullopt.
  Result<std::optional<int64_t>> CheckApiKey(const std::string& raw_key);

  // Where the staff who may handle a signal are found (the assignee list);
  // without it the list has only those who acted on the department's signals.
  void UseRoles(const accounts::Roles* roles) { roles_ = roles; }

  // A fresh nonce for one report form (a second post of it is refused).
  std::string NewFormNonce() { return auth::NewToken(random_); }

  // The clock's time now (unix seconds), for overdue marks on pages.
  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const time::TimeZone& zone() const { return zone_; }
  const SignalsSettings& settings() const { return settings_; }
  const i18n::Catalog& catalog() const { return catalog_; }
  const geography::GeographyService& geography() const { return geography_; }

 private:
  struct Located {
    std::string neighbourhood_code, district_code, borough_slug;
  };
  Result<Located> Locate(const Location& loc) const;
  // The answers of a report checked against the category's active questions;
  // problems are added to `errors`.
  Result<std::vector<StoredAnswer>> CheckReportAnswers(int64_t category_id, const Answers& answers,
                                                       std::vector<FieldError>& errors);
  // The reporter of a follow link and the signal they follow, when they may
  // still react. Errors: kNotFound; kConflict "signals.react.already".
  Result<std::pair<Reporter, std::optional<Signal>>> ReactingReporter(db::Connection& c,
                                                                      const std::string& token) const;
  Result<Signal> LoadForStaff(db::Connection& c, const auth::User& actor, int64_t id) const;
  // Arguments shown as the local day that ends (exclusive) at a moment.
  using DayEnds = std::vector<std::pair<std::string, int64_t>>;
  // Queues the mail to every verified reporter following `s`.
  Result<void> MailReporters(db::Connection& c, const Signal& s, const MailKeys& keys, i18n::Args args, int64_t now,
                             const DayEnds& day_ends = {}) const;
  // Records that the reporter was told something now: the next automatic update moves on.
  void ToldReporter(db::Connection& c, Signal& s, int64_t now) const;
  Result<int> UpdateIntervalOf(db::Connection& c, int64_t category_id) const;
  Result<bool> SendUpdateIfDue(int64_t id);
  std::string FollowLink(const std::string& token) const;
  std::string CategoryName(db::Connection& c, int64_t category_id, const std::string& locale) const;
  // The counts of the public list of `codes` (wijken or buurten, `column` as
  // in PublicInArea), kept in public_counts_ until the next signal event.
  Result<PublicCounts> KeptCounts(db::Connection& c, const std::string& column, const std::vector<std::string>& codes,
                                  int64_t now) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const time::TimeZone& zone_;
  const i18n::Catalog& catalog_;
  const geography::GeographyService& geography_;
  SignalsSettings settings_;
  const accounts::Roles* roles_ = nullptr;
  // The counts above the public lists (public_counts.h).
  mutable PublicCountCache public_counts_;
};

}  // namespace wp::signals
