#include "features/surveys/commands.h"

#include <algorithm>
#include <set>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/codes/address_list.h"
#include "features/codes/code_format.h"
#include "features/codes/print_file.h"
#include "features/surveys/panel.h"

namespace wp::surveys {

namespace {

constexpr int kMaxSample = 20000;

Error Field(const std::string& field, const std::string& key, std::string detail) {
  return FormInvalid({{field, key}}, std::move(detail));
}

std::string CodeHash(int64_t survey_id, const std::string& canonical) {
  return Sha256Hex("survey:" + std::to_string(survey_id) + ":" + canonical);
}

std::string CellText(const Cell& c, const std::string& fewer) { return c.shown ? std::to_string(c.count) : fewer; }

}  // namespace

Result<Survey> SurveyCommands::ForEdit(db::Connection& c, const std::optional<auth::User>& user, int64_t survey_id,
                                       Action action) const {
  if (!CanManage(user)) return Forbidden("not an official");
  WP_ASSIGN_OR_RETURN(auto s, SurveyStore::Find(c, survey_id));
  if (!s) return NotFound("no such survey");
  if (!Allows(s->status, action)) return Conflict("wrong status", "surveys.error.wrong_status");
  return *s;
}

Result<int64_t> SurveyCommands::Create(const std::optional<auth::User>& user, const SurveyInput& in) {
  if (!CanManage(user)) return Forbidden("not an official");
  Survey s;
  s.title = std::string(Trim(in.title));
  s.intro = std::string(Trim(in.intro));
  s.district_code = std::string(Trim(in.district_code));
  s.mode = in.mode;
  if (s.mode == Mode::kPanel) s.panel_forum_id = in.panel_id;
  s.created_by = user->id;
  s.created_at = clock_.NowUnixSeconds();
  std::vector<FieldError> errors;
  if (s.title.empty()) errors.push_back({"title", "surveys.error.required"});
  if (CountChars(s.title) > static_cast<size_t>(kMaxTextChars) || CountChars(s.intro) > 4000) {
    errors.push_back({CountChars(s.title) > static_cast<size_t>(kMaxTextChars) ? "title" : "intro",
                      "surveys.error.too_long",
                      {{"max", int64_t{kMaxTextChars}}}});
  }
  if (!IsValidUtf8(s.title) || HasControlCharacters(s.title, false))
    errors.push_back({"title", "surveys.error.bad_characters"});
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    if (s.mode == Mode::kPanel) WP_TRY_VOID(CheckPanel(c, *user, s));
    return SurveyStore::Insert(c, s);
  });
}

Result<void> SurveyCommands::CheckPanel(db::Connection& c, const auth::User& user, const Survey& s) const {
  if (!s.panel_forum_id) return Field("panel", "surveys.error.panel_required", "no panel chosen");
  WP_ASSIGN_OR_RETURN(auto panel, forums::FindPanelChoice(c, user, *s.panel_forum_id, clock_.NowUnixSeconds()));
  if (!panel) return Field("panel", "surveys.error.panel_required", "not a panel of this official");
  if (panel->members == 0) return Field("panel", "surveys.error.panel_empty", "a panel without members");
  return Ok();
}

Result<std::vector<forums::PanelChoice>> SurveyCommands::Panels(const std::optional<auth::User>& user) const {
  if (!CanManage(user)) return Forbidden("not an official");
  return db_.Read([&](db::Connection& c) { return forums::PanelChoices(c, *user, clock_.NowUnixSeconds()); });
}

Result<int64_t> SurveyCommands::MailPanelCodes(db::Connection& c, const Survey& s) {
  if (s.mode != Mode::kPanel || !s.panel_forum_id) return Conflict("not a panel survey", "surveys.error.wrong_status");
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto members, forums::CurrentPanelMembers(c, *s.panel_forum_id, now));
  WP_ASSIGN_OR_RETURN(auto sent, SurveyStore::PanelSentOf(c, s.id));
  std::vector<PanelRecipient> all;
  for (const auto& m : members) all.push_back({m.id, m.email, m.name});
  auto recipients = WhoGetsACode(all, sent.members, sent.address_hashes);
  for (const auto& r : recipients) {
    std::string code = codes::GenerateCode(random_);
    WP_TRY_VOID(SurveyStore::InsertCode(c, s.id, CodeHash(s.id, code)));
    WP_TRY_VOID(SurveyStore::InsertPanelSent(c, s.id, r.member_id, AddressKey(r.email)));
    i18n::Args args{{"name", r.name},
                    {"title", s.title},
                    {"code", codes::FormatGrouped(code)},
                    {"link", settings_.base_url + "/peilingen/" + std::to_string(s.id) + "?code=" + code}};
    mail::OutgoingMail m;
    m.to = r.email;
    m.subject = settings_.site_name + ": " + catalog_.Format("nl", "surveys.mail.code_subject", args);
    m.body_text = catalog_.Format("nl", "surveys.mail.code_body", args) + "\n";
    // The address is the one the member gave the forum, and the code works only once, like a sign-in
    // link: sent before the address is verified (core/mail/addresses.h), else it would wait for a check
    // the member never gets.
    m.proves_control = true;
    WP_TRY_VOID(mail::Enqueue(c, m, now));
  }
  WP_TRY_VOID(SurveyStore::AddLetters(c, s.id, static_cast<int64_t>(recipients.size())));
  return static_cast<int64_t>(recipients.size());
}

