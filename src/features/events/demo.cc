#include "features/events/demo.h"

#include "core/time/format.h"

namespace wp::events {

Result<void> LoadEventsDemo(const web::DemoSeed& seed, EventCommands& commands) {
  struct Demo {
    const char* slug;
    const char* kernteam_email;
    const char* kernteam_name;
    int days_ahead;
    EventForm form;
  };
  const Demo demos[] = {
      {"wijkplatform-boerhaavewijk",
       "kernteam.boerhaavewijk@demo.wijkplatform.invalid",
       "Fatma (demo)",
       9,
       {"Themabijeenkomst: meer groen in de Boerhaavewijk", "theme_meeting",
        "Welke plekken in de wijk kunnen groener? Denk mee over **geveltuinen**, boomspiegels en een buurtmoestuin.\n\n"
        "- Inloop met koffie vanaf 19.15 uur\n- Presentatie van de werkgroep Groen\n- Samen plannen maken",
        "", "19:30", "", "21:30", "Buurthuis Boerhaavewijk", "40"}},
      // Held three weeks ago: its live poll's results are on its page (livepolls).
      {"wijkplatform-boerhaavewijk",
       "kernteam.boerhaavewijk@demo.wijkplatform.invalid",
       "Fatma (demo)",
       -21,
       {"Themabijeenkomst voorjaar: het plein", "theme_meeting",
        "Hoe gebruiken we het plein in de Boerhaavewijk? We kijken samen naar de wensen en stemmen live met de "
        "telefoon.",
        "", "19:30", "", "21:00", "Buurthuis Boerhaavewijk", ""}},
      {"wijkplatform-boerhaavewijk",
       "kernteam.boerhaavewijk@demo.wijkplatform.invalid",
       "Fatma (demo)",
       5,
       {"Spreekuur van het wijkplatform", "office_hours",
        "Loop binnen met uw vraag of idee voor de wijk. Aanmelden hoeft niet, maar mag wel.", "", "10:00", "", "12:00",
        "Bibliotheek Schalkwijk", ""}},
      {"wijkplatform-europawijk",
       "kernteam.europawijk@demo.wijkplatform.invalid",
       "Ruud (demo)",
       12,
       {"Wijkschouw Europawijk", "neighbourhood_walk",
        "We lopen samen met de gebiedsverbinder door de wijk en noteren wat beter kan. Trek goede schoenen aan.", "",
        "14:00", "", "16:00", "Verzamelen bij het winkelcentrum", "15"}},
  };
  for (const auto& d : demos) {
    WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug(d.slug));
    if (!platform) continue;  // the platforms demo did not create it
    WP_ASSIGN_OR_RETURN(auto existing, commands.OfPlatform(platform->id, true));
    bool present = false;
    for (const auto& e : existing) present = present || e.title == d.form.title;
    if (present) continue;
    WP_ASSIGN_OR_RETURN(int64_t user_id, seed.ensure_user(d.kernteam_email, d.kernteam_name, {}));
    auth::User kernteam{user_id,
                        d.kernteam_email,
                        d.kernteam_name,
                        "nl",
                        {{auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}}};
    int64_t now = seed.clock ? seed.clock->NowUnixSeconds() : commands.Now();
    EventForm form = d.form;
    form.start_date = time::DateInputValue(time::AddDays(commands.zone().ToLocal(now), d.days_ahead));
    WP_ASSIGN_OR_RETURN(int64_t id, commands.Create(kernteam, *platform, form));
    WP_TRY_VOID(commands.Publish(kernteam, *platform, id));
  }
  return Ok();
}

}  // namespace wp::events
