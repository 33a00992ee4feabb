#include "features/advice/demo.h"

#include "core/time/format.h"
#include "features/advice/deadlines.h"

namespace wp::advice {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kAnsweredSubject = "Herinrichting van de Floris van Adrichemlaan";
constexpr const char* kOpenSubject = "Nieuwe speelplekken in Schalkwijk";
constexpr const char* kUnsolicitedTitle = "Veiliger oversteken bij de Europaweg";
constexpr const char* kDraftTitle = "Meer bankjes in de Boerhaavewijk";
constexpr const char* kRemindedSubject = "Openingstijden van het buurthuis De Ringvaart";
constexpr const char* kDraftRequestSubject = "Extra fietsenrekken bij winkelcentrum Schalkwijk";
constexpr const char* kOverdueSubject = "Afvalcontainers onder de grond in de Boerhaavewijk";
constexpr const char* kMemberEmail = "bewoner@demo.wijkplatform.invalid";  // a member (platforms demo)
constexpr const char* kMemberName = "Anouk Jansen (demo)";
// A small PDF: the attachment of the open request.
constexpr const char* kDemoPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

struct Kernteam {
  platforms::Platform platform;
  auth::User user;
};

// The platform of `slug` and its demo kernteam member, or nullopt when the
// platforms demo did not create it.
Result<std::optional<Kernteam>> KernteamOf(const web::DemoSeed& seed, AdviceCommands& commands, const char* slug,
                                           const char* email, const char* name) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug(slug));
  if (!platform) return std::optional<Kernteam>();
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, {}));
  auth::User user{id, email, name, "nl", {{auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}}};
  return std::optional<Kernteam>(Kernteam{*platform, user});
}

RequestForm Form(const std::string& subject, const std::string& questions, const std::string& deadline,
                 int64_t platform_id) {
  return {subject, questions, "advise", deadline, "Samira de Vries (demo)", kLiaisonEmail, false, "", {platform_id}};
}

Result<bool> HasRequest(AdviceCommands& commands, const std::string& subject) {
  WP_ASSIGN_OR_RETURN(auto list, commands.Requests(std::nullopt, 0));
  for (const auto& r : list) {
    if (r.subject == subject) return true;
  }
  return false;
}

Result<auth::User> DemoMember(const web::DemoSeed& seed) {
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(kMemberEmail, kMemberName, {}));
  return auth::User{id, kMemberEmail, kMemberName, "nl", {}};
}

Result<void> AnsweredRequest(AdviceCommands& commands, const auth::User& liaison, const Kernteam& k,
                             const auth::User& member) {
  WP_ASSIGN_OR_RETURN(bool present, HasRequest(commands, kAnsweredSubject));
  if (present) return Ok();
  WP_ASSIGN_OR_RETURN(int64_t id,
                      commands.CreateRequest(liaison, Form(kAnsweredSubject,
                                                           "De laan krijgt nieuwe riolering. Daarna richten "
                                                           "we de straat opnieuw in.\n\nWat vindt u "
                                                           "belangrijk: groen, parkeren of veilig "
                                                           "fietsen?\n\nWaar steken kinderen over?",
                                                           "", k.platform.id)));
  WP_TRY_VOID(commands.SendRequest(liaison, id));
  AdviceForm form{"Advies over de Floris van Adrichemlaan",
                  "Plant aan beide kanten bomen, ook als er daardoor minder parkeerplaatsen zijn.\n\n"
                  "Maak een zebrapad bij basisschool De Ringvaart.\n\n"
                  "Laat de bus over de laan blijven rijden.",
                  "",
                  "Twee bewonersavonden in het buurthuis en een enquete op het wijkplatform.",
                  "2",
                  "64"};
  WP_ASSIGN_OR_RETURN(int64_t advice_id, commands.CreateAdvice(k.user, k.platform, id, form));
  // A werkgroep drafted it (when the platforms demo made the member).
  if (auto added = commands.AddDrafter(k.user, k.platform, advice_id, member.email); !added.has_value()) {
    if (!added.error().has_fields()) return added.error();
  }
  WP_TRY_VOID(commands.SubmitAdvice(k.user, k.platform, advice_id));
  return commands.AnswerAdvice(
      liaison, advice_id,
      {{"adopted",
        "Er komen 24 nieuwe bomen. Er verdwijnen 10 parkeerplaatsen; bewoners kunnen in de garage aan de "
        "Europaweg parkeren."},
       {"partly",
        "Er komt een verhoogde oversteek met een middeneiland. Een zebrapad mag hier volgens de "
        "verkeersregels niet, omdat de bus er rijdt."},
       {"not_ours", "Over de busroute beslist de Vervoerregio. Wij hebben uw advies aan hen doorgestuurd."}});
}

