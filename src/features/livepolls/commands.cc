#include "features/livepolls/commands.h"

#include "core/auth/tokens.h"
#include "core/strings.h"
#include "features/livepolls/permissions.h"

namespace wp::livepolls {

namespace {

Error Refused(ErrorCode code, const std::string& field, const std::string& key, std::string detail) {
  Error e{code, std::move(detail), key};
  e.fields.push_back({field, key});
  return e;
}

Error FormOf(const std::vector<FieldProblem>& problems) {
  std::vector<FieldError> fields;
  for (const auto& p : problems) fields.push_back({p.field, p.key});
  return FormInvalid(fields, "live poll form has errors");
}

Result<std::optional<Poll>> FindByCode(db::Database& db, const std::string& code) {
  return db.Read([&](db::Connection& c) { return PollStore::FindByCode(c, code); });
}

}  // namespace

LivePollCommands::LivePollCommands(db::Database& db, const Clock& clock, Random& random,
                                   const platforms::PlatformDirectory& platforms, LivePollSettings settings,
                                   const events::EventMeetings* meetings)
    : db_(db), clock_(clock), random_(random), platforms_(platforms), settings_(settings), meetings_(meetings) {}

Result<std::vector<events::MeetingRef>> LivePollCommands::MeetingChoices(const platforms::Platform& p) const {
  if (!meetings_) return std::vector<events::MeetingRef>();
  constexpr int64_t kWindow = 60 * 86400;
  int64_t now = clock_.NowUnixSeconds();
  return meetings_->OfPlatform(p.id, now - kWindow, now + kWindow);
}

Result<std::optional<events::MeetingRef>> LivePollCommands::MeetingOf(const Poll& poll) const {
  if (!meetings_ || !poll.event_id) return std::optional<events::MeetingRef>();
  return meetings_->Find(*poll.event_id);
}

Result<std::vector<Poll>> LivePollCommands::ClosedPollsOfEvent(int64_t event_id) const {
  return db_.Read([&](db::Connection& c) { return PollStore::ClosedPollsOfEvent(c, event_id); });
}

std::string LivePollCommands::NewParticipantToken() { return auth::NewToken(random_); }

Result<platforms::Platform> LivePollCommands::PlatformOf(const Poll& poll) const {
  WP_ASSIGN_OR_RETURN(auto p, platforms_.FindById(poll.platform_id));
  if (!p) return NotFound("platform of poll is gone", "livepolls.poll.not_found");
  return *p;
}

Result<LivePollCommands::Loaded> LivePollCommands::LoadForPresenter(db::Connection& c, const auth::User& user,
                                                                    int64_t poll_id) const {
  WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindPoll(c, poll_id));
  if (!poll) return NotFound("no such poll", "livepolls.poll.not_found");
  WP_ASSIGN_OR_RETURN(auto platform, PlatformOf(*poll));
  if (!CanRunPolls(user, platform)) return Forbidden("not a presenter", "livepolls.error.forbidden");
  return Loaded{*poll, platform};
}

Result<int64_t> LivePollCommands::CreatePoll(const auth::User& user, const std::string& platform_slug,
                                             const std::string& title, const std::string& meeting,
                                             std::optional<int64_t> event_id) {
  WP_ASSIGN_OR_RETURN(auto platform, platforms_.PlatformOf(platform_slug));
  if (!CanRunPolls(user, platform)) return Forbidden("not a presenter", "livepolls.error.forbidden");
  auto problems = CheckPollForm(title, meeting, event_id.has_value());
  std::optional<events::MeetingRef> activity;
  if (event_id) {
    if (meetings_) {
      WP_ASSIGN_OR_RETURN(activity, meetings_->Find(*event_id));
    }
    if (!activity || activity->platform_id != platform.id || activity->cancelled) {
      problems.push_back({"event", kEventUnknown});
    }
  }
  if (!problems.empty()) return FormOf(problems);
  Poll p;
  p.platform_id = platform.id;
  p.title = std::string(Trim(title));
  p.meeting = std::string(Trim(meeting));
  if (activity) {
    p.event_id = activity->id;
    if (p.meeting.empty()) p.meeting = activity->title;
  }
  p.created_by = user.id;
  p.created_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    // A code is never reused: draw until a free one comes up.
    for (int attempt = 0; attempt < 20; ++attempt) {
      p.join_code = NewJoinCode(random_);
      WP_ASSIGN_OR_RETURN(auto taken, PollStore::FindByCode(c, p.join_code));
      if (!taken) return PollStore::InsertPoll(c, p);
    }
    return Internal("no free join code");
  });
}

