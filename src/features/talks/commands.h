// TalkCommands: the use cases of the rounds of talks: an official plans a
// round for a stadsdeel or the whole city (one meeting per recognised
// platform), gives each meeting a date and a place (the kernteam is mailed),
// moves or cancels it with a reason, writes the minutes and the agreements
// and records it as held: the agreements then become promises in the
// promises log, in the same transaction. The kernteam and the officials
// propose agenda items until proposing closes. Each change runs in one
// transaction with its history line and its e-mails (outbox). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/search/index.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/platforms/directory.h"
#include "features/promises/commands.h"
#include "features/talks/permissions.h"
#include "features/talks/talk.h"

namespace wp::talks {

struct TalksSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails
  std::string site_name = "Wijkplatform Haarlem";  // e-mail subjects
  RoundRules rules;                                // the windows and when proposing closes
};

// A meeting with what its page shows to one viewer.
struct MeetingView {
  Meeting meeting;
  Round round;
  platforms::Platform platform;
  std::vector<AgendaItem> agenda;     // with proposer names
  std::vector<Agreement> agreements;  // empty when the viewer may not read them yet
  std::vector<Entry> history;         // with actor names
  bool reads_drafts = false;          // the viewer reads the draft minutes and agreements
  bool plans = false;                 // the viewer plans and records this meeting
  bool proposes = false;              // the viewer may propose an agenda item now
};

struct RoundMeeting {
  Meeting meeting;
  platforms::Platform platform;
};
struct RoundView {
  Round round;
  std::vector<RoundMeeting> meetings;
};

struct PlannedRound {
  int64_t round_id = 0;
  int meetings = 0;  // new meetings
};

class TalkCommands {
 public:
  TalkCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
               const platforms::PlatformDirectory& directory, const accounts::Roles& roles, const time::TimeZone& zone,
               const promises::PromiseCommands& promises, TalksSettings settings, const search::Index* index = nullptr);

  const time::TimeZone& zone() const { return zone_; }
  const RoundRules& rules() const { return settings_.rules; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // Plans a round: a meeting "to plan" for every recognised platform in the
  // stadsdeel (form.borough; "" the whole city) that has none in that half
  // year. Errors: kForbidden (talks.error.forbidden), kInvalidInput with the
  // fields (CheckRoundForm; "half": talks.error.nothing_new when every
  // platform has a meeting already).
  Result<PlannedRound> PlanRound(const auth::User& user, const RoundForm& form);
  // Sets the date and place: a meeting to plan becomes planned, a new date
  // of a planned meeting moves it (reason required); the kernteam is mailed
  // then. Errors: kNotFound (talks.meeting.not_found), kForbidden, kConflict
  // (talks.flow.not_allowed), kInvalidInput (CheckScheduleForm).
  Result<void> Schedule(const auth::User& user, int64_t meeting_id, const ScheduleForm& form);
  // Adds an item at the end of the agenda, proposed by the kernteam (a
  // kernteam member) or the municipality (an official). Errors: kNotFound,
  // kForbidden, kConflict (talks.error.agenda_closed), kInvalidInput.
  Result<void> ProposeItem(const auth::User& user, int64_t meeting_id, const std::string& text);
  // Saves the minutes (a draft until held; corrections after). Errors:
  // kNotFound, kForbidden, kConflict, kInvalidInput ("minutes").
  Result<void> SaveMinutes(const auth::User& user, int64_t meeting_id, const std::string& text);
  // Adds an agreement before the meeting is held. Errors as SaveMinutes
  // (CheckAgreementForm). RemoveAgreement takes a draft agreement back.
  Result<void> AddAgreement(const auth::User& user, int64_t meeting_id, const AgreementForm& form);
  Result<void> RemoveAgreement(const auth::User& user, int64_t meeting_id, int64_t agreement_id);
  // Records the meeting as held: the minutes are required and become
  // public, and every agreement becomes a promise to the platform (source
  // talk). Errors: kNotFound, kForbidden, kConflict (talks.flow.not_allowed,
  // talks.error.not_yet, talks.error.agreement_past_due), kInvalidInput
  // ("minutes": talks.error.missing_minutes).
  Result<void> MarkHeld(const auth::User& user, int64_t meeting_id);
  // Cancels with a reason (the kernteam is mailed when it was planned).
  // Errors: kNotFound, kForbidden, kConflict, kInvalidInput ("reason").
  Result<void> Cancel(const auth::User& user, int64_t meeting_id, const std::string& reason);
  // Closes a held meeting: nothing changes after. Errors: kNotFound, kForbidden, kConflict.
  Result<void> Close(const auth::User& user, int64_t meeting_id);

  // The meeting as `viewer` (may be null) sees it. Errors: kNotFound.
  Result<MeetingView> MeetingOf(const auth::User* viewer, int64_t meeting_id) const;
  // Every round with its meetings, the newest first; with `planner` only the
  // meetings that user plans.
  Result<std::vector<RoundView>> Rounds(const auth::User* planner) const;
  // The platform's next upcoming meeting (planned or moved, not yet
  // started) with its agenda, or nullopt.
  Result<std::optional<MeetingView>> NextMeeting(const platforms::Platform& p) const;
  // The stadsdelen `user` may plan a round for (slugs of the recognised
  // platforms' stadsdelen), and whether the whole city.
  Result<std::vector<std::string>> PlannableBoroughs(const auth::User& user) const;

  // "voorjaar 2026" in `locale`.
  std::string RoundName(const Round& r, std::string_view locale) const;
  // The search index entries of meeting `m` (search_entries.h), titled in Dutch.
  Result<std::vector<search::Entry>> SearchEntriesOf(db::Connection& c, const Meeting& m) const;

 private:
  struct Loaded {
    Meeting meeting;
    platforms::Platform platform;
  };
  // Loads a meeting and its platform for a change by a planner `user`.
  Result<Loaded> LoadForPlanner(db::Connection& c, const auth::User& user, int64_t meeting_id) const;
  Result<Loaded> Load(db::Connection& c, int64_t meeting_id) const;
  Result<void> MailKernteam(db::Connection& c, const Loaded& l, const std::string& subject_key,
                            const std::string& body_key, const std::string& reason);
  Result<void> MakePromises(db::Connection& c, const auth::User& user, const Loaded& l);
  Result<std::vector<Entry>> Named(db::Connection& c, std::vector<Entry> history) const;
  Result<void> NameProposers(db::Connection& c, std::vector<AgendaItem>& items) const;
  // Puts the public minutes of `m` in the search index or takes them out.
  Result<void> IndexMeeting(db::Connection& c, const Meeting& m) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  const promises::PromiseCommands& promises_;
  TalksSettings settings_;
  const search::Index* index_;  // nullptr: no search index
};

}  // namespace wp::talks