// The members are asked about the open request until its deadline; a member and the kernteam react.
Result<void> InputRound(AdviceCommands& commands, const Kernteam& k, const auth::User& member, int64_t request_id,
                        const std::string& closes) {
  WP_ASSIGN_OR_RETURN(int64_t round,
                      commands.OpenRound(k.user, k.platform, {request_id, std::nullopt},
                                         {"Welke speelplek in de Boerhaavewijk moet eerst aangepakt worden? "
                                          "En waarom?",
                                          closes}));
  if (auto reacted = commands.React(member, k.platform, round,
                                    "Het speelveld aan de Floris van Adrichemlaan. De toestellen zijn oud.\n\n"
                                    "Oudere kinderen willen graag een plek om te voetballen.");
      !reacted.has_value() && reacted.error().code != ErrorCode::kForbidden) {
    return reacted.error();
  }
  return commands.React(k.user, k.platform, round, "Bij de school is het 's middags erg druk. Daar mist een bankje.");
}

Result<void> OpenRequest(AdviceCommands& commands, const auth::User& liaison, const Kernteam& k,
                         const auth::User& member) {
  WP_ASSIGN_OR_RETURN(bool present, HasRequest(commands, kOpenSubject));
  if (present) return Ok();
  // A deadline four days from now: the lists mark it as near.
  std::string deadline = time::DateInputValue(time::AddDays(commands.zone().ToLocal(commands.Now()), 4));
  WP_ASSIGN_OR_RETURN(int64_t id,
                      commands.CreateRequest(liaison, Form(kOpenSubject,
                                                           "De gemeente wil in 2027 drie speelplekken vernieuwen.\n\n"
                                                           "Welke plekken gebruiken kinderen het meest?\n\n"
                                                           "Wat mist er nu voor oudere kinderen?",
                                                           deadline, k.platform.id)));
  WP_TRY_VOID(commands.AttachToRequest(liaison, id, {{"speelplekken-schalkwijk.pdf", kDemoPdf}}));
  WP_TRY_VOID(commands.SendRequest(liaison, id));
  return InputRound(commands, k, member, id, deadline);
}

Result<void> UnsolicitedAdvice(AdviceCommands& commands, const Kernteam& k) {
  WP_ASSIGN_OR_RETURN(auto list, commands.AdvicesOf(k.user, k.platform));
  for (const auto& a : list) {
    if (a.title == kUnsolicitedTitle) return Ok();
  }
  AdviceForm form{kUnsolicitedTitle,
                  "Zet de verkeerslichten bij de Europaweg langer op groen voor voetgangers.\n\n"
                  "Zet borden neer die automobilisten wijzen op de school.",
                  "Wethouder Mobiliteit",
                  "Een schouw met 12 bewoners en de wijkagent.",
                  "1",
                  "12"};
  WP_ASSIGN_OR_RETURN(int64_t id, commands.CreateAdvice(k.user, k.platform, std::nullopt, form));
  return commands.SubmitAdvice(k.user, k.platform, id);
}

// A draft request the gebiedsverbinder is still writing, made with its PDF
// on the create form (its page offers the edit form; only officials see it).
Result<void> DraftRequest(AdviceCommands& commands, const auth::User& liaison, const Kernteam& k) {
  WP_ASSIGN_OR_RETURN(auto list, commands.Requests(liaison, 0));
  for (const auto& r : list) {
    if (r.subject == kDraftRequestSubject) return Ok();
  }
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id,
                      commands.CreateRequest(liaison,
                                             Form(kDraftRequestSubject,
                                                  "Bij het winkelcentrum staan fietsen vaak op de stoep.\n\n"
                                                  "Waar mogen extra fietsenrekken komen?\n\n"
                                                  "Moeten er ook rekken voor bakfietsen komen?",
                                                  "", k.platform.id),
                                             {{"fietsenrekken-schalkwijk.pdf", kDemoPdf}}));
  return Ok();
}

// A draft unsolicited advice the kernteam is still writing (its page offers the edit form).
Result<void> DraftAdvice(AdviceCommands& commands, const Kernteam& k) {
  WP_ASSIGN_OR_RETURN(auto list, commands.AdvicesOf(k.user, k.platform));
  for (const auto& a : list) {
    if (a.title == kDraftTitle) return Ok();
  }
  AdviceForm form{kDraftTitle,
                  "Zet een bankje bij de bushalte aan de Floris van Adrichemlaan.\n\n"
                  "Zet bankjes in de schaduw bij het speelveld.",
                  "Afdeling Openbare Ruimte",
                  "",
                  "",
                  ""};
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, commands.CreateAdvice(k.user, k.platform, std::nullopt, form));
  return Ok();
}

