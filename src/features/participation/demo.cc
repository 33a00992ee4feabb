#include "features/participation/demo.h"

#include "core/time/format.h"

namespace wp::participation {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";
constexpr const char* kAdminEmail = "beheerder@demo.wijkplatform.invalid";
constexpr const char* kAdminName = "Beheerder (demo)";

// The local date `days` from today, "YYYY-MM-DD".
std::string Day(const ProjectCommands& commands, int days) {
  auto today = time::ParseDateInput(commands.Today());
  return time::DateInputValue(time::AddDays(*today, days));
}

Result<auth::User> DemoUser(const web::DemoSeed& seed, const char* email, const char* name,
                            std::vector<auth::RoleGrant> grants) {
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, grants));
  return auth::User{id, email, name, "nl", std::move(grants)};
}

// The Boerhaavewijk's kernteam asks for e-mail about new projects.
Result<void> Subscribe(const web::DemoSeed& seed, ProjectCommands& commands) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug("wijkplatform-boerhaavewijk"));
  if (!platform) return Ok();
  WP_ASSIGN_OR_RETURN(auth::User kernteam, DemoUser(seed, "kernteam.boerhaavewijk@demo.wijkplatform.invalid",
                                                    "Fatma Yilmaz (demo)",
                                                    {{auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}}));
  return commands.Subscribe(kernteam, platform->id, true);
}

ProjectForm Park(const ProjectCommands& commands) {
  return {"Vernieuwing Boerhaavepark",
          "Het Boerhaavepark krijgt nieuwe paden, meer groen en een plek om te sporten.",
          {"WK039219"},
          "Afdeling Openbare Ruimte",
          kLiaisonName,
          kLiaisonEmail,
          "co_decide",
          "Waar de sportplek en de speeltoestellen komen. Welke bomen en planten er komen. Een bewonersgroep kiest "
          "samen met de gemeente het ontwerp.",
          "Het geld: 450.000 euro. De grote bomen blijven staan. Het park blijft open tijdens het werk.",
          "Het wijkplatform zit in de bewonersgroep en nodigt de buurt uit voor de ontwerpavonden.",
          {{"Ideeen ophalen", Day(commands, -90), Day(commands, -40)},
           {"Ontwerp kiezen", Day(commands, -30), Day(commands, 30)},
           {"Aanleg", Day(commands, 120), ""}}};
}

ProjectForm Traffic(const ProjectCommands& commands) {
  return {"Verkeersplan Europaweg",
          "De Europaweg wordt veiliger voor fietsers en voetgangers.",
          {"WK039218", "WK039219"},
          "Afdeling Mobiliteit",
          kLiaisonName,
          kLiaisonEmail,
          "advise",
          "Waar de oversteekplaatsen komen en hoe de fietspaden lopen. U geeft advies, de gemeenteraad beslist.",
          "De weg blijft een hoofdweg voor bussen. De snelheid wordt 50 kilometer per uur.",
          "De wijkplatforms Europawijk en Boerhaavewijk geven samen een advies.",
          {{"Informatieavond", Day(commands, 20), Day(commands, 20)},
           {"Advies van de wijk", Day(commands, 21), Day(commands, 63)},
           {"Besluit van de raad", Day(commands, 120), ""}}};
}

ProjectForm Schoolyard(const ProjectCommands& commands) {
  return {"Groen schoolplein Molenwijk",
          "Het plein bij de basisschool wordt groen, zodat kinderen er na school kunnen spelen.",
          {"WK039220"},
          "Afdeling Onderwijs",
          kLiaisonName,
          kLiaisonEmail,
          "consult",
          "Welke spellen en planten er komen. De school en de buurt geven hun mening in een enquete.",
          "Het plein blijft van de school. Het hek gaat 's avonds dicht.",
          "Het wijkplatform deelt de enquete in de buurt.",
          {{"Enquete", Day(commands, 45), Day(commands, 75)}, {"Aanleg", Day(commands, 180), Day(commands, 240)}}};
}

ProjectForm Playgrounds(const ProjectCommands& commands) {
  return {"Nieuwe speelplekken Transvaalwijk",
          "Drie oude speelplekken zijn vernieuwd.",
          {"WK039210"},
          "Afdeling Openbare Ruimte",
          "Peter Bakker (demo)",
          "p.bakker@demo.wijkplatform.invalid",
          "consult",
          "Welke toestellen er kwamen. Kinderen kozen mee.",
          "De drie plekken en het geld stonden vast.",
          "Het wijkplatform hield een speeldag om ideeen op te halen.",
          {{"Ideeen van kinderen", Day(commands, -300), Day(commands, -270)},
           {"Aanleg", Day(commands, -200), Day(commands, -120)}}};
}

ProjectForm Parking(const ProjectCommands& commands) {
  return {"Parkeerregeling Oude Stad",
          "Nieuwe tijden voor betaald parkeren in de binnenstad.",
          {"WK039201"},
          "Afdeling Parkeren",
          "Ilse de Wit (demo)",
          "i.dewit@demo.wijkplatform.invalid",
          "inform",
          "Niets: de gemeente vertelt wat er verandert en wanneer.",
          "De tijden en de prijzen. De raad besliste hier al over.",
          "Het wijkplatform zet het nieuws in de wijkkrant.",
          {{"Bewonersbrief", Day(commands, 60), ""}}};
}

}  // namespace

Result<void> LoadParticipationDemo(const web::DemoSeed& seed, ProjectCommands& commands) {
  WP_ASSIGN_OR_RETURN(auto existing, commands.All());
  if (!existing.empty()) return Ok();
  WP_TRY_VOID(Subscribe(seed, commands));
  WP_ASSIGN_OR_RETURN(auth::User liaison,
                      DemoUser(seed, kLiaisonEmail, kLiaisonName, {{auth::Role::kAreaLiaison, "schalkwijk"}}));
  WP_ASSIGN_OR_RETURN(auth::User admin, DemoUser(seed, kAdminEmail, kAdminName, {{auth::Role::kAdministrator, ""}}));
  WP_ASSIGN_OR_RETURN(int64_t park, commands.Create(liaison, Park(commands)));
  WP_TRY_VOID(commands.ChangeStatus(liaison, park, {"running", "De ideeen zijn opgehaald. Nu kiezen we het ontwerp."}));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t traffic, commands.Create(liaison, Traffic(commands)));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t schoolyard, commands.Create(liaison, Schoolyard(commands)));
  WP_ASSIGN_OR_RETURN(int64_t playgrounds, commands.Create(admin, Playgrounds(commands)));
  WP_TRY_VOID(commands.ChangeStatus(admin, playgrounds, {"running", ""}));
  WP_TRY_VOID(commands.ChangeStatus(admin, playgrounds, {"finished", "De speelplekken zijn open."}));
  WP_ASSIGN_OR_RETURN(int64_t parking, commands.Create(admin, Parking(commands)));
  return commands.ChangeStatus(admin, parking,
                               {"cancelled", "De raad wil eerst een onderzoek naar parkeren voor bewoners."});
}

}  // namespace wp::participation
