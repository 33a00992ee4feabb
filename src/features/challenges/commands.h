// ChallengeCommands: the use cases of the right to challenge: a resident
// submits a challenge (and is its contact person); officials record gate
// checks per criterion and take go/no-go decisions; the group writes its
// business case and, once started, its monitoring reports; the cooperation
// agreement is generated as a PDF from the agreed terms. Every gate check
// and decision is e-mailed to the contact person and the stadsdeel's
// gebiedsverbinders, in the same transaction (outbox). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/challenges/challenge.h"
#include "features/challenges/challenge_store.h"
#include "features/challenges/gate.h"
#include "features/challenges/monitoring.h"
#include "features/challenges/overview.h"
#include "features/challenges/permissions.h"
#include "features/geography/service.h"

namespace wp::challenges {

struct ChallengeSettings {
  std::string base_url = "http://127.0.0.1:8080";
  std::string site_name = "Wijkplatform Haarlem";
  std::string municipality = "Haarlem";
  int64_t legal_entity_threshold_cents = kDefaultLegalEntityThresholdCents;
  ReportRhythm report_rhythm;  // when running challenges report, and when they are reminded
};

// A challenge with everything its page shows.
struct ChallengeView {
  Challenge challenge;
  std::vector<GateCheck> checks;  // with actor names
  std::optional<BusinessCase> business_case;
  std::vector<Decision> decisions;  // with actor names
  std::vector<Report> reports;      // with actor names
};

class ChallengeCommands {
 public:
  ChallengeCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog, const accounts::Roles& roles,
                    const geography::GeographyService& geography, const time::TimeZone& zone,
                    ChallengeSettings settings);

  // The same commands on another clock (demo content played in the past).
  ChallengeCommands OnClock(const Clock& clock) const {
    return ChallengeCommands(db_, clock, catalog_, roles_, geography_, zone_, settings_);
  }

  const time::TimeZone& zone() const { return zone_; }
  const ChallengeSettings& settings() const { return settings_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }
  // The stadsdelen of the current geography: {slug, name}, in name order.
  std::vector<std::pair<std::string, std::string>> Boroughs() const;
  std::string BoroughName(const std::string& slug) const;

  // Submits a challenge with `user` as its contact account. Errors:
  // kInvalidInput with the fields to correct (CheckChallengeForm). The
  // stadsdeel's gebiedsverbinders get an e-mail.
  Result<int64_t> Submit(const auth::User& user, const ChallengeForm& form);
  // Records a gate check. Errors: kNotFound, kForbidden
  // (challenges.error.forbidden), kConflict (challenges.error.not_at_gate),
  // kInvalidInput ("criterion", "met", "reason").
  Result<void> RecordCheck(const auth::User& user, int64_t id, const std::string& criterion, const std::string& met,
                           const std::string& reason);
  // Saves the business case. Errors: kNotFound, kForbidden, kConflict
  // (challenges.error.no_business_case_now), kInvalidInput (CheckBusinessCaseForm).
  Result<void> SaveBusinessCase(const auth::User& user, int64_t id, const BusinessCaseForm& form);
  // A go/no-go decision at `moment` with reasons. Errors: kNotFound,
  // kForbidden, kConflict (challenges.decision.*), kInvalidInput
  // ("decision", "reasons").
  Result<void> Decide(const auth::User& user, int64_t id, const std::string& moment, const std::string& decision,
                      const std::string& reasons);
  // A monitoring report of a running challenge. Errors: kNotFound,
  // kForbidden, kConflict (challenges.error.not_running), kInvalidInput.
  Result<void> AddReport(const auth::User& user, int64_t id, const std::string& period, const std::string& text,
                         const std::string& spent);

  Result<ChallengeView> View(int64_t id) const;
  // The reporting schedule of `v` now (kNone unless running).
  ReportSchedule ScheduleOf(const ChallengeView& v) const;
  // The officials' overview: every challenge (of stadsdeel `borough` when
  // not empty) with its next step, the municipality's turns first
  // (SortOverview). Errors: kForbidden (challenges.error.not_official).
  Result<std::vector<OverviewItem>> Overview(const auth::User& user, const std::string& borough) const;
  // Sends the monitoring mails that are due (ReportMailDue): the reminder
  // to the contact person, the overdue notice also to the stadsdeel's
  // gebiedsverbinders; each once per due date, also with several server
  // processes. Returns how many challenges got a mail.
  Result<int> SendReportMails();
  Result<std::vector<Challenge>> All() const;
  // The cooperation agreement as a PDF, for a challenge in the agreement
  // stage or running. Errors: kNotFound, kConflict
  // (challenges.error.no_agreement), kUnavailable when drawing fails.
  Result<std::string> AgreementPdf(int64_t id, const std::string& locale) const;

  std::string ChallengeUrl(int64_t id) const { return settings_.base_url + "/uitdaagrecht/" + std::to_string(id); }

 private:
  Result<Challenge> Load(db::Connection& c, const auth::User& user, int64_t id, Action action) const;
  // Mails the contact person and the stadsdeel's gebiedsverbinders.
  Result<void> MailAll(db::Connection& c, const Challenge& ch, const std::string& subject_key,
                       const std::string& body_key, const i18n::Args& args, bool liaisons = true);
  // Sends the monitoring mail due for challenge `id`, if it still is, in
  // one transaction with its record; true when one went out.
  Result<bool> SendReportMail(int64_t id);
  template <typename T>
  Result<std::vector<T>> Named(db::Connection& c, std::vector<T> list) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const accounts::Roles& roles_;
  const geography::GeographyService& geography_;
  const time::TimeZone& zone_;
  ChallengeSettings settings_;
};

}  // namespace wp::challenges