// A request whose advice was submitted `days_ago` days ago and still waits
// for its answer. The advice is made through the commands (mails, history,
// search) and then dated back, with its request's history: the demo shows
// an answer that is nearly due (its reminder was sent) and one that is late.
Result<void> WaitingAdvice(AdviceCommands& commands, db::Database& db, const auth::User& liaison, const Kernteam& k,
                           const char* subject, const std::string& questions, const AdviceForm& form, int days_ago) {
  WP_ASSIGN_OR_RETURN(bool present, HasRequest(commands, subject));
  if (present) return Ok();
  WP_ASSIGN_OR_RETURN(int64_t id, commands.CreateRequest(liaison, Form(subject, questions, "", k.platform.id)));
  WP_TRY_VOID(commands.SendRequest(liaison, id));
  WP_ASSIGN_OR_RETURN(int64_t advice_id, commands.CreateAdvice(k.user, k.platform, id, form));
  WP_TRY_VOID(commands.SubmitAdvice(k.user, k.platform, advice_id));
  int64_t submitted = commands.Now() - int64_t{days_ago} * 86400;
  return db.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, advice_id));
    if (!a) return NotFound("demo advice", "advice.advice.not_found");
    a->submitted_at = submitted;
    a->answer_due_at = AnswerDueAt(commands.zone(), commands.working_days(), submitted, kDefaultAnswerWeeks);
    WP_TRY_VOID(AdviceStore::SaveAdviceState(c, *a));
    // The demo's past: the request was sent two weeks before the advice came in.
    WP_TRY_VOID(c.Execute("UPDATE advice_history SET at = ? WHERE request_id = ?", {submitted - 14 * 86400, id}));
    WP_TRY_VOID(c.Execute("UPDATE advice_history SET at = ? WHERE advice_id = ?", {submitted, advice_id}));
    WP_TRY_VOID(c.Execute("UPDATE advice_requests SET created_at = ?, updated_at = ? WHERE id = ?",
                          {submitted - 14 * 86400, submitted, id}));
    return Ok();
  });
}

// An answer due in a few working days (the reminder goes out) and one more
// than a week late (the overdue mail goes out; the lists mark it late).
Result<void> WaitingAdvices(AdviceCommands& commands, db::Database& db, const auth::User& liaison, const Kernteam& k) {
  WP_TRY_VOID(WaitingAdvice(commands, db, liaison, k, kRemindedSubject,
                            "Het buurthuis wil ook op zaterdag open.\n\nWelke tijden passen bij u?",
                            {"Advies over de openingstijden van het buurthuis",
                             "Open het buurthuis op zaterdag van 10 tot 16 uur.\n\n"
                             "Houd de avonden door de week vrij voor clubs.",
                             "", "Een rondvraag bij de clubs in het buurthuis.", "1", "35"},
                            6 * 7 - 3));
  WP_TRY_VOID(WaitingAdvice(commands, db, liaison, k, kOverdueSubject,
                            "Wij willen ondergrondse containers plaatsen.\n\nWaar mogen ze wel en niet staan?",
                            {"Advies over de ondergrondse containers",
                             "Zet de containers niet voor de ingang van de flats.\n\n"
                             "Maak de klep laag genoeg voor mensen in een rolstoel.",
                             "", "Een wandeling door de wijk met 9 bewoners.", "1", "9"},
                            6 * 7 + 10));
  // The reminder and the overdue mail, as the periodic task would send them.
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int sent, commands.SendReminders());
  return Ok();
}

}  // namespace

Result<void> LoadAdviceDemo(const web::DemoSeed& seed, AdviceCommands& commands, db::Database& db) {
  WP_ASSIGN_OR_RETURN(int64_t liaison_id, seed.ensure_user(kLiaisonEmail, "Samira de Vries (demo)",
                                                           {{auth::Role::kAreaLiaison, "schalkwijk"}}));
  auth::User liaison{
      liaison_id, kLiaisonEmail, "Samira de Vries (demo)", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
  WP_ASSIGN_OR_RETURN(auto boerhaave, KernteamOf(seed, commands, "wijkplatform-boerhaavewijk",
                                                 "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma (demo)"));
  WP_ASSIGN_OR_RETURN(auth::User member, DemoMember(seed));
  if (boerhaave) {
    WP_TRY_VOID(AnsweredRequest(commands, liaison, *boerhaave, member));
    WP_TRY_VOID(OpenRequest(commands, liaison, *boerhaave, member));
    WP_TRY_VOID(WaitingAdvices(commands, db, liaison, *boerhaave));
    WP_TRY_VOID(DraftAdvice(commands, *boerhaave));
    WP_TRY_VOID(DraftRequest(commands, liaison, *boerhaave));
  }
  WP_ASSIGN_OR_RETURN(auto europa, KernteamOf(seed, commands, "wijkplatform-europawijk",
                                              "kernteam.europawijk@demo.wijkplatform.invalid", "Ruud (demo)"));
  if (europa) {
    WP_TRY_VOID(UnsolicitedAdvice(commands, *europa));
  }
  return Ok();
}

}  // namespace wp::advice