Result<int64_t> SurveyCommands::SendPanelCodes(const std::optional<auth::User>& user, int64_t survey_id) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Survey s, ForEdit(c, user, survey_id, Action::kSendPanelCodes));
    return MailPanelCodes(c, s);
  });
}

Result<Survey> SurveyCommands::Get(int64_t id) const {
  WP_ASSIGN_OR_RETURN(auto s, db_.Read([&](db::Connection& c) { return SurveyStore::Find(c, id); }));
  if (!s) return NotFound("no such survey");
  return *s;
}

Result<std::vector<Survey>> SurveyCommands::List(const std::optional<auth::User>& user) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([](db::Connection& c) { return SurveyStore::List(c); }));
  if (CanManage(user)) return all;
  std::vector<Survey> out;
  for (auto& s : all) {
    if (s.status == Status::kOpen || s.status == Status::kPublished) out.push_back(std::move(s));
  }
  return out;
}

Result<Questionnaire> SurveyCommands::Questions(int64_t survey_id) const {
  return db_.Read([&](db::Connection& c) { return SurveyStore::Questions(c, survey_id); });
}

Result<int64_t> SurveyCommands::AddQuestion(const std::optional<auth::User>& user, int64_t survey_id, Question q) {
  auto own = CheckQuestion(q);
  if (!own.empty()) return FormInvalid(std::move(own));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_TRY_VOID(ForEdit(c, user, survey_id, Action::kEditQuestions));
    WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, survey_id));
    q.id = -1;  // not stored yet; conditions cannot point to it
    qn.questions.push_back(q);
    if (!CheckQuestionnaire(qn).has_value()) return Field("condition", "surveys.error.condition_earlier", "condition");
    return SurveyStore::InsertQuestion(c, survey_id, static_cast<int>(qn.questions.size()), q);
  });
}

Result<void> SurveyCommands::SaveQuestion(const std::optional<auth::User>& user, int64_t survey_id, const Question& q) {
  auto own = CheckQuestion(q);
  if (!own.empty()) return FormInvalid(std::move(own));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ForEdit(c, user, survey_id, Action::kEditQuestions));
    WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, survey_id));
    int at = qn.IndexOf(q.id);
    if (at < 0) return NotFound("no such question");
    qn.questions[static_cast<size_t>(at)] = q;
    auto whole = CheckQuestionnaire(qn);
    if (!whole.has_value()) {
      bool own_field = whole.error().fields.front().field == FieldName(q.id);
      return Field(
          "condition",
          own_field ? whole.error().fields.front().message_key : std::string("surveys.error.question_has_followers"),
          "questionnaire");
    }
    return SurveyStore::UpdateQuestion(c, q);
  });
}

Result<void> SurveyCommands::MoveQuestion(const std::optional<auth::User>& user, int64_t survey_id, int64_t question_id,
                                          int by) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ForEdit(c, user, survey_id, Action::kEditQuestions));
    WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, survey_id));
    int at = qn.IndexOf(question_id);
    if (at < 0) return NotFound("no such question");
    int to = at + (by < 0 ? -1 : 1);
    if (to < 0 || to >= static_cast<int>(qn.questions.size())) return Ok();
    std::swap(qn.questions[static_cast<size_t>(at)], qn.questions[static_cast<size_t>(to)]);
    if (!CheckQuestionnaire(qn).has_value()) {
      return Conflict("a condition would point forward", "surveys.error.move_breaks_condition");
    }
    for (size_t i = 0; i < qn.questions.size(); ++i) {
      WP_TRY_VOID(SurveyStore::SetPosition(c, qn.questions[i].id, static_cast<int>(i + 1)));
    }
    return Ok();
  });
}

