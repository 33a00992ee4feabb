// Initiative desk use cases: the initiator saves a draft and submits it (with
// or without an account), follows it with a private link, withdraws it,
// ticks off their own conditions and posts progress; the desk assigns a
// contact person (and reassigns, keeping the history); the contact runs the
// six-week check with department input tasks and answers "ja", "ja, mits" or
// "nee, want"; reminders before the answer is due. Each command is one
// transaction with the e-mail it causes queued inside it. Expected failures
// carry an i18n key; bad input is kInvalidInput with fields and changes
// nothing. Thread-safe.
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
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "core/time/working_days.h"
#include "features/accounts/roles.h"
#include "features/budgets/edition_directory.h"
#include "features/geography/service.h"
#include "features/initiatives/check_clock.h"
#include "features/initiatives/initiative.h"
#include "features/initiatives/initiative_store.h"
#include "features/initiatives/permissions.h"
#include "features/initiatives/start_subsidy.h"
#include "features/platforms/directory.h"

namespace wp::initiatives {

struct InitiativesSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for links in e-mails
  std::string site_name = "Wijkplatform";
  std::vector<time::LocalDateTime> closed_days;  // extra days the municipality is closed
  SubsidyLimits subsidy_limits;                  // start subsidy: per initiative and per year (0: no start subsidy)
};

// Who acts as the initiator: the private link, or the signed-in account
// that submitted the initiative (with its id).
struct InitiatorKey {
  std::string token;
  std::optional<auth::User> user;
  int64_t id = 0;
};

// An uploaded file as the form sends it (name and bytes; the type is found from the bytes).
struct Upload {
  std::string filename;
  std::string data;
};

// A photo or attachment with its bytes, to serve.
struct FileToServe {
  InitiativeFile file;
  std::string data;
};

// A Wijk aan Zet plan that was not chosen and goes on as this initiative.
struct PlanOrigin {
  int64_t plan_id = 0;
  std::string path;  // the plan's public page
};

// What the form sends.
struct NewInitiative {
  Compass compass;
  std::string email;  // required without an account
  std::string locale = "nl";
  bool submit = false;  // false: save as a draft
  std::optional<PlanOrigin> from_plan;
};

struct Created {
  int64_t id = 0;
  std::string follow_token;  // raw; the page is /initiatieven/volg/<token>
  bool submitted = false;
  bool mail_sent = false;
};

// The clock of a check as people see it.
struct ClockView {
  bool running = false;
  int64_t contact_due_at = 0, answer_due_at = 0;
  int days_left = 0;     // working days until the answer is due
  int days_overdue = 0;  // working days past it
  Escalation escalation = Escalation::kNone;
};

// The year budget of start subsidies: what was granted this calendar year.
struct SubsidyYear {
  int year = 0;
  Money committed, budget;
};

// An initiative with everything its initiator sees.
struct InitiatorView {
  Initiative initiative;
  std::vector<HistoryEntry> history;  // everything the initiator may see (internal notes excluded)
  std::vector<Condition> conditions;
  int open_tasks = 0;
  ClockView clock;
  std::string platform_name;
  std::vector<StartSubsidy> subsidies;  // start subsidies, oldest first
  std::vector<InitiativeFile> files;    // photos and attachments
  bool may_apply = false;               // a new start subsidy may be asked now
  Money subsidy_left;                   // what the per-initiative limit leaves
};

// An initiative as the municipality sees it.
struct CaseView {
  Initiative initiative;
  Relation relation;
  std::vector<HistoryEntry> history;
  std::vector<Condition> conditions;
  std::vector<DepartmentTask> tasks;
  ClockView clock;
  std::vector<accounts::Person> contacts;  // desk staff who may become the contact
  std::vector<StartSubsidy> subsidies;     // start subsidies, oldest first
  SubsidyYear subsidy_year;                // this year's budget for the grant form
  std::string plan_path;                   // the Wijk aan Zet plan it came from, or empty
  std::vector<InitiativeFile> files;       // photos and attachments
};

// A start subsidy that waits for the municipality, with its initiative.
struct SubsidyToHandle {
  StartSubsidy subsidy;
  Initiative initiative;
};

struct DeskList {
  std::vector<Initiative> open;       // in the viewer's stadsdelen
  std::vector<DepartmentTask> tasks;  // open tasks of the viewer's departments
  std::vector<SubsidyToHandle> subsidies;  // applications to decide, grants to pay, accounts to settle
  SubsidyYear subsidy_year;
};

// A start subsidy application as the form sends it: the budget as
// "description; amount" lines (platforms::ParseBudgetLines).
struct SubsidyRequest {
  std::string purpose;
  std::string budget;
};

// The municipality's decision on an application.
struct SubsidyDecision {
  bool grant = false;
  std::string amount;  // granted amount as typed ("450,00"); ignored for a refusal
  std::string reason;
};

// The public page of an initiative: only what its initiator allowed.
struct PublicView {
  Initiative initiative;
  std::vector<HistoryEntry> updates;  // public history lines
  std::vector<Condition> conditions;
  std::string platform_name, platform_slug;
  std::vector<InitiativeFile> photos;  // photos only: attachments stay with the initiator and the municipality
};

