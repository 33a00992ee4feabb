#include "features/challenges/demo.h"

#include <vector>

#include "core/clock.h"

namespace wp::challenges {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";

struct DemoChallenge {
  const char* task;
  const char* area;
  const char* group;
  const char* estimate;
  Stage stage;   // how far it gets
  int days_ago;  // when it was submitted and taken to its stage
  std::vector<int> reports_days_ago;  // monitoring reports of a running challenge
};

const DemoChallenge kChallenges[] = {
    {"Het groen in het Zaanenpark onderhouden, samen met mensen die werk zoeken", "Zaanenpark", "Buurtgroep Zaanenpark",
     "2800", Stage::kGate, 5, {}},
    {"De speeltuin aan de Amsterdamstraat beheren en openhouden", "Speeltuin Amsterdamstraat",
     "Stichting Speeltuin Schalkwijk", "9000", Stage::kBusinessCase, 30, {}},
    {"De bloembakken op het Floriadeplein verzorgen", "Floriadeplein", "Bewoners Floriadeplein", "2500",
     Stage::kAgreement, 45, {}},
    {"Het buurthuis De Ringvaart openen en beheren", "Buurthuis De Ringvaart", "Stichting De Ringvaart", "24000",
     Stage::kRunning, 120, {30}},
    // Its second report is late.
    {"Het hondenlosloopveld in het Reinaldapark bijhouden", "Reinaldapark", "Hondenbezitters Reinaldapark", "4000",
     Stage::kRunning, 200, {105}},
    // Its first report is due within two weeks.
    {"De moestuin achter de Boerhaavewijk beheren", "Moestuin Boerhaavewijk", "Tuingroep Boerhaave", "3500",
     Stage::kRunning, 85, {}},
    {"De straatverlichting in de Molenwijk zelf onderhouden", "Molenwijk", "Bewoners Molenwijk", "15000",
     Stage::kStopped, 60, {}},
};

Result<void> Check(ChallengeCommands& commands, const auth::User& liaison, int64_t id, const char* criterion,
                   const char* reason) {
  return commands.RecordCheck(liaison, id, criterion, "yes", reason);
}

Result<void> PassGate(ChallengeCommands& commands, const auth::User& liaison, int64_t id) {
  WP_TRY_VOID(Check(commands, liaison, id, "rooted", "De groep is sinds 2019 actief in de buurt."));
  WP_TRY_VOID(Check(commands, liaison, id, "cost", "De groep vraagt minder dan wat de gemeente nu uitgeeft."));
  WP_TRY_VOID(Check(commands, liaison, id, "legal_entity", "De groep is een stichting."));
  WP_TRY_VOID(
      Check(commands, liaison, id, "transferable", "Dit is geen wettelijke taak; de gemeente mag het overdragen."));
  return commands.Decide(liaison, id, "gate", "go", "Alle voorwaarden zijn in orde.");
}

// Takes the challenge `id` to `stage`.
Result<void> Advance(ChallengeCommands& commands, const auth::User& liaison, const auth::User& contact, int64_t id,
                     Stage stage) {
  if (stage == Stage::kGate) {
    WP_TRY_VOID(Check(commands, liaison, id, "rooted", "De buurtgroep bestaat sinds 2021."));
    return commands.RecordCheck(liaison, id, "transferable", "yes", "Groenonderhoud mag de gemeente overdragen.");
  }
  if (stage == Stage::kStopped) {
    return commands.Decide(
        liaison, id, "gate", "no_go",
        "Straatverlichting moet veilig zijn volgens de wet. Die taak kan de gemeente niet overdragen.");
  }
  WP_TRY_VOID(PassGate(commands, liaison, id));
  BusinessCaseForm form{"Vrijwilligersvergoeding;1200\nMateriaal;800\nVerzekering;300", "3000",
                        "Als er te weinig vrijwilligers zijn, valt het onderhoud stil. Dan neemt de gemeente het "
                        "tijdelijk over.",
                        "Elke week een ronde. Klachten binnen twee werkdagen opgelost."};
  WP_TRY_VOID(commands.SaveBusinessCase(contact, id, form));
  if (stage == Stage::kBusinessCase) return Ok();
  WP_TRY_VOID(commands.Decide(liaison, id, "business_case", "go", "De groep doet het voor minder geld."));
  if (stage == Stage::kAgreement) return Ok();
  return commands.Decide(liaison, id, "start", "go", "De overeenkomst is getekend.");
}

}  // namespace

Result<void> LoadChallengesDemo(const web::DemoSeed& seed, ChallengeCommands& commands) {
  bool schalkwijk = false;
  for (const auto& [slug, name] : commands.Boroughs()) schalkwijk = schalkwijk || slug == "schalkwijk";
  if (!schalkwijk) return Ok();
  WP_ASSIGN_OR_RETURN(auto existing, commands.All());
  const std::vector<auth::RoleGrant> grants = {{auth::Role::kAreaLiaison, "schalkwijk"}};
  WP_ASSIGN_OR_RETURN(int64_t liaison_id, seed.ensure_user(kLiaisonEmail, kLiaisonName, grants));
  auth::User liaison{liaison_id, kLiaisonEmail, kLiaisonName, "nl", grants};
  const std::string contact_email = "uitdaging@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(int64_t contact_id, seed.ensure_user(contact_email, "Anouk (demo)", {}));
  auth::User contact{contact_id, contact_email, "Anouk (demo)", "nl", {}};
  // The same commands on a clock of their own, so the challenges have a past.
  const int64_t now = seed.clock->NowUnixSeconds();
  FakeClock clock(now);
  ChallengeCommands past = commands.OnClock(clock);
  auto day = [&](int days_ago) { clock.Set(now - static_cast<int64_t>(days_ago) * 86400); };
  for (const auto& d : kChallenges) {
    bool present = false;
    for (const auto& c : existing) present = present || c.task == d.task;
    if (present) continue;
    ChallengeForm form{d.task,     d.area,         "schalkwijk", d.group, d.stage == Stage::kGate ? "" : "1",
                       d.estimate, "Anouk (demo)", contact_email};
    day(d.days_ago);
    WP_ASSIGN_OR_RETURN(int64_t id, past.Submit(contact, form));
    WP_TRY_VOID(Advance(past, liaison, contact, id, d.stage));
    int n = 0;
    for (int report_day : d.reports_days_ago) {
      day(report_day);
      std::string period = "Kwartaal " + std::to_string(++n);
      WP_TRY_VOID(past.AddReport(contact, id, period, "We waren 40 dagen open en hadden 320 bezoekers.", "550"));
    }
  }
  return Ok();
}

}  // namespace wp::challenges