Result<void> SurveyCommands::RemoveQuestion(const std::optional<auth::User>& user, int64_t survey_id,
                                            int64_t question_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ForEdit(c, user, survey_id, Action::kEditQuestions));
    WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, survey_id));
    if (qn.IndexOf(question_id) < 0) return NotFound("no such question");
    for (const auto& q : qn.questions) {
      if (q.condition && q.condition->question_id == question_id) {
        return Conflict("a condition depends on it", "surveys.error.question_has_followers");
      }
    }
    return SurveyStore::DeleteQuestion(c, question_id);
  });
}

Result<void> SurveyCommands::Change(const std::optional<auth::User>& user, int64_t survey_id, Action action) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    if (!CanManage(user)) return Forbidden("not an official");
    WP_ASSIGN_OR_RETURN(auto s, SurveyStore::Find(c, survey_id));
    if (!s) return NotFound("no such survey");
    WP_ASSIGN_OR_RETURN(Status next, Next(s->status, action));
    if (action == Action::kOpen) {
      WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, survey_id));
      if (qn.questions.empty()) return Conflict("no questions", "surveys.error.no_questions");
      WP_TRY_VOID(CheckQuestionnaire(qn));
      if (s->mode == Mode::kCode && s->letters == 0) return Conflict("no codes", "surveys.error.no_letters");
      if (s->mode == Mode::kPanel) {
        WP_ASSIGN_OR_RETURN(int64_t sent, MailPanelCodes(c, *s));
        if (sent + s->letters == 0) return Conflict("a panel without members", "surveys.error.panel_empty");
      }
    }
    return SurveyStore::SetStatus(c, survey_id, next, clock_.NowUnixSeconds());
  });
}

Result<std::vector<Letter>> SurveyCommands::MakeLetters(const std::optional<auth::User>& user, int64_t survey_id,
                                                        const std::string& address_csv, int sample) {
  if (sample < 1 || sample > kMaxSample) {
    return FormInvalid({{"sample", "surveys.error.sample", {{"max", int64_t{kMaxSample}}}}});
  }
  WP_ASSIGN_OR_RETURN(codes::AddressList list, codes::ParseAddressCsv(address_csv));
  // Uniform sample without replacement: a partial Fisher-Yates shuffle.
  std::vector<size_t> order(list.addresses.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  size_t n = std::min(order.size(), static_cast<size_t>(sample));
  for (size_t i = 0; i < n; ++i) std::swap(order[i], order[i + random_.Uniform(order.size() - i)]);
  std::vector<Letter> letters;
  for (size_t i = 0; i < n; ++i) letters.push_back({list.addresses[order[i]], codes::GenerateCode(random_)});
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Survey s, ForEdit(c, user, survey_id, Action::kMakeLetters));
    if (s.mode != Mode::kCode) return Conflict("not a code survey", "surveys.error.wrong_status");
    for (const auto& l : letters) {
      WP_TRY_VOID(SurveyStore::InsertCode(c, survey_id, CodeHash(survey_id, l.code)));
    }
    return SurveyStore::AddLetters(c, survey_id, static_cast<int64_t>(letters.size()));
  }));
  return letters;
}

Result<void> SurveyCommands::Record(db::Connection& c, const Survey& s, const std::string& key_hash,
                                    const std::string& code, const Answers& answers, const std::string& channel) const {
  WP_ASSIGN_OR_RETURN(Questionnaire qn, SurveyStore::Questions(c, s.id));
  WP_ASSIGN_OR_RETURN(Answers clean, CheckAnswers(qn, answers));
  if (s.mode == Mode::kOpen) {
    if (!key_hash.empty()) {
      WP_ASSIGN_OR_RETURN(bool first, SurveyStore::AddParticipant(c, s.id, key_hash));
      if (!first) return Conflict("answered before", "surveys.error.already_answered");
    }
  } else {
    auto canonical = codes::NormaliseTyped(code);
    if (!canonical) return Field("code", "surveys.error.code_unknown", "malformed code");
    WP_ASSIGN_OR_RETURN(auto row, SurveyStore::FindCode(c, s.id, CodeHash(s.id, *canonical)));
    if (!row) return Field("code", "surveys.error.code_unknown", "unknown code");
    WP_ASSIGN_OR_RETURN(bool first, SurveyStore::UseCode(c, row->id));
    if (!first) return Conflict("code used", "surveys.error.code_used");
  }
  WP_TRY_VOID(SurveyStore::InsertResponse(c, s.id, channel, qn, clean));
  return Ok();
}

