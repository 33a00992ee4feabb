// PromiseCommands: the use cases of the promises log: an official makes a
// promise of the municipality to a platform (from scratch, or from an answer
// point of an advice marked adopted or partly adopted), writes updates,
// marks it done or dropped (with the reason), and hands it over to a new
// owner; everyone reads the promises of a platform, and the officials the
// late ones per stadsdeel. Each change runs in one transaction with its
// history line. The municipality's commitments in a platform's wijkcontract
// are read from contracts (not copied). Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "core/time/working_days.h"
#include "features/accounts/roles.h"
#include "features/advice/commands.h"
#include "features/contracts/commands.h"
#include "features/platforms/directory.h"
#include "features/promises/permissions.h"
#include "features/promises/promise.h"

namespace wp::promises {

// A promise with what its page shows.
struct PromiseView {
  Promise promise;
  platforms::Platform platform;
  std::vector<Entry> history;  // with actor names
};

// A late promise with its platform (the officials' list).
struct LateItem {
  Promise promise;
  platforms::Platform platform;
  int working_days_late = 0;
};

// What "make it a promise" fills in from an answer point.
struct FromAnswer {
  platforms::Platform platform;
  int64_t advice_id = 0;
  int point = 0;
  PromiseForm form;
};

class PromiseCommands {
 public:
  // `advice` and `contracts` may be null (the feature is not registered).
  PromiseCommands(db::Database& db, const Clock& clock, const platforms::PlatformDirectory& directory,
                  const accounts::Roles& roles, const time::TimeZone& zone, const advice::AdviceCommands* advice,
                  const contracts::ContractCommands* contracts);

  const time::TimeZone& zone() const { return zone_; }
  const time::WorkingDays& working_days() const { return days_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // Makes a promise to platform `platform_id`. With `answer` (advice id and
  // point number) the source is that answer point. Errors: kNotFound
  // (promises.platform.not_found; promises.answer.not_found for an advice
  // of another platform, an unknown point, or one the user may not read),
  // kForbidden (promises.error.forbidden: not a keeper of the platform's
  // stadsdeel), kConflict (promises.answer.not_adopted: the point was not
  // adopted or partly adopted), kInvalidInput with the fields (CheckPromiseForm).
  Result<int64_t> Create(const auth::User& user, int64_t platform_id, const PromiseForm& form,
                         std::optional<std::pair<int64_t, int>> answer);
  // Makes a promise to `platform` from an agreement of meeting `meeting_id`
  // of a round of talks (source talk, `meeting_note` naming the meeting),
  // inside the caller's transaction `c`: the meeting is recorded as held in
  // the same transaction. Errors: kForbidden (promises.error.forbidden),
  // kInvalidInput with the fields (CheckPromiseForm; `form.source` is ignored).
  Result<int64_t> CreateFromMeeting(db::Connection& c, const auth::User& user, const platforms::Platform& platform,
                                    int64_t meeting_id, const std::string& meeting_note, const PromiseForm& form) const;
  // An update, optionally with a new status. Errors: kNotFound, kForbidden,
  // kInvalidInput (CheckUpdateForm).
  Result<void> Update(const auth::User& user, int64_t promise_id, const UpdateForm& form);
  // A new owner; the change is a history line. Errors: kNotFound,
  // kForbidden, kConflict (promises.error.closed: done or dropped),
  // kInvalidInput (CheckHandoverForm).
  Result<void> Handover(const auth::User& user, int64_t promise_id, const HandoverForm& form);

  // The form "make it a promise" starts with, from point `point` of advice
  // `advice_id`. Errors as Create.
  Result<FromAnswer> Prefill(const auth::User& user, int64_t advice_id, int point) const;

  // Errors: kNotFound (promises.promise.not_found).
  Result<PromiseView> PromiseOf(int64_t promise_id) const;
  // The promises of a platform, the earliest due first.
  Result<std::vector<Promise>> OfPlatform(int64_t platform_id) const;
  // Late promises per stadsdeel (its slug) that `user` keeps, the earliest due first.
  Result<std::map<std::string, std::vector<LateItem>>> LateByBorough(const auth::User& user) const;
  // The municipality's commitments in the platform's wijkcontracts (none
  // when contracts is not registered).
  Result<std::vector<contracts::Commitment>> ContractCommitments(int64_t platform_id) const;
  // Whether `user` keeps the promises of `p`.
  bool Keeps(const auth::User& user, const platforms::Platform& p) const { return CanKeep(user, p.borough_slug); }

 private:
  // Loads a promise and its platform for a change by `user`.
  Result<PromiseView> LoadForChange(db::Connection& c, const auth::User& user, int64_t promise_id) const;
  // The answer point `point` of advice `advice_id`, checked for `user`.
  Result<advice::AdviceThread> AnswerPoint(const auth::User& user, int64_t advice_id, int point) const;

  db::Database& db_;
  const Clock& clock_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  time::WorkingDays days_;
  const advice::AdviceCommands* advice_;
  const contracts::ContractCommands* contracts_;
};

}  // namespace wp::promises
