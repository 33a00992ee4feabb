// SurveyCommands: the use cases of surveys and support polls, each in one
// transaction. Officials (CanManage) build a questionnaire, make personal
// codes for a random sample of addresses (the codes feature's address list
// and code format), open, close and publish, enter paper questionnaires and
// moderate open answers; respondents answer once (per browser or account,
// or per code). Results exist only for a closed survey, with small groups
// hidden (tally.h). Thread-safe (the database serialises writes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "features/forums/panel.h"
#include "features/surveys/survey_store.h"
#include "features/surveys/tally.h"

namespace wp::surveys {

struct SurveyInput {
  std::string title;
  std::string intro;
  std::string district_code;
  Mode mode = Mode::kOpen;
  std::optional<int64_t> panel_id;  // panel surveys: the forum or panel (forums::PanelChoice::id)
};

// For the e-mails with panel codes.
struct SurveySettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails
  std::string site_name = "Wijkplatform";          // e-mail subjects
};

// Who answers: one of these is set.
struct Respondent {
  std::optional<int64_t> user_id;  // open survey, signed in
  std::string browser_token;       // open survey, the cookie token
  std::string code;                // code and panel surveys: as typed
};

// A letter of a code survey: the address and its code (canonical). Returned
// once, when made; only the code's hash is kept.
struct Letter {
  std::string address;
  std::string code;
};

struct Results {
  Survey survey;
  Questionnaire questionnaire;
  SurveyResults tally;
  std::vector<OpenAnswer> accepted;  // only for questions whose texts_shown
  std::optional<int64_t> letters;    // code and panel surveys: codes sent (response rate)
};

class SurveyCommands {
 public:
  SurveyCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                 SurveySettings settings)
      : db_(db), clock_(clock), random_(random), catalog_(catalog), settings_(std::move(settings)) {}

  // Errors: kForbidden (not an official), FormInvalid on "title", "intro", and for a panel survey on
  // "panel": none chosen or not one of Panels (surveys.error.panel_required), no members
  // (surveys.error.panel_empty).
  Result<int64_t> Create(const std::optional<auth::User>& user, const SurveyInput& in);
  Result<Survey> Get(int64_t id) const;                                           // kNotFound
  Result<std::vector<Survey>> List(const std::optional<auth::User>& user) const;  // published ones for others
  Result<Questionnaire> Questions(int64_t survey_id) const;

  // Concept only (kConflict surveys.error.wrong_status). FormInvalid from CheckQuestion, or on "condition"
  // when the questionnaire with it would not hold (CheckQuestionnaire).
  Result<int64_t> AddQuestion(const std::optional<auth::User>& user, int64_t survey_id, Question q);
  Result<void> SaveQuestion(const std::optional<auth::User>& user, int64_t survey_id, const Question& q);
  // One place up (-1) or down (+1). kConflict surveys.error.move_breaks_condition when a condition
  // would point to a later question.
  Result<void> MoveQuestion(const std::optional<auth::User>& user, int64_t survey_id, int64_t question_id, int by);
  // kConflict surveys.error.question_has_followers when a condition depends on it.
  Result<void> RemoveQuestion(const std::optional<auth::User>& user, int64_t survey_id, int64_t question_id);

  // Status changes. Opening needs at least one question (surveys.error.no_questions) and, for code
  // surveys, codes (surveys.error.no_letters). Opening a panel survey sends every current member of the
  // panel a personal code by e-mail (SendPanelCodes), or refuses when it has none (surveys.error.panel_empty).
  Result<void> Change(const std::optional<auth::User>& user, int64_t survey_id, Action action);

  // The forums and panels the official may send a panel survey to (forums::PanelChoices).
  Result<std::vector<forums::PanelChoice>> Panels(const std::optional<auth::User>& user) const;
  // Panel surveys while open: a code by e-mail to each current member who has none yet (a replacement),
  // never a second one to anyone (panel.h). Returns how many got one (0: nobody new).
  // Errors: kForbidden, kNotFound, kConflict surveys.error.wrong_status.
  Result<int64_t> SendPanelCodes(const std::optional<auth::User>& user, int64_t survey_id);

  // Code surveys in concept: reads the address list (codes::ParseAddressCsv), draws `sample` addresses
  // uniformly at random and makes a code for each. Errors: the address list's own errors,
  // FormInvalid on "sample".
  Result<std::vector<Letter>> MakeLetters(const std::optional<auth::User>& user, int64_t survey_id,
                                          const std::string& address_csv, int sample);

  // A respondent's answers (open status). Errors: FormInvalid from CheckAnswers; kConflict with
  // surveys.error.already_answered (this browser/account) or surveys.error.code_used; kInvalidInput
  // surveys.error.code_unknown; the first answers are always kept.
  Result<void> Submit(int64_t survey_id, const Respondent& who, const Answers& answers);
  // A paper questionnaire typed in by an official, with its code if the survey uses codes.
  Result<void> EnterPaper(const std::optional<auth::User>& user, int64_t survey_id, const std::string& code,
                          const Answers& answers);

  Result<std::vector<OpenAnswer>> OpenAnswers(const std::optional<auth::User>& user, int64_t survey_id) const;
  Result<void> Moderate(const std::optional<auth::User>& user, int64_t survey_id, int64_t answer_id, bool accept);

  // Officials once closed, everyone once published (kNotFound before: nothing to show).
  Result<Results> ResultsOf(const std::optional<auth::User>& user, int64_t survey_id) const;
  // The aggregates as CSV (question, answer, count); hidden cells as "<10". Never rows of responses.
  struct CsvLabels {
    std::string question, answer, count, no_answer, answered, fewer_than;
  };
  static std::string ResultsCsv(const Results& results, const CsvLabels& labels);

 private:
  Result<Survey> ForEdit(db::Connection& c, const std::optional<auth::User>& user, int64_t survey_id,
                         Action action) const;
  Result<void> Record(db::Connection& c, const Survey& s, const std::string& key_hash, const std::string& code,
                      const Answers& answers, const std::string& channel) const;
  // Codes by e-mail (outbox) to the panel's members who have none; returns how many.
  Result<int64_t> MailPanelCodes(db::Connection& c, const Survey& s);
  Result<void> CheckPanel(db::Connection& c, const auth::User& user, const Survey& s) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const i18n::Catalog& catalog_;
  SurveySettings settings_;
};

}  // namespace wp::surveys
