#include "features/contracts/demo.h"

#include "core/time/format.h"

namespace wp::contracts {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";
constexpr const char* kKernteamEmail = "kernteam.boerhaavewijk@demo.wijkplatform.invalid";
constexpr const char* kKernteamName = "Fatma (demo)";

struct DemoCommitment {
  int theme;  // index into the themes
  const char* text;
  const char* party;
  const char* party_name;
  const char* owner;
  const char* owner_email;
  int due_in_days;     // from now; negative: in the past
  const char* status;  // after signing; "" stays agreed
  const char* update;  // the progress update's text
};

const DemoCommitment kCommitments[] = {
    {0, "Elke maand een schoonmaakactie met de buurt", "platform", "Wijkplatform Boerhaavewijk", "Fatma (demo)",
     kKernteamEmail, -40, "done", "Zes acties gehouden, met gemiddeld 14 bewoners. Foto's staan op de nieuwspagina."},
    {0, "Twintig nieuwe bomen in de Floris van Adrichemlaan", "department", "Afdeling Openbare Ruimte",
     "Kees Jansen (demo)", "openbareruimte@demo.wijkplatform.invalid", 30, "in_progress",
     "De bomen zijn besteld. Ze worden in de plantperiode geplant."},
    {0, "Meer afvalbakken bij het winkelcentrum", "department", "Afdeling Openbare Ruimte", "Kees Jansen (demo)",
     "openbareruimte@demo.wijkplatform.invalid", -20, "in_progress",
     "Twee bakken staan er. De derde komt later, omdat de leverancier te laat is."},
    {1, "Een verkeersschouw met bewoners rond de basisschool", "partner", "Politie Haarlem, wijkagent",
     "Wijkagent Bakker (demo)", "wijkagent@demo.wijkplatform.invalid", 5, "", ""},
    {1, "Betere verlichting in het parkje aan de Europaweg", "department", "Afdeling Openbare Ruimte",
     "Kees Jansen (demo)", "openbareruimte@demo.wijkplatform.invalid", -10, "", ""},
    {2, "Portiekgesprekken in de flats aan de Amsterdamstraat", "partner", "Elan Wonen", "Ria Smit (demo)",
     "elanwonen@demo.wijkplatform.invalid", -5, "dropped",
     "Elan Wonen heeft de flats verkocht. De nieuwe eigenaar doet dit zelf; wij sluiten aan."},
    {2, "Een buurtfeest op de Dag van de Buren", "platform", "Wijkplatform Boerhaavewijk", "Fatma (demo)",
     kKernteamEmail, 60, "", ""},
};

const char* const kThemes[] = {"Groen en schoon", "Veilig en verkeer", "Samen in de wijk"};

Result<void> AddContent(ContractCommands& commands, const auth::User& kernteam, const auth::User& liaison, int64_t id) {
  std::vector<int64_t> themes;
  for (const char* t : kThemes) {
    WP_ASSIGN_OR_RETURN(int64_t theme, commands.AddTheme(kernteam, id, t));
    themes.push_back(theme);
  }
  int64_t now = commands.Now();
  for (const auto& d : kCommitments) {
    std::string due = time::DateInputValue(time::AddDays(commands.zone().ToLocal(now), d.due_in_days));
    CommitmentForm f{std::to_string(themes[d.theme]), d.text, d.party, d.party_name, d.owner, d.owner_email, due};
    if (auto m = commands.AddCommitment(liaison, id, f, ""); !m.has_value()) return m.error();
  }
  if (auto approved = commands.Approve(kernteam, id); !approved.has_value()) return approved.error();
  return Ok();
}

}  // namespace

Result<void> LoadContractsDemo(const web::DemoSeed& seed, ContractCommands& commands) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug("wijkplatform-boerhaavewijk"));
  if (!platform) return Ok();
  int year = commands.zone().ToLocal(commands.Now() - 90 * 86400).year;
  WP_ASSIGN_OR_RETURN(auto existing, commands.Contracts(std::nullopt, platform->id));
  for (const auto& c : existing) {
    if (c.year == year) return Ok();
  }
  const std::vector<auth::RoleGrant> liaison_grants = {{auth::Role::kAreaLiaison, "schalkwijk"}};
  WP_ASSIGN_OR_RETURN(int64_t liaison_id, seed.ensure_user(kLiaisonEmail, kLiaisonName, liaison_grants));
  auth::User liaison{liaison_id, kLiaisonEmail, kLiaisonName, "nl", liaison_grants};
  const std::vector<auth::RoleGrant> kernteam_grants = {
      {auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}};
  WP_ASSIGN_OR_RETURN(int64_t kernteam_id, seed.ensure_user(kKernteamEmail, kKernteamName, kernteam_grants));
  auth::User kernteam{kernteam_id, kKernteamEmail, kKernteamName, "nl", kernteam_grants};
  ContractForm form{std::to_string(year), "Wijkcontract Boerhaavewijk " + std::to_string(year), kLiaisonName,
                    kLiaisonEmail};
  WP_ASSIGN_OR_RETURN(int64_t id, commands.CreateContract(liaison, *platform, form));
  WP_TRY_VOID(AddContent(commands, kernteam, liaison, id));
  WP_ASSIGN_OR_RETURN(bool signed_now, commands.Approve(liaison, id));
  if (!signed_now) return Internal("demo contract not signed");
  WP_ASSIGN_OR_RETURN(ContractView v, commands.ContractOf(liaison, id));
  for (size_t i = 0; i < v.commitments.size(); ++i) {
    // The commitments come back by theme, then due date: match them by text.
    for (const auto& d : kCommitments) {
      if (v.commitments[i].text != d.text || *d.status == '\0') continue;
      if (std::string(d.status) == "done") {
        WP_TRY_VOID(commands.Report(kernteam, v.commitments[i].id, {"in_progress", "We zijn begonnen."}));
      }
      WP_TRY_VOID(commands.Report(liaison, v.commitments[i].id, {d.status, d.update}));
    }
  }
  // One amendment: fewer trees, for a reason.
  for (const auto& m : v.commitments) {
    if (m.text != kCommitments[1].text) continue;
    AmendForm amend{"Vijftien nieuwe bomen in de Floris van Adrichemlaan", m.owner_name, m.owner_email,
                    time::LastDayInputValue(commands.zone(), m.due_at),
                    "Onder de stoep liggen kabels. Op vijf plekken kan geen boom staan."};
    WP_TRY_VOID(commands.Amend(liaison, m.id, amend));
  }
  return Ok();
}

}  // namespace wp::contracts