Result<void> SurveyCommands::Submit(int64_t survey_id, const Respondent& who, const Answers& answers) {
  std::string key;
  if (who.user_id)
    key = Sha256Hex("user:" + std::to_string(*who.user_id));
  else if (!who.browser_token.empty())
    key = Sha256Hex("browser:" + who.browser_token);
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto s, SurveyStore::Find(c, survey_id));
    if (!s) return NotFound("no such survey");
    if (!Allows(s->status, Action::kAnswer)) return Conflict("not open", "surveys.error.not_open");
    if (s->mode == Mode::kOpen && key.empty()) return InvalidInput("no respondent", "surveys.error.no_cookie");
    return Record(c, *s, key, who.code, answers, "online");
  });
}

Result<void> SurveyCommands::EnterPaper(const std::optional<auth::User>& user, int64_t survey_id,
                                        const std::string& code, const Answers& answers) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Survey s, ForEdit(c, user, survey_id, Action::kEnterPaper));
    return Record(c, s, "", code, answers, "paper");
  });
}

Result<std::vector<OpenAnswer>> SurveyCommands::OpenAnswers(const std::optional<auth::User>& user,
                                                            int64_t survey_id) const {
  if (!CanManage(user)) return Forbidden("not an official");
  return db_.Read([&](db::Connection& c) { return SurveyStore::OpenAnswers(c, survey_id); });
}

Result<void> SurveyCommands::Moderate(const std::optional<auth::User>& user, int64_t survey_id, int64_t answer_id,
                                      bool accept) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ForEdit(c, user, survey_id, Action::kModerate));
    WP_ASSIGN_OR_RETURN(bool found, SurveyStore::Moderate(c, survey_id, answer_id, accept));
    if (!found) return NotFound("no such open answer");
    return Ok();
  });
}

Result<Results> SurveyCommands::ResultsOf(const std::optional<auth::User>& user, int64_t survey_id) const {
  return db_.Read([&](db::Connection& c) -> Result<Results> {
    WP_ASSIGN_OR_RETURN(auto s, SurveyStore::Find(c, survey_id));
    if (!s) return NotFound("no such survey");
    bool may =
        Allows(s->status, Action::kSeeResultsPublic) || (CanManage(user) && Allows(s->status, Action::kSeeResults));
    if (!may) return NotFound("no results yet", "surveys.error.no_results_yet");
    Results r;
    r.survey = *s;
    WP_ASSIGN_OR_RETURN(r.questionnaire, SurveyStore::Questions(c, survey_id));
    WP_ASSIGN_OR_RETURN(auto responses, SurveyStore::Responses(c, survey_id));
    r.tally = Tally(r.questionnaire, responses);
    std::set<int64_t> texts;
    for (const auto& q : r.tally.questions) {
      if (q.texts_shown) texts.insert(q.question_id);
    }
    WP_ASSIGN_OR_RETURN(auto open, SurveyStore::OpenAnswers(c, survey_id));
    for (auto& a : open) {
      if (a.moderation == "accepted" && texts.count(a.question_id)) r.accepted.push_back(std::move(a));
    }
    if (s->mode != Mode::kOpen) r.letters = s->letters;
    return r;
  });
}

std::string SurveyCommands::ResultsCsv(const Results& results, const CsvLabels& labels) {
  std::string out = codes::CsvField(labels.question) + "," + codes::CsvField(labels.answer) + "," +
                    codes::CsvField(labels.count) + "\n";
  for (size_t i = 0; i < results.tally.questions.size(); ++i) {
    const QuestionResult& r = results.tally.questions[i];
    const Question& q = results.questionnaire.questions[i];
    auto row = [&](const std::string& answer, const Cell& cell) {
      out += codes::CsvField(q.text) + "," + codes::CsvField(answer) + "," + CellText(cell, labels.fewer_than) + "\n";
    };
    bool two = q.kind == QuestionKind::kMultiple || q.kind == QuestionKind::kOpen;
    for (size_t k = 0; k < r.main.cells.size(); ++k) {
      std::string answer;
      if (k + 1 == r.main.cells.size())
        answer = labels.no_answer;
      else if (two)
        answer = labels.answered;
      else if (q.kind == QuestionKind::kScale)
        answer = std::to_string(k + 1);
      else
        answer = q.options[k];
      row(answer, r.main.cells[k]);
    }
    for (size_t k = 0; k < r.per_option.size(); ++k) row(q.options[k], r.per_option[k].cells[0]);
  }
  return out;
}

}  // namespace wp::surveys
