// All SQL of the surveys feature, as static functions on a connection.
// Tables: surveys, survey_questions, survey_codes, survey_participants,
// survey_responses, survey_answers, survey_panel_sent. Thread-safe (no state).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "features/surveys/questionnaire.h"
#include "features/surveys/survey_flow.h"

namespace wp::surveys {

struct Survey {
  int64_t id = 0;
  std::string title;
  std::string intro;
  std::string district_code;
  Mode mode = Mode::kOpen;
  Status status = Status::kConcept;
  int64_t letters = 0;  // codes made (code and panel surveys)
  int64_t created_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> panel_forum_id;  // panel surveys: the forum (features/forums) whose members take part
};

// An open answer waiting for (or after) moderation.
struct OpenAnswer {
  int64_t id = 0;
  int64_t question_id = 0;
  std::string text;
  std::string moderation;  // pending, accepted, rejected
};

struct SurveyStore {
  static Result<int64_t> Insert(db::Connection& c, const Survey& s);
  static Result<std::optional<Survey>> Find(db::Connection& c, int64_t id);
  static Result<std::vector<Survey>> List(db::Connection& c);
  // Closing also records `at` as the moment the survey closed.
  static Result<void> SetStatus(db::Connection& c, int64_t id, Status status, int64_t at);
  static Result<void> AddLetters(db::Connection& c, int64_t id, int64_t count);

  // Panel surveys: the members who got a code, and the SHA-256 of their addresses.
  struct PanelSent {
    std::set<int64_t> members;
    std::set<std::string> address_hashes;
  };
  static Result<PanelSent> PanelSentOf(db::Connection& c, int64_t survey_id);
  static Result<void> InsertPanelSent(db::Connection& c, int64_t survey_id, int64_t member_id,
                                      const std::string& address_hash);

  static Result<Questionnaire> Questions(db::Connection& c, int64_t survey_id);
  static Result<int64_t> InsertQuestion(db::Connection& c, int64_t survey_id, int position, const Question& q);
  static Result<void> UpdateQuestion(db::Connection& c, const Question& q);
  static Result<void> SetPosition(db::Connection& c, int64_t question_id, int position);
  static Result<void> DeleteQuestion(db::Connection& c, int64_t question_id);

  static Result<void> InsertCode(db::Connection& c, int64_t survey_id, const std::string& code_hash);
  // The code's row: nullopt when unknown; `used` tells whether it answered.
  struct CodeRow {
    int64_t id = 0;
    bool used = false;
  };
  static Result<std::optional<CodeRow>> FindCode(db::Connection& c, int64_t survey_id, const std::string& code_hash);
  // Marks an unused code used. Returns false when it was used already.
  static Result<bool> UseCode(db::Connection& c, int64_t code_id);
  static Result<int64_t> CountUsedCodes(db::Connection& c, int64_t survey_id);
  // Adds a participant key. Returns false when it is there already.
  static Result<bool> AddParticipant(db::Connection& c, int64_t survey_id, const std::string& key_hash);

  static Result<int64_t> InsertResponse(db::Connection& c, int64_t survey_id, const std::string& channel,
                                        const Questionnaire& qn, const Answers& answers);
  static Result<int64_t> CountResponses(db::Connection& c, int64_t survey_id);
  static Result<std::vector<Answers>> Responses(db::Connection& c, int64_t survey_id);
  static Result<std::vector<OpenAnswer>> OpenAnswers(db::Connection& c, int64_t survey_id);
  static Result<bool> Moderate(db::Connection& c, int64_t survey_id, int64_t answer_id, bool accept);
};

}  // namespace wp::surveys
