#include "features/surveys/demo.h"

namespace wp::surveys {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";

Question Choice(QuestionKind kind, std::string text, std::vector<std::string> options) {
  Question q;
  q.kind = kind;
  q.text = std::move(text);
  q.options = std::move(options);
  q.max_choices = static_cast<int>(q.options.size());
  q.scale_points = 5;
  q.low_label = "Heel slecht";
  q.high_label = "Heel goed";
  q.max_length = 300;
  return q;
}

// The finished survey: 88 answers; the 6 "Weet ik niet" are hidden, with the 12 "Liever iets anders".
Result<void> Finished(SurveyCommands& c, const std::optional<auth::User>& who) {
  WP_ASSIGN_OR_RETURN(int64_t id, c.Create(who, {"Draagvlak voor het Speelplein Molenwijk",
                                                 "Wilt u een nieuw speelplein op het grasveld aan de Molenstraat?",
                                                 "WK039205", Mode::kOpen}));
  WP_ASSIGN_OR_RETURN(int64_t support, c.AddQuestion(who, id,
                                                     Choice(QuestionKind::kSingle, "Steunt u het plan?",
                                                            {"Ja", "Nee", "Weet ik niet", "Liever iets anders"})));
  WP_ASSIGN_OR_RETURN(int64_t mark,
                      c.AddQuestion(who, id, Choice(QuestionKind::kScale, "Hoe vindt u het grasveld nu?", {})));
  Question why = Choice(QuestionKind::kOpen, "Waarom bent u tegen?", {});
  why.condition = Condition{support, 1};
  WP_ASSIGN_OR_RETURN(int64_t why_id, c.AddQuestion(who, id, why));
  WP_TRY_VOID(c.Change(who, id, Action::kOpen));
  for (int i = 0; i < 88; ++i) {
    int choice = i < 40 ? 0 : (i < 70 ? 1 : (i < 76 ? 2 : 3));
    Answers a{{support, {{choice}}}, {mark, {{}, 1 + i % 5}}};
    if (choice == 1) a[why_id] = Answer{{}, 0, i % 2 ? "Ik wil het groen houden." : "Te veel lawaai in de avond."};
    WP_TRY_VOID(c.EnterPaper(who, id, "", a));
  }
  WP_ASSIGN_OR_RETURN(auto open, c.OpenAnswers(who, id));
  for (size_t i = 0; i < open.size(); ++i) {
    WP_TRY_VOID(c.Moderate(who, id, open[i].id, i < 2));
  }
  WP_TRY_VOID(c.Change(who, id, Action::kClose));
  return c.Change(who, id, Action::kPublish);
}

Result<void> Others(SurveyCommands& c, const std::optional<auth::User>& who) {
  WP_ASSIGN_OR_RETURN(int64_t open,
                      c.Create(who, {"Peiling: groen in Schalkwijk", "Wat vindt u belangrijk?", "", Mode::kOpen}));
  Question wishes =
      Choice(QuestionKind::kMultiple, "Wat wilt u meer in uw buurt?", {"Bomen", "Bankjes", "Speeltoestellen"});
  wishes.min_choices = 1;
  wishes.max_choices = 2;
  WP_TRY_VOID(c.AddQuestion(who, open, wishes));
  WP_TRY_VOID(c.AddQuestion(
      who, open, Choice(QuestionKind::kRanking, "Zet in volgorde: wat eerst?", {"Schoon", "Heel", "Veilig"})));
  WP_TRY_VOID(c.Change(who, open, Action::kOpen));

  WP_ASSIGN_OR_RETURN(int64_t code, c.Create(who, {"Peiling met brief: parkeren Europawijk", "", "", Mode::kCode}));
  WP_TRY_VOID(c.AddQuestion(who, code, Choice(QuestionKind::kSingle, "Wilt u betaald parkeren?", {"Ja", "Nee"})));
  WP_TRY_VOID(c.MakeLetters(who, code, "adres\nEuropaweg 1\nEuropaweg 2\nEuropaweg 3\nEuropaweg 4\n", 3));
  WP_TRY_VOID(c.Change(who, code, Action::kOpen));

  WP_ASSIGN_OR_RETURN(int64_t draft, c.Create(who, {"Concept: verkeer rond de school", "", "", Mode::kOpen}));
  WP_TRY_VOID(c.AddQuestion(who, draft,
                            Choice(QuestionKind::kSingle, "Voelt u zich veilig op straat?", {"Ja", "Soms", "Nee"})));
  return Ok();
}

// A panel survey for the forums demo's forum with members (when the forums demo has one): open, so
// every member got a personal code by e-mail (in the outbox), and the official can send codes to new
// members.
Result<void> Panel(SurveyCommands& c, const std::optional<auth::User>& who) {
  WP_ASSIGN_OR_RETURN(auto panels, c.Panels(who));
  const forums::PanelChoice* chosen = nullptr;
  for (const auto& p : panels) {
    if (p.members > 0 && chosen == nullptr) chosen = &p;
  }
  if (chosen == nullptr) return Ok();
  SurveyInput in{"Panelpeiling: wat eerst in " + chosen->area + "?",
                 "Een korte peiling voor de leden van " + chosen->name + ".", "", Mode::kPanel, chosen->id};
  WP_ASSIGN_OR_RETURN(int64_t id, c.Create(who, in));
  WP_TRY_VOID(c.AddQuestion(who, id,
                            Choice(QuestionKind::kRanking, "Wat moet het forum eerst aanpakken?",
                                   {"Groen in de straat", "Veilig oversteken", "Een plek om elkaar te ontmoeten"})));
  WP_TRY_VOID(c.AddQuestion(who, id, Choice(QuestionKind::kScale, "Hoe gaat het overleg in het forum?", {})));
  return c.Change(who, id, Action::kOpen);
}

}  // namespace

Result<void> LoadSurveysDemo(const web::DemoSeed& seed, SurveyCommands& commands, SurveyCommands& past) {
  WP_ASSIGN_OR_RETURN(auto existing, commands.List(std::nullopt));
  if (!existing.empty()) return Ok();
  // Schalkwijk for the surveys; the stadsdelen of the forums demo (same official) for the panel survey.
  const std::vector<auth::RoleGrant> grants{{auth::Role::kAreaLiaison, "schalkwijk"},
                                            {auth::Role::kAreaLiaison, "zuidwest"},
                                            {auth::Role::kAreaLiaison, "centrum"}};
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(kLiaisonEmail, kLiaisonName, grants));
  std::optional<auth::User> who = auth::User{id, kLiaisonEmail, kLiaisonName, "nl", grants};
  WP_ASSIGN_OR_RETURN(auto all, commands.List(who));
  if (!all.empty()) return Ok();
  WP_TRY_VOID(Finished(past, who));
  WP_TRY_VOID(Others(commands, who));
  return Panel(commands, who);
}

}  // namespace wp::surveys
