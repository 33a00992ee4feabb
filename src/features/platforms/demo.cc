#include "features/platforms/demo.h"

#include "features/platforms/area_rules.h"

namespace wp::platforms {

namespace {

// All buurten of wijk `district_code` in the current geography.
std::set<std::string> WholeDistrict(const AreaMap& map, const std::string& district_code) {
  std::set<std::string> out;
  for (const auto& n : map.neighbourhoods) {
    if (n.district_code == district_code) out.insert(n.code);
  }
  return out;
}

Result<auth::User> DemoUser(const web::DemoSeed& seed, const std::string& email, const std::string& name,
                            std::vector<auth::RoleGrant> grants = {}) {
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, grants));
  return auth::User{id, email, name, "nl", std::move(grants)};
}

// The werkgroepen, spreekuren and subsidy application of the Boerhaavewijk.
Result<void> AddBoerhaaveWork(PlatformCommands& commands, PlatformId id, const auth::User& fatma,
                              const auth::User& kees, const auth::User& anouk) {
  WorkingGroup groen;
  groen.theme = "Groen";
  groen.description = "Geveltuinen, boomspiegels en de jaarlijkse schoonmaakdag.";
  groen.contact = {"Kees Hoogland (demo)", kees.email, std::nullopt};
  WP_ASSIGN_OR_RETURN(int64_t groen_id, commands.AddWorkingGroup(fatma, id, groen));
  WorkingGroup veilig;
  veilig.theme = "Veiligheid";
  veilig.description = "Verlichting, verkeer rond de scholen en contact met de wijkagent.";
  veilig.contact = {"Fatma Yilmaz (demo)", fatma.email, std::nullopt};
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t veilig_id, commands.AddWorkingGroup(fatma, id, veilig));
  // Sem has not answered the check mail yet: the page leaves him out.
  WorkingGroup jong;
  jong.theme = "Jongeren";
  jong.description = "Een plek om te sporten en af te spreken, samen met de jongeren zelf.";
  jong.contact = {"Sem de Boer (demo)", "sem.boerhaavewijk@demo.wijkplatform.invalid", std::nullopt};
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t jong_id, commands.AddWorkingGroup(fatma, id, jong));
  WP_TRY_VOID(commands.JoinWorkingGroup(anouk, id, groen_id));
  OfficeHours h;
  h.weekday = Weekday::kWednesday;
  h.start_minute = 19 * 60;
  h.end_minute = 20 * 60 + 30;
  h.place = "Buurthuis Boerhaavewijk (demo-adres)";
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t h1, commands.AddOfficeHours(fatma, id, h));
  h.weekday = Weekday::kSaturday;
  h.start_minute = 10 * 60;
  h.end_minute = 12 * 60;
  h.place = "Winkelcentrum Schalkwijk, bij de ingang (demo)";
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t h2, commands.AddOfficeHours(fatma, id, h));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t subsidy,
                      commands.ApplyForSubsidy(fatma, id, 2027,
                                               {{"Huur zaal voor vier wijkavonden", Money{60000}},
                                                {"Drukwerk en nieuwsbrief", Money{35000}}}));
  return Ok();
}

}  // namespace