Result<int64_t> LivePollCommands::AddQuestion(const auth::User& user, int64_t poll_id, Question q) {
  q.text = std::string(Trim(q.text));
  if (q.kind == QuestionKind::kScale || q.kind == QuestionKind::kOpen) q.options.clear();
  WP_ASSIGN_OR_RETURN(auto loaded, db_.Read([&](db::Connection& c) { return LoadForPresenter(c, user, poll_id); }));
  (void)loaded;
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindPoll(c, poll_id));
    if (!poll) return NotFound("no such poll", "livepolls.poll.not_found");
    if (!CanEditQuestions(poll->status)) return Conflict("poll started", "livepolls.flow.started");
    WP_ASSIGN_OR_RETURN(auto existing, PollStore::QuestionsOf(c, poll_id));
    auto problems = CheckQuestion(q, existing.size());
    if (!problems.empty()) return FormOf(problems);
    q.poll_id = poll_id;
    q.position = static_cast<int>(existing.size());
    return PollStore::InsertQuestion(c, q);
  });
}

Result<Poll> LivePollCommands::Act(const auth::User& user, int64_t poll_id, PollAction action) {
  WP_ASSIGN_OR_RETURN(auto loaded, db_.Read([&](db::Connection& c) { return LoadForPresenter(c, user, poll_id); }));
  (void)loaded;
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<Poll> {
    WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindPoll(c, poll_id));
    if (!poll) return NotFound("no such poll", "livepolls.poll.not_found");
    WP_ASSIGN_OR_RETURN(auto questions, PollStore::QuestionsOf(c, poll_id));
    Step step = Apply({poll->status, poll->active, poll->show_results}, action, static_cast<int>(questions.size()));
    if (!step.next) return Conflict("step not allowed", step.problem);
    poll->status = step.next->status;
    poll->active = step.next->active;
    poll->show_results = step.next->show_results;
    if (poll->status == PollStatus::kClosed) poll->closed_at = now;
    WP_TRY_VOID(PollStore::UpdateState(c, *poll));
    return *poll;
  });
}

Result<void> LivePollCommands::HideAnswer(const auth::User& user, int64_t poll_id, int64_t answer_id) {
  WP_ASSIGN_OR_RETURN(auto loaded, db_.Read([&](db::Connection& c) { return LoadForPresenter(c, user, poll_id); }));
  (void)loaded;
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t changed, PollStore::HideAnswer(c, poll_id, answer_id));
    if (changed == 0) return NotFound("no such answer", "livepolls.poll.not_found");
    return Ok();
  });
}

Result<LivePollCommands::PlatformPolls> LivePollCommands::PollsOf(const auth::User* user,
                                                                  const std::string& platform_slug) const {
  WP_ASSIGN_OR_RETURN(auto platform, platforms_.PlatformOf(platform_slug));
  PlatformPolls out{platform, {}, user != nullptr && CanRunPolls(*user, platform)};
  WP_ASSIGN_OR_RETURN(out.polls, db_.Read([&](db::Connection& c) { return PollStore::PollsOf(c, platform.id); }));
  if (!out.presents) std::erase_if(out.polls, [](const Poll& p) { return p.status != PollStatus::kClosed; });
  return out;
}

Result<std::vector<Poll>> LivePollCommands::ClosedPollsOf(int64_t platform_id) const {
  WP_ASSIGN_OR_RETURN(auto polls, db_.Read([&](db::Connection& c) { return PollStore::PollsOf(c, platform_id); }));
  std::erase_if(polls, [](const Poll& p) { return p.status != PollStatus::kClosed; });
  return polls;
}

