#include "features/livepolls/demo.h"

namespace wp::livepolls {

namespace {

constexpr const char* kSlug = "wijkplatform-boerhaavewijk";

Question Ask(QuestionKind kind, const char* text, std::vector<std::string> options = {}) {
  Question q;
  q.kind = kind;
  q.text = text;
  q.options = std::move(options);
  return q;
}

// Answers of `values.size()` participants to the open question.
Result<void> AnswerAll(LivePollCommands& commands, const Poll& poll, int64_t question_id,
                       const std::vector<std::string>& values) {
  for (const auto& v : values) {
    WP_TRY_VOID(commands.Answer(poll.join_code, commands.NewParticipantToken(), question_id, {v}));
  }
  return Ok();
}

// The id of the platform's published activity whose title starts with
// `title`, if the events demo made it.
Result<std::optional<int64_t>> ActivityId(const LivePollCommands& commands, const platforms::Platform& p,
                                          std::string_view title) {
  WP_ASSIGN_OR_RETURN(auto choices, commands.MeetingChoices(p));
  for (const auto& m : choices) {
    if (m.title.starts_with(title)) return std::optional<int64_t>(m.id);
  }
  return std::optional<int64_t>();
}

Result<Poll> FindPoll(db::Database& db, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto p, db.Read([&](db::Connection& c) { return PollStore::FindPoll(c, id); }));
  if (!p) return Internal("demo poll vanished");
  return *p;
}

}  // namespace

Result<void> LoadLivePollsDemo(const web::DemoSeed& seed, LivePollCommands& commands,
                               const platforms::PlatformDirectory& directory, db::Database& db) {
  (void)seed;
  WP_ASSIGN_OR_RETURN(int64_t existing, db.Read([](db::Connection& c) { return PollStore::CountPolls(c); }));
  if (existing > 0) return Ok();
  WP_ASSIGN_OR_RETURN(auto platform, directory.FindBySlug(kSlug));
  if (!platform) return Ok();
  auth::User presenter{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};

  // A closed poll of the spring meeting, kept with its results (also on the activity's page).
  WP_ASSIGN_OR_RETURN(auto spring, ActivityId(commands, *platform, "Themabijeenkomst voorjaar"));
  WP_ASSIGN_OR_RETURN(int64_t closed_id, commands.CreatePoll(presenter, kSlug, "Wat vindt de buurt van het plein?",
                                                              "Themabijeenkomst voorjaar", spring));
  WP_ASSIGN_OR_RETURN(int64_t c1, commands.AddQuestion(presenter, closed_id,
                                                       Ask(QuestionKind::kSingle, "Komt u vaak op het plein?",
                                                           {"Elke dag", "Elke week", "Bijna nooit"})));
  Question scale = Ask(QuestionKind::kScale, "Hoe tevreden bent u over het plein?");
  WP_ASSIGN_OR_RETURN(int64_t c2, commands.AddQuestion(presenter, closed_id, scale));
  WP_TRY_VOID(commands.Act(presenter, closed_id, PollAction::kStart));
  WP_ASSIGN_OR_RETURN(Poll closed, FindPoll(db, closed_id));
  for (const char* v : {"0", "0", "1", "1", "1", "2"}) {
    WP_TRY_VOID(commands.Answer(closed.join_code, commands.NewParticipantToken(), c1, {v}));
  }
  WP_TRY_VOID(commands.Act(presenter, closed_id, PollAction::kNext));
  for (const char* v : {"2", "3", "3", "4", "5"}) {
    WP_TRY_VOID(commands.Answer(closed.join_code, commands.NewParticipantToken(), c2, {v}));
  }
  WP_TRY_VOID(commands.Act(presenter, closed_id, PollAction::kClose));

  // A running poll: the open question is on, its results shown as a word cloud.
  WP_ASSIGN_OR_RETURN(auto green, ActivityId(commands, *platform, "Themabijeenkomst: meer groen"));
  WP_ASSIGN_OR_RETURN(int64_t live_id, commands.CreatePoll(presenter, kSlug, "Samen aan de slag in de wijk",
                                                            "Themabijeenkomst groen en spelen", green));
  WP_TRY_VOID(commands.AddQuestion(presenter, live_id,
                                   Ask(QuestionKind::kMultiple, "Waar wilt u aan meedoen?",
                                       {"Geveltuinen", "Speeltuin", "Afval prikken", "Buurtfeest"})));
  WP_ASSIGN_OR_RETURN(int64_t open_id, commands.AddQuestion(presenter, live_id,
                                                            Ask(QuestionKind::kOpen,
                                                                "Wat maakt onze wijk mooier?")));
  WP_TRY_VOID(commands.Act(presenter, live_id, PollAction::kStart));
  WP_TRY_VOID(commands.Act(presenter, live_id, PollAction::kNext));
  WP_TRY_VOID(commands.Act(presenter, live_id, PollAction::kShowResults));
  WP_ASSIGN_OR_RETURN(Poll live, FindPoll(db, live_id));
  return AnswerAll(commands, live, open_id,
                   {"Meer bomen en groen", "Bomen in de straat", "Bankjes bij de speeltuin", "Meer groen",
                    "Een schone speeltuin", "Bloemen en bomen", "Minder afval op straat", "Gezellige buren"});
}

}  // namespace wp::livepolls
