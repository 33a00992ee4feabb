// LivePollCommands: the use cases of live polls. A presenter (CanRunPolls
// on the platform) creates a poll for a meeting, adds questions before the
// start, steps through them (start, next, show/hide results, close) and
// hides open answers; participants join with the join code (wrong codes
// are counted per client address and limited) and answer the open question
// with a cookie token, of which only the SHA-256 is stored: one answer per
// question each, a new answer replaces the old one while the question is
// open. Each change is one transaction; bad input changes nothing.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"
#include "features/events/meetings.h"
#include "features/livepolls/poll.h"
#include "features/livepolls/poll_store.h"
#include "features/livepolls/word_cloud.h"
#include "features/platforms/directory.h"

namespace wp::livepolls {

struct LivePollSettings {
  int64_t wrong_codes_per_window = 10;  // wrong join codes one client may type per window
  int64_t wrong_code_window_seconds = 600;
};

struct OpenAnswer {
  int64_t id = 0;
  std::string text;
  bool hidden = false;
};

struct QuestionResult {
  Question question;
  int64_t answers = 0;                // answers counted (hidden open answers not)
  std::vector<int64_t> counts;        // per choice or scale value
  std::vector<WordCount> words;       // open questions: the word cloud
  std::vector<OpenAnswer> open;       // open questions: every answer, for moderation
};

struct PollResults {
  Poll poll;
  platforms::Platform platform;
  std::vector<QuestionResult> questions;
  int64_t participants = 0;
  bool presents = false;  // the viewer runs this poll
};

// What a participant sees: the poll and its open question with their own answer.
struct Participation {
  Poll poll;
  std::optional<Question> question;  // the open question, if any
  std::string own_answer;            // stored form, "" when none
};

class LivePollCommands {
 public:
  // `meetings` (null: polls name their meeting in text only) offers the
  // platform's activities to link a poll to.
  LivePollCommands(db::Database& db, const Clock& clock, Random& random, const platforms::PlatformDirectory& platforms,
                   LivePollSettings settings = {}, const events::EventMeetings* meetings = nullptr);

  // Errors: kNotFound (platforms.error.not_found), kForbidden
  // (livepolls.error.forbidden), kInvalidInput with fields "title",
  // "meeting", "event" (livepolls.error.event_unknown: not a published
  // activity of this platform). With an activity and no meeting name, the
  // activity's title names the meeting.
  Result<int64_t> CreatePoll(const auth::User& user, const std::string& platform_slug, const std::string& title,
                             const std::string& meeting, std::optional<int64_t> event_id = std::nullopt);
  // The platform's published activities a new poll can belong to: from 60
  // days ago to 60 days ahead. Empty without EventMeetings.
  Result<std::vector<events::MeetingRef>> MeetingChoices(const platforms::Platform& p) const;
  // The activity a poll belongs to, if it has one and it still exists.
  Result<std::optional<events::MeetingRef>> MeetingOf(const Poll& poll) const;
  // Closed polls held at an activity (its page lists their results).
  Result<std::vector<Poll>> ClosedPollsOfEvent(int64_t event_id) const;
  // Adds a question at the end. Errors: kNotFound (livepolls.poll.not_found),
  // kForbidden, kConflict (livepolls.flow.started), kInvalidInput with fields.
  Result<int64_t> AddQuestion(const auth::User& user, int64_t poll_id, Question q);
  // Errors: kNotFound, kForbidden, kConflict with the flow's key (Apply).
  Result<Poll> Act(const auth::User& user, int64_t poll_id, PollAction action);
  // Hides an open answer (it leaves the word cloud). Errors: kNotFound, kForbidden.
  Result<void> HideAnswer(const auth::User& user, int64_t poll_id, int64_t answer_id);

  // The polls of a platform and whether `user` runs them. Errors: kNotFound.
  struct PlatformPolls {
    platforms::Platform platform;
    std::vector<Poll> polls;
    bool presents = false;
  };
  Result<PlatformPolls> PollsOf(const auth::User* user, const std::string& platform_slug) const;
  // Results as the presenter's screen shows them. Errors: kNotFound; kForbidden
  // when `user` does not run the poll and it is not closed.
  Result<PollResults> Results(const auth::User* user, int64_t poll_id) const;
  // Closed polls of a platform, newest first (kept with the minutes).
  Result<std::vector<Poll>> ClosedPollsOf(int64_t platform_id) const;

  // The poll of a typed join code. Errors: kInvalidInput with field "code"
  // livepolls.join.unknown_code; kRateLimited (field "code",
  // livepolls.join.too_many) after too many wrong codes from `client`.
  Result<Poll> Join(const std::string& typed_code, const std::string& client);
  // Errors: kNotFound (livepolls.join.unknown_code).
  Result<Participation> Participate(const std::string& code, const std::string& participant_token) const;
  // Stores or replaces the answer. Errors: kNotFound; kConflict with
  // QuestionOpenProblem's key (poll closed, question no longer open);
  // kInvalidInput with field "answer" and CheckAnswer's key.
  Result<void> Answer(const std::string& code, const std::string& participant_token, int64_t question_id,
                      const std::vector<std::string>& values);

  // A fresh participant token for the cookie.
  std::string NewParticipantToken();
  int64_t Now() const { return clock_.NowUnixSeconds(); }

 private:
  struct Loaded {
    Poll poll;
    platforms::Platform platform;
  };
  Result<Loaded> LoadForPresenter(db::Connection& c, const auth::User& user, int64_t poll_id) const;
  Result<platforms::Platform> PlatformOf(const Poll& poll) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const platforms::PlatformDirectory& platforms_;
  LivePollSettings settings_;
  const events::EventMeetings* meetings_;
};

}  // namespace wp::livepolls