Result<void> LoadPlatformsDemo(const web::DemoSeed& seed, PlatformCommands& commands, InvitationCommands& invitations) {
  WP_ASSIGN_OR_RETURN(auto existing, commands.FindBySlug("wijkplatform-boerhaavewijk"));
  if (existing) return Ok();
  const AreaMap map = commands.CurrentAreaMap();
  if (map.neighbourhoods.empty()) return Ok();  // no geography imported: nothing to place platforms in

  WP_ASSIGN_OR_RETURN(auth::User liaison,
                      DemoUser(seed, "gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)",
                               {{auth::Role::kAreaLiaison, "schalkwijk"}}));
  WP_ASSIGN_OR_RETURN(auth::User fatma,
                      DemoUser(seed, "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma Yilmaz (demo)"));
  WP_ASSIGN_OR_RETURN(auth::User kees,
                      DemoUser(seed, "kees.boerhaavewijk@demo.wijkplatform.invalid", "Kees Hoogland (demo)"));
  WP_ASSIGN_OR_RETURN(auth::User anouk, DemoUser(seed, "bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)"));
  WP_ASSIGN_OR_RETURN(auth::User bakker,
                      DemoUser(seed, "bakkerij.schalkwijk@demo.wijkplatform.invalid", "Bakkerij Schalkwijk (demo)"));

  // 1. Recognised: Boerhaavewijk (stadsdeel Schalkwijk).
  RegisterInput in;
  in.name = "Wijkplatform Boerhaavewijk";
  in.description =
      "Wij zijn bewoners, ondernemers en organisaties uit de Boerhaavewijk. Heeft u een vraag of een idee voor de "
      "wijk? Kom naar ons spreekuur in het buurthuis of mail ons. Iedereen kan meedoen, ook voor één activiteit.";
  in.themes = {"Groen", "Veiligheid", "Jongeren"};
  in.contact_email = "boerhaavewijk@demo.wijkplatform.invalid";
  in.area = WholeDistrict(map, "WK039219");
  WP_ASSIGN_OR_RETURN(Platform boerhaave, commands.Register(fatma, in));
  WP_TRY_VOID(commands.ConfirmContactForDemo(in.contact_email));
  fatma.grants.push_back({auth::Role::kKernteamMember, PlatformScope(boerhaave.id)});
  WP_TRY_VOID(commands.ChangeStatus(liaison, boerhaave.id, PlatformStatus::kInFormation,
                                    "De aanmelding is compleet. Welkom! We plannen een startgesprek."));
  WP_TRY_VOID(commands.ChangeStatus(liaison, boerhaave.id, PlatformStatus::kRecognised,
                                    "Open voor iedereen, een kernteam van twee en een eerste wijkavond gehouden."));
  // Kees said yes to Fatma's invitation; the one to Joost is still open.
  WP_ASSIGN_OR_RETURN(std::string to_kees, invitations.InviteToKernteam(fatma, boerhaave.id, kees.email));
  WP_TRY_VOID(invitations.Answer(kees, to_kees, true));
  WP_ASSIGN_OR_RETURN(
      [[maybe_unused]] std::string to_joost,
      invitations.InviteToKernteam(fatma, boerhaave.id, "joost.boerhaavewijk@demo.wijkplatform.invalid"));
  WP_TRY_VOID(commands.Join(anouk, boerhaave.id, MemberKind::kResident, ""));
  WP_TRY_VOID(commands.Join(bakker, boerhaave.id, MemberKind::kEntrepreneur, "Bakkerij Schalkwijk"));
  WP_TRY_VOID(AddBoerhaaveWork(commands, boerhaave.id, fatma, kees, anouk));

  // 2. In formation: Europawijk (Schalkwijk).
  WP_ASSIGN_OR_RETURN(auth::User ruud,
                      DemoUser(seed, "kernteam.europawijk@demo.wijkplatform.invalid", "Ruud Verbeek (demo)"));
  in = {};
  in.name = "Wijkplatform Europawijk";
  in.description = "Een nieuw wijkplatform in oprichting. We zoeken buren die willen meedenken over de wijk.";
  in.themes = {"Spelen", "Ontmoeten"};
  in.contact_email = "europawijk@demo.wijkplatform.invalid";
  in.area = WholeDistrict(map, "WK039218");
  WP_ASSIGN_OR_RETURN(Platform europa, commands.Register(ruud, in));
  WP_TRY_VOID(commands.ConfirmContactForDemo(in.contact_email));
  WP_TRY_VOID(commands.ChangeStatus(liaison, europa.id, PlatformStatus::kInFormation,
                                    "Goed plan. We helpen bij het vinden van een ruimte voor de eerste bijeenkomst."));

  // 3. Submitted: Transvaalwijk (stadsdeel Noord).
  WP_ASSIGN_OR_RETURN(auth::User mila,
                      DemoUser(seed, "kernteam.transvaalwijk@demo.wijkplatform.invalid", "Mila de Graaf (demo)"));
  in = {};
  in.name = "Wijkplatform Transvaalwijk";
  in.description = "Aangemeld door bewoners van de Transvaalwijk. De gemeente kijkt binnenkort naar de aanmelding.";
  in.themes = {"Verkeer"};
  in.contact_email = "transvaalwijk@demo.wijkplatform.invalid";
  in.area = WholeDistrict(map, "WK039210");
  // Its contact address is not confirmed yet: not on its page.
  WP_ASSIGN_OR_RETURN([[maybe_unused]] Platform transvaal, commands.Register(mila, in));
  return Ok();
}

}  // namespace wp::platforms