class InitiativeCommands {
 public:
  InitiativeCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                     const i18n::Catalog& catalog, const geography::GeographyService& geography,
                     const platforms::PlatformDirectory& platforms, const accounts::Roles& roles,
                     InitiativesSettings settings, const budgets::EditionDirectory* editions = nullptr);

  // --- the initiator
  // Saves a new initiative as a draft, or submits it at once, and mails the
  // private link. Errors: kInvalidInput with fields (CheckDraft or
  // CheckSubmission; "neighbourhood" kUnknownNeighbourhood; "email" kMissing
  // or kBadEmail without an account). Nothing is stored on any error.
  Result<Created> Create(const NewInitiative& in, const std::optional<auth::User>& user);
  // The initiator's page. Opening a link from an e-mail confirms the address.
  // Errors: kNotFound "initiatives.follow.unknown".
  Result<InitiatorView> ForInitiator(const InitiatorKey& key);
  // Changes the draft and, when `submit`, submits it. Errors: kNotFound;
  // kConflict "initiatives.draft.not_draft"; kInvalidInput with fields.
  Result<void> SaveDraft(const InitiatorKey& key, const Compass& compass, bool submit);
  // Errors: kNotFound; kInvalidInput with field "status" FlowProblemKey.
  Result<void> Withdraw(const InitiatorKey& key);
  // In progress (after ja / ja, mits) or done. Errors as Withdraw.
  Result<void> MarkProgress(const InitiatorKey& key, InitiativeStatus to);
  // A public progress update. Errors: kNotFound; kConflict
  // "initiatives.update.not_now" before the answer or once closed;
  // kInvalidInput with field "text".
  Result<void> PostUpdate(const InitiatorKey& key, const std::string& text);
  // Errors: kNotFound; kForbidden (CanChangeCondition); kInvalidInput with field "status".
  Result<void> SetConditionByInitiator(const InitiatorKey& key, int64_t condition_id, ConditionStatus to);
  // The initiatives of a signed-in account.
  Result<std::vector<Initiative>> OfUser(const auth::User& user);
  // A Wijk aan Zet plan that was not chosen goes on as a draft initiative of
  // its submitter, with its title, text, buurt and the submitter's name;
  // returns the initiative's id (the same one when the plan went on before).
  // Errors: kNotFound for an unknown plan; kForbidden unless `user`
  // submitted it; kConflict "initiatives.from_plan.not_now" while the plan
  // is still in the running (budgets::MayGoToInitiativeDesk).
  Result<int64_t> FromPlan(const auth::User& user, int64_t plan_id);
  // The public page of the plan an initiative came from, or empty.
  Result<std::string> PlanPathOf(int64_t initiative_id);

  // --- photos and attachments (files_commands.cc). The initiator adds files
  // while the initiative is not closed: photos (JPEG, PNG, WebP) are stored
  // re-encoded without metadata, documents must be PDFs of at most
  // kMaxDocumentBytes; at most kMaxPhotos and kMaxDocuments. Errors:
  // kInvalidInput with field "files" (kMissing when no file came, the
  // web.photo.* keys, kNotAFile, kDocumentTooLarge, kTooManyPhotos,
  // kTooManyDocuments); kConflict "initiatives.files.closed". All or nothing.
  Result<void> AddFiles(const InitiatorKey& key, const std::vector<Upload>& uploads);
  // Errors: kNotFound for a file of another initiative; kConflict "initiatives.files.closed".
  Result<void> RemoveFile(const InitiatorKey& key, int64_t file_id);
  // A file to serve to the initiator (any of theirs), to staff who may see
  // the case, or to anyone (a photo of a public initiative). kNotFound otherwise.
  Result<FileToServe> FileForInitiator(const InitiatorKey& key, int64_t file_id);
  Result<FileToServe> FileForStaff(const auth::User& actor, int64_t id, int64_t file_id);
  Result<FileToServe> PublicPhoto(int64_t id, int64_t file_id);

  // --- the start subsidy (start_subsidy.h). The initiator applies (while
  // MayApply; errors: kInvalidInput with fields "purpose", "budget" and
  // "status"), withdraws an application and reports an account ("spending",
  // "account"). kNotFound for a subsidy of another initiative; field
  // "status" for a step the subsidy's state does not allow.
  Result<int64_t> ApplyForSubsidy(const InitiatorKey& key, const SubsidyRequest& in);
  Result<void> WithdrawSubsidy(const InitiatorKey& key, int64_t subsidy_id);
  Result<void> ReportSubsidy(const InitiatorKey& key, int64_t subsidy_id, const std::string& spending,
                             const std::string& account);

  // --- the desk, the contact person and departments. Each: kNotFound for an
  // unknown initiative; kForbidden without the right (permissions.h).
  Result<DeskList> Desk(const auth::User& actor);
  Result<CaseView> Case(const auth::User& actor, int64_t id);
  // Assigns (or changes) the contact person: desk staff of the initiative's
  // stadsdeel. Errors also: field "contact" kUnknownChoice; field "status"
  // when the initiative is closed or a draft.
  Result<void> AssignContact(const auth::User& actor, int64_t id, int64_t contact_user_id);
  Result<void> StartCheck(const auth::User& actor, int64_t id);
  // Asks a department for input by `due_day` ("2026-03-20"). Starts the
  // check when it had not. Errors also: "department" kUnknownDepartment;
  // "question" kMissing/kTooLong; "due_day" kBadDate or kTaskDeadline.
  Result<void> AddTask(const auth::User& actor, int64_t id, const std::string& department, const std::string& question,
                       const std::string& due_day);
  // Errors also: kNotFound for an unknown task; kConflict
  // "initiatives.task.answered"; field "answer".
  Result<void> AnswerTask(const auth::User& actor, int64_t task_id, const std::string& answer);
  // The answer of the check; mails the initiator. Errors also: fields of CheckAnswer; field "status".
  Result<void> GiveAnswer(const auth::User& actor, int64_t id, const AnswerInput& answer);
  // Errors also: kNotFound for a condition of another initiative.
  Result<void> SetCondition(const auth::User& actor, int64_t id, int64_t condition_id, ConditionStatus to);
  // The start subsidy, by the contact person or the desk; each mails the
  // initiator. Errors also: kNotFound for a subsidy of another initiative;
  // the fields of CheckGrant / CheckRefusal / CheckPayment / CheckSettlement;
  // field "status" for a step the subsidy's state does not allow.
  Result<void> DecideSubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id, const SubsidyDecision& d);
  Result<void> PaySubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id, const std::string& reference);
  Result<void> SettleSubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id, const std::string& amount,
                             const std::string& reason);

  // --- public
  // Errors: kNotFound unless public and submitted (not withdrawn).
  Result<PublicView> Public(int64_t id);
  Result<std::vector<Initiative>> PublicIn(const std::string& district_code);
  Result<std::vector<DistrictCount>> PublicPerDistrict();

  // The periodic task: once per check, a reminder to the contact person
  // when at most kReminderWorkingDays working days are left (checks without
  // a contact are on the desk's escalation list instead). Each initiative in
  // its own transaction, checked again inside it. Returns how many were sent.
  Result<int> SendReminders(int max = 200);

  ClockView ClockOf(const Initiative& i) const;
  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const time::TimeZone& zone() const { return zone_; }
  const geography::GeographyService& geography() const { return geography_; }
  const InitiativesSettings& settings() const { return settings_; }
  const budgets::EditionDirectory* editions() const { return editions_; }

 private:
  // Where a compass puts an initiative: its wijk and stadsdeel, and the
  // wijkplatform that follows it when the initiator allowed that. An unknown
  // buurt adds a field error to `errors`.
  struct Placed {
    std::string district_code, borough_slug;
    std::optional<int64_t> platform_id;
  };
  Result<Placed> Place(const Compass& compass, std::vector<FieldError>& errors) const;
  // The initiative a key opens, and whether it came by a mail link.
  Result<Initiative> LoadForInitiator(db::Connection& c, const InitiatorKey& key, bool* by_mail_link) const;
  Result<Initiative> LoadForStaff(db::Connection& c, const auth::User& actor, int64_t id, Relation* relation) const;
  // Moves `i` to `to` as `actor`, with a history line. Errors: field "status".
  Result<void> Move(db::Connection& c, Initiative& i, InitiativeStatus to, Actor actor, const auth::User* who,
                    int64_t now) const;
  Result<void> AddHistory(db::Connection& c, const Initiative& i, int64_t now, const std::string& kind,
                          const std::string& text, bool is_public, const auth::User* who) const;
  // Queues a mail to the initiator (when the address is confirmed, or
  // `always`) with a fresh private link as {link}.
  Result<bool> MailInitiator(db::Connection& c, const Initiative& i, const std::string& key, i18n::Args args,
                             int64_t now, bool always = false) const;
  Result<bool> RemindIfDue(int64_t id);
  // The subsidy `subsidy_id` of initiative `initiative_id`, moved by `step`
  // (field "status" when the state does not allow it).
  Result<StartSubsidy> SubsidyForStep(db::Connection& c, int64_t initiative_id, int64_t subsidy_id,
                                      GrantStep step) const;
  Result<SubsidyYear> SubsidyYearAt(db::Connection& c, int64_t now) const;
  // Runs `change` on the subsidy as staff (CanRunCheck), saves it, writes a
  // history line and mails the initiator with key "subsidy_<status>".
  Result<void> StaffSubsidyStep(const auth::User& actor, int64_t id, int64_t subsidy_id, GrantStep step,
                                const std::function<Result<void>(db::Connection&, StartSubsidy&)>& change);

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const time::TimeZone& zone_;
  const i18n::Catalog& catalog_;
  const geography::GeographyService& geography_;
  const platforms::PlatformDirectory& platforms_;
  const accounts::Roles& roles_;
  InitiativesSettings settings_;
  const budgets::EditionDirectory* editions_;
  time::WorkingDays working_days_;
};

}  // namespace wp::initiatives