Result<PollResults> LivePollCommands::Results(const auth::User* user, int64_t poll_id) const {
  PollResults out;
  std::vector<Question> questions;
  std::vector<StoredAnswer> answers;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindPoll(c, poll_id));
    if (!poll) return NotFound("no such poll", "livepolls.poll.not_found");
    out.poll = *poll;
    WP_ASSIGN_OR_RETURN(questions, PollStore::QuestionsOf(c, poll_id));
    WP_ASSIGN_OR_RETURN(answers, PollStore::AnswersOf(c, poll_id));
    WP_ASSIGN_OR_RETURN(out.participants, PollStore::CountParticipants(c, poll_id));
    return Ok();
  }));
  WP_ASSIGN_OR_RETURN(out.platform, PlatformOf(out.poll));
  out.presents = user != nullptr && CanRunPolls(*user, out.platform);
  if (!out.presents && out.poll.status != PollStatus::kClosed) {
    return Forbidden("results before the close", "livepolls.error.forbidden");
  }
  for (const auto& q : questions) {
    QuestionResult r{q, 0, {}, {}, {}};
    std::vector<std::string> values;
    for (const auto& a : answers) {
      if (a.question_id != q.id) continue;
      if (q.kind == QuestionKind::kOpen) r.open.push_back({a.id, a.value, a.hidden});
      if (a.hidden) continue;
      values.push_back(a.value);
    }
    r.answers = static_cast<int64_t>(values.size());
    r.counts = Tally(q, values);
    if (q.kind == QuestionKind::kOpen) r.words = CountWords(values);
    out.questions.push_back(std::move(r));
  }
  return out;
}

Result<Poll> LivePollCommands::Join(const std::string& typed_code, const std::string& client) {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(int64_t wrong, db_.Read([&](db::Connection& c) {
                        return PollStore::CountWrongCodesSince(c, client, now - settings_.wrong_code_window_seconds);
                      }));
  if (wrong >= settings_.wrong_codes_per_window) {
    return Refused(ErrorCode::kRateLimited, "code", "livepolls.join.too_many", "too many wrong codes");
  }
  auto code = NormaliseJoinCode(typed_code);
  std::optional<Poll> poll;
  if (code) {
    WP_ASSIGN_OR_RETURN(poll, FindByCode(db_, *code));
  }
  if (!poll) {
    WP_TRY_VOID(db_.Write([&](db::Connection& c) { return PollStore::RecordWrongCode(c, client, now); }));
    return Refused(ErrorCode::kInvalidInput, "code", "livepolls.join.unknown_code", "unknown join code");
  }
  return *poll;
}

Result<Participation> LivePollCommands::Participate(const std::string& code, const std::string& token) const {
  Participation out;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindByCode(c, code));
    if (!poll) return NotFound("no such code", "livepolls.join.unknown_code");
    out.poll = *poll;
    if (poll->status != PollStatus::kRunning) return Ok();
    WP_ASSIGN_OR_RETURN(auto questions, PollStore::QuestionsOf(c, poll->id));
    for (const auto& q : questions) {
      if (q.position == poll->active) out.question = q;
    }
    if (out.question && auth::LooksLikeToken(token)) {
      WP_ASSIGN_OR_RETURN(auto own, PollStore::AnswerOf(c, out.question->id, auth::TokenHash(token)));
      out.own_answer = own.value_or("");
    }
    return Ok();
  }));
  return out;
}

Result<void> LivePollCommands::Answer(const std::string& code, const std::string& token, int64_t question_id,
                                      const std::vector<std::string>& values) {
  if (!auth::LooksLikeToken(token)) return InvalidInput("no participant token", "livepolls.answer.no_cookie");
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto poll, PollStore::FindByCode(c, code));
    if (!poll) return NotFound("no such code", "livepolls.join.unknown_code");
    WP_ASSIGN_OR_RETURN(auto questions, PollStore::QuestionsOf(c, poll->id));
    const Question* question = nullptr;
    for (const auto& q : questions) {
      if (q.id == question_id) question = &q;
    }
    if (!question) return NotFound("no such question", "livepolls.poll.not_found");
    std::string_view closed = QuestionOpenProblem(*poll, *question);
    if (!closed.empty()) return Conflict("question not open", std::string(closed));
    AnswerCheck check = CheckAnswer(*question, values);
    if (!check.problem.empty()) return Refused(ErrorCode::kInvalidInput, "answer", check.problem, "bad answer");
    return PollStore::UpsertAnswer(c, poll->id, question->id, auth::TokenHash(token), check.value, now);
  });
}

}  // namespace wp::livepolls
