#include "features/news/demo.h"

namespace wp::news {

Result<void> LoadNewsDemo(const web::DemoSeed& seed, NewsCommands& commands) {
  struct Demo {
    const char* slug;
    const char* kernteam_email;
    const char* kernteam_name;
    const char* title;
    const char* body;
  };
  const Demo demos[] = {
      {"wijkplatform-boerhaavewijk", "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma (demo)",
       "Het wijkplatform is erkend",
       "Goed nieuws: de gemeente heeft ons wijkplatform **erkend**. Dank aan iedereen die meedacht!\n\n"
       "Wat gaan we doen?\n\n- elke dinsdag een spreekuur\n- een werkgroep Groen\n- een buurtavond per kwartaal\n\n"
       "Meer weten? Kijk op [haarlem.nl](https://www.haarlem.nl)."},
      {"wijkplatform-boerhaavewijk", "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma (demo)",
       "Geveltuinen: doe mee",
       "Wilt u een geveltuin voor uw huis? De werkgroep Groen helpt bij de aanvraag en met planten.\n\n"
       "> Een geveltuin is klein, maar maakt de straat groener en koeler.\n\nMeld u aan bij het spreekuur."},
      {"wijkplatform-europawijk", "kernteam.europawijk@demo.wijkplatform.invalid", "Ruud (demo)",
       "Eerste buurtavond Europawijk",
       "Op onze eerste buurtavond kwamen *meer dan veertig* buren. De drie belangrijkste punten:\n\n"
       "1. verkeersveiligheid bij de school\n2. meer speelplekken\n3. zwerfafval"},
  };
  for (const auto& d : demos) {
    WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug(d.slug));
    if (!platform) continue;  // the platforms demo did not create it
    WP_ASSIGN_OR_RETURN(auto existing, commands.Posts(platform->id, true));
    bool present = false;
    for (const auto& p : existing) present = present || p.title == d.title;
    if (present) continue;
    WP_ASSIGN_OR_RETURN(int64_t user_id, seed.ensure_user(d.kernteam_email, d.kernteam_name, {}));
    auth::User kernteam{user_id,
                        d.kernteam_email,
                        d.kernteam_name,
                        "nl",
                        {{auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}}};
    WP_ASSIGN_OR_RETURN(int64_t id, commands.CreatePost(kernteam, *platform, d.title, d.body));
    WP_TRY_VOID(commands.SetPublished(kernteam, *platform, id, true));
  }
  return Ok();
}

}  // namespace wp::news
