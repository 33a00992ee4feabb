// AdviceCommands: the use cases of advice: an official asks platforms for
// advice (create, send, withdraw, close), a kernteam writes and submits its
// platform's advice (asked or unsolicited), an official answers every point
// with a verdict and a reason. Each change runs in one transaction with its
// history line and the e-mails it causes (outbox). Thread-safe.
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
#include "core/time/working_days.h"
#include "features/accounts/roles.h"
#include "features/advice/advice.h"
#include "features/advice/advice_store.h"
#include "features/advice/deadlines.h"
#include "features/advice/permissions.h"
#include "features/platforms/directory.h"

namespace wp::advice {

struct AdviceSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails
  std::string site_name = "Wijkplatform Haarlem";  // e-mail subjects
  int answer_weeks = kDefaultAnswerWeeks;          // the municipality's time to answer an advice
};

// A request with what a page shows of it.
struct RequestThread {
  AdviceRequest request;
  std::vector<platforms::Platform> platforms;
  std::vector<Advice> advices;
  std::vector<HistoryEntry> history;  // with actor names
};

struct AdviceThread {
  Advice advice;
  platforms::Platform platform;
  std::optional<AdviceRequest> request;
  std::vector<HistoryEntry> history;  // with actor names
};

class AdviceCommands {
 public:
  AdviceCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                 const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                 const time::TimeZone& zone, AdviceSettings settings);

  const time::TimeZone& zone() const { return zone_; }
  const time::WorkingDays& working_days() const { return days_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // Creates a draft request. Errors: kInvalidInput with the fields to correct
  // (CheckRequestForm; "platforms" advice.error.no_platform for an unknown
  // platform); kForbidden (advice.error.forbidden) when `user` may not ask
  // one of the platforms (permissions.h kAskAdvice).
  Result<int64_t> CreateRequest(const auth::User& user, const RequestForm& form);
  // Draft -> open: the kernteam of every platform asked gets an e-mail.
  // Errors: kNotFound, kForbidden, kConflict (advice.flow.*), kInvalidInput
  // advice.error.past_deadline when the deadline passed while it was a draft.
  Result<void> SendRequest(const auth::User& user, int64_t request_id);
  // -> withdrawn (with `reason`, required: field "reason") or -> closed.
  // Errors as SendRequest.
  Result<void> WithdrawRequest(const auth::User& user, int64_t request_id, const std::string& reason);
  Result<void> CloseRequest(const auth::User& user, int64_t request_id);

  // Creates a draft advice of platform `p`, to request `request_id` or
  // unsolicited (nullopt). Errors: kForbidden (not its kernteam), kNotFound
  // (no such request, or it did not ask `p`), kConflict
  // (advice.error.request_closed: the request takes no advice;
  // advice.error.already_advised: `p` has advice on it already),
  // kInvalidInput with the fields to correct (CheckAdviceForm).
  Result<int64_t> CreateAdvice(const auth::User& user, const platforms::Platform& p, std::optional<int64_t> request_id,
                               const AdviceForm& form);
  // Draft -> submitted: the answer is due AnswerDueAt later; the request's
  // contact gets an e-mail. Errors: kForbidden, kNotFound, kConflict.
  Result<void> SubmitAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id);
  // Submitted -> answered with a verdict and reason per point; the kernteam
  // and the platform's address get an e-mail. Errors: kNotFound, kForbidden
  // (kAnswer), kConflict (not waiting for an answer), kInvalidInput with the
  // fields to correct (CheckAnswer).
  Result<void> AnswerAdvice(const auth::User& user, int64_t advice_id, const std::vector<PointAnswer>& answers);

  // Whether `user` (nullopt: a visitor) may read the request: a published
  // one that is not confidential is public; a confidential one is for
  // kReadConfidential of one of its platforms; a draft for its officials.
  bool MayRead(const std::optional<auth::User>& user, const AdviceRequest& r,
               const std::vector<platforms::Platform>& platforms) const;
  // Whether `user` may act on the request as an official (kAskAdvice on every platform asked).
  bool IsOfficialOf(const auth::User& user, const std::vector<platforms::Platform>& platforms) const;

  // The request with its platforms, advices and history. Errors: kNotFound
  // (advice.request.not_found), also when `user` may not read it.
  Result<RequestThread> Request(const std::optional<auth::User>& user, int64_t request_id) const;
  // The advice with its platform, request and history. Errors: kNotFound
  // (advice.advice.not_found), also for a draft the user may not write or a
  // confidential advice the user may not read.
  Result<AdviceThread> AdviceOf(const std::optional<auth::User>& user, int64_t advice_id) const;
  // Requests `user` may read, newest first; `platform_id` > 0: only those asking that platform.
  Result<std::vector<AdviceRequest>> Requests(const std::optional<auth::User>& user, int64_t platform_id) const;
  // Advices of a platform `user` may read (drafts for its kernteam), newest first.
  Result<std::vector<Advice>> AdvicesOf(const std::optional<auth::User>& user, const platforms::Platform& p) const;
  // Every advice `user` may read that is not a draft, newest first.
  Result<std::vector<Advice>> PublicAdvices(const std::optional<auth::User>& user) const;
  // The platforms whose kernteam `user` is (for links to their advice pages).
  Result<std::vector<platforms::Platform>> KernteamPlatforms(const auth::User& user) const;
  // Submitted advices waiting for an answer that `user` may answer, earliest due first.
  Result<std::vector<Advice>> AwaitingAnswer(const auth::User& user) const;

  // The platform names of ids, for lists ("" for an unknown id).
  std::string PlatformName(int64_t platform_id) const;
  std::string RequestUrl(int64_t id) const { return settings_.base_url + "/advies/aanvraag/" + std::to_string(id); }
  std::string AdviceUrl(int64_t id) const { return settings_.base_url + "/advies/" + std::to_string(id); }

 private:
  // The platforms of `ids` (unknown ids left out). Outside a transaction:
  // the directory runs its own.
  Result<std::vector<platforms::Platform>> PlatformsOf(const std::vector<int64_t>& ids) const;
  // The platforms a request asks (kNotFound for an unknown request).
  Result<std::vector<platforms::Platform>> PlatformsOfRequest(int64_t request_id) const;
  // Loads a request of `platforms` for an official's change to `to`. Errors as SendRequest.
  Result<AdviceRequest> LoadForChange(db::Connection& c, const auth::User& user, int64_t id, RequestStatus to,
                                      const std::vector<platforms::Platform>& platforms);
  Result<void> ChangeRequest(db::Connection& c, const auth::User& user, const AdviceRequest& r, RequestStatus to,
                             const std::string& note);
  // Moves the request of `a` to the status its advices give (history too).
  Result<void> FollowAdvice(db::Connection& c, const auth::User& user, int64_t request_id);
  Result<void> Mail(db::Connection& c, const std::string& to, const std::string& locale, const std::string& subject_key,
                    const std::string& body_key, const i18n::Args& args);
  // Mails the kernteam of `p` (and the platform's own address), each in
  // their language; `date_utc` becomes the argument "deadline".
  Result<void> MailKernteam(db::Connection& c, const platforms::Platform& p, const std::string& subject_key,
                            const std::string& body_key, i18n::Args args,
                            std::optional<int64_t> date_utc = std::nullopt);
  Result<std::vector<HistoryEntry>> Named(db::Connection& c, std::vector<HistoryEntry> history) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  time::WorkingDays days_;
  AdviceSettings settings_;
};

}  // namespace wp::advice
