// AdviceCommands: the use cases of advice: an official asks platforms for
// advice (create, send, withdraw, close), a kernteam writes and submits its
// platform's advice (asked or unsolicited), an official answers every point
// with a verdict and a reason. Each change runs in one transaction with its
// history line and the e-mails it causes (outbox). Thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/files/blob_store.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/search/index.h"
#include "core/time/time_zone.h"
#include "core/time/working_days.h"
#include "features/accounts/roles.h"
#include "features/advice/advice.h"
#include "features/advice/advice_store.h"
#include "features/advice/deadlines.h"
#include "features/advice/input.h"
#include "features/advice/permissions.h"
#include "features/platforms/directory.h"

namespace wp::advice {

struct AdviceSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails
  std::string site_name = "Wijkplatform Haarlem";  // e-mail subjects
  int answer_weeks = kDefaultAnswerWeeks;          // the municipality's time to answer an advice
  int reminder_working_days = kDefaultReminderWorkingDays;  // the official is reminded this early
  size_t max_attachment_bytes = 10 * 1024 * 1024;  // per PDF
};

// A file as a form sent it (name and bytes untrusted).
struct Upload {
  std::string file_name, bytes;
};

// An attachment with its bytes, for the download route.
struct AttachmentToServe {
  Attachment attachment;
  std::string bytes;
  bool is_public = false;  // of a published, not confidential thread: cacheable
};

// An input round as its page shows it.
struct RoundThread {
  InputRound round;
  platforms::Platform platform;
  std::string about_title;  // the request's subject or the advice's title
  std::optional<int64_t> request_id, advice_id;
  std::vector<Reaction> reactions;  // the kernteam sees all; a member their own (with names)
  size_t reaction_count = 0;
  bool is_kernteam = false, may_react = false;
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

// The rights' view of platforms (permissions.h CheckRequestEdit).
std::vector<PlatformRef> PlatformRefs(const std::vector<platforms::Platform>& list);

class AdviceCommands {
 public:
  AdviceCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                 const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                 const time::TimeZone& zone, const files::BlobStore& files, AdviceSettings settings,
                 const search::Index* index = nullptr);

  const time::TimeZone& zone() const { return zone_; }
  const time::WorkingDays& working_days() const { return days_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // Creates a draft request with `uploads` as its PDF attachments. Errors:
  // kInvalidInput with the fields to correct (CheckRequestForm; "platforms"
  // advice.error.no_platform for an unknown platform; "files" as
  // AttachToRequest); kForbidden (advice.error.forbidden) when `user` may
  // not ask one of the platforms (permissions.h kAskAdvice). Every upload is
  // checked first: on an error no request is made and no file is kept.
  Result<int64_t> CreateRequest(const auth::User& user, const RequestForm& form,
                                const std::vector<Upload>& uploads = {});
  // An official changes a draft request: subject, questions, level,
  // deadline, contact, confidentiality and platforms, checked as on create
  // (CheckRequestForm). A history line "draft_changed" records who did it.
  // Returns false when the form changes nothing (then no history line).
  // Errors: kNotFound (advice.request.not_found, also for a request `user`
  // may not read), kForbidden (advice.error.forbidden: not an official of
  // every platform asked, or of a platform the form asks), kConflict
  // (advice.error.request_not_draft: sent or withdrawn), kInvalidInput with
  // the fields to correct. Nothing changes on an error.
  Result<bool> EditRequest(const auth::User& user, int64_t request_id, const RequestForm& form);
  // Ok when `user` may edit request `r` asking `platforms` (CheckRequestEdit).
  // Errors as EditRequest: kNotFound when `user` may not read it, kForbidden, kConflict.
  Result<void> CheckRequestEditable(const auth::User& user, const AdviceRequest& r,
                                    const std::vector<platforms::Platform>& platforms) const;
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
  // kInvalidInput with the fields to correct (CheckAdviceForm; "files" as
  // AttachToAdvice). `uploads` become its PDF attachments; every one is
  // checked first: on an error no advice is made and no file is kept.
  Result<int64_t> CreateAdvice(const auth::User& user, const platforms::Platform& p, std::optional<int64_t> request_id,
                               const AdviceForm& form, const std::vector<Upload>& uploads = {});
  // The kernteam of `p` changes its draft advice: title, addressee
  // (unsolicited only), points (changed, added, removed; renumbered from 1)
  // and how the input was gathered, checked as on create (CheckAdviceForm).
  // A history line "draft_changed" records who did it. Returns false when
  // the form changes nothing (then no history line). Errors: kForbidden
  // (advice.error.not_kernteam), kNotFound (no such advice of `p`),
  // kConflict (advice.error.edit_submitted: no longer a draft),
  // kInvalidInput with the fields to correct. Nothing changes on an error.
  Result<bool> EditAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
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

  // --- attachments (commands_files.cc)

  // Adds PDFs to a draft request of `user` (an official of its platforms).
  // Errors: kNotFound, kForbidden, kConflict (advice.error.not_draft),
  // kInvalidInput on field "files": advice.error.no_file, files.error.not_pdf,
  // files.error.too_large, advice.error.too_many_files. Nothing is kept on an error.
  Result<void> AttachToRequest(const auth::User& user, int64_t request_id, const std::vector<Upload>& uploads);
  // Adds PDFs to a draft advice of platform `p`; errors as AttachToRequest
  // (kForbidden advice.error.not_kernteam).
  Result<void> AttachToAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
                              const std::vector<Upload>& uploads);
  // The attachments of a request or an advice (the caller checked it may read it).
  Result<std::vector<Attachment>> AttachmentsOf(const HistoryOf& of) const;
  // An attachment with its bytes when `user` may read its request or advice.
  // Errors: kNotFound (advice.attachment.not_found), also when not readable.
  Result<AttachmentToServe> AttachmentFor(const std::optional<auth::User>& user, int64_t attachment_id) const;

  // --- member input (commands_input.cc)

  // The kernteam of `p` opens a round about a published request asking `p`
  // or a draft unsolicited advice of `p`. Errors: kForbidden
  // (advice.error.not_kernteam), kNotFound, kConflict
  // (advice.error.round_confidential; advice.error.request_closed),
  // kInvalidInput with the fields (CheckRoundForm).
  Result<int64_t> OpenRound(const auth::User& user, const platforms::Platform& p, const HistoryOf& about,
                            const RoundForm& form);
  // A member (or the kernteam) of the round's platform reacts. Errors:
  // kNotFound, kForbidden (advice.error.not_member), kConflict
  // (advice.error.round_closed), kInvalidInput (CheckReaction).
  Result<void> React(const auth::User& user, const platforms::Platform& p, int64_t round_id, const std::string& text);
  // The round of `p` as `user` sees it. Errors: kNotFound (advice.round.not_found),
  // also when `user` may not see it (MaySeeRound).
  Result<RoundThread> Round(const std::optional<auth::User>& user, const platforms::Platform& p,
                            int64_t round_id) const;
  // The rounds of `p` about a request or an advice, oldest first.
  Result<std::vector<InputRound>> RoundsOf(int64_t platform_id, const HistoryOf& about) const;
  // The rounds of a platform members may still react to, closing soonest
  // first, of those `viewer` may see (MaySeeRound: a draft's round only for
  // the platform's members and kernteam).
  Result<std::vector<InputRound>> OpenRoundsOf(const std::optional<auth::User>& viewer,
                                               const platforms::Platform& p) const;
  // The kernteam of `p` names a member of `p` (by e-mail) as a drafter of a
  // draft advice. Errors: kForbidden, kNotFound, kConflict (not a draft),
  // kInvalidInput field "email": advice.error.not_a_member.
  Result<void> AddDrafter(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
                          const std::string& email);
  // The names of the werkgroep of an advice.
  Result<std::vector<std::string>> DrafterNames(int64_t advice_id) const;

  // --- reminders (commands_reminders.cc)

  // Mails the request's contact (unsolicited: the gebiedsverbinders of the
  // platform's stadsdeel) of every submitted advice whose reminder is due
  // (DueReminder), each mail once even with several processes; returns how many.
  Result<int> SendReminders();

  // The platform names of ids, for lists ("" for an unknown id).
  std::string PlatformName(int64_t platform_id) const;
  std::string RequestUrl(int64_t id) const { return settings_.base_url + "/advies/aanvraag/" + std::to_string(id); }
  std::string AdviceUrl(int64_t id) const { return settings_.base_url + "/advies/" + std::to_string(id); }
  std::string AnswerUrl(int64_t id) const {
    return settings_.base_url + "/beheer/advies/" + std::to_string(id) + "/antwoord";
  }

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
                            std::optional<int64_t> date_utc = std::nullopt, std::set<std::string>* sent = nullptr);
  Result<std::vector<HistoryEntry>> Named(db::Connection& c, std::vector<HistoryEntry> history) const;
  // What is wrong with `uploads` next to `already` attachments (field
  // "files": files.error.not_pdf, files.error.too_large,
  // advice.error.too_many_files); empty when every one may be kept.
  std::vector<FieldError> UploadErrors(const std::vector<Upload>& uploads, size_t already) const;
  // Stores checked uploads in the files folder (outside any transaction).
  Result<std::vector<Attachment>> PutUploads(const std::vector<Upload>& uploads) const;
  // Checks and stores the uploads (at least one); errors as AttachToRequest.
  Result<std::vector<Attachment>> StoreUploads(const std::vector<Upload>& uploads, size_t already) const;
  Result<void> SaveAttachments(db::Connection& c, const auth::User& user, const HistoryOf& of,
                               std::vector<Attachment> attachments);
  // Mails everyone who contributed to `a` (reactions, werkgroep) that it was answered, once each,
  // leaving out `sent` (lowercased addresses; updated).
  Result<void> MailContributors(db::Connection& c, const Advice& a, std::set<std::string>& sent);
  // Sends one reminder of `a` if it is still due and this process claims it.
  Result<bool> Remind(int64_t advice_id, Reminder kind);
  Result<void> CheckRoundSubject(db::Connection& c, const platforms::Platform& p, const HistoryOf& about);
  // Whether `user` (a member of `p` when `member`) may see `round` of `p` (permissions.h MaySeeRound).
  Result<bool> MaySee(db::Connection& c, const std::optional<auth::User>& user, const platforms::Platform& p,
                      const InputRound& round, bool member) const;
  // Puts what is public of `r` / `a` in the search index, taking out what
  // is not (search_entries.h), in the caller's transaction.
  Result<void> IndexRequest(db::Connection& c, const AdviceRequest& r) const;
  Result<void> IndexAdvice(db::Connection& c, const Advice& a) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  time::WorkingDays days_;
  const files::BlobStore& files_;
  AdviceSettings settings_;
  const search::Index* index_;  // nullptr: no search index (the archive feeds on it)
};

}  // namespace wp::advice
