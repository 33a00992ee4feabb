#include "features/archive/demo.h"

#include "core/time/format.h"
#include "features/archive/text_pdf.h"

namespace wp::archive {

namespace {

struct DemoDocument {
  const char* title;
  Kind kind;
  int days_ago;
  const char* description;
  std::vector<std::string> lines;
};

std::string DaysAgo(const ArchiveCommands& commands, const Clock& clock, int days) {
  return time::DateInputValue(time::AddDays(commands.zone().ToLocal(clock.NowUnixSeconds()), -days));
}

Result<int64_t> Add(ArchiveCommands& commands, const Clock& clock, const auth::User& by, int64_t platform_id,
                    const DemoDocument& d, const std::string& file_name) {
  DocumentForm form{d.title, std::string(KindName(d.kind)), DaysAgo(commands, clock, d.days_ago), d.description};
  return commands.AddDocument(by, platform_id, form, {file_name, TextPdf(d.lines)});
}

const std::vector<DemoDocument>& BoerhaaveDocuments() {
  static const std::vector<DemoDocument> docs = {
      {"Notulen vergadering kernteam september", Kind::kMinutes, 70, "Vergadering in het buurthuis.",
       {"Notulen kernteam Boerhaavewijk", "Aanwezig: vijf leden van het kernteam.",
        "Punt 1: speeltuin aan de Floris van Adrichemlaan.", "Punt 2: zwerfafval rond het winkelcentrum."}},
      {"Jaarverslag 2025", Kind::kAnnualReport, 200, "Wat het wijkplatform in 2025 deed.",
       {"Jaarverslag Wijkplatform Boerhaavewijk 2025", "Wij organiseerden twaalf activiteiten.",
        "De wijkschouw leverde veertig meldingen op.", "Het budget ging vooral naar groen en spelen."}},
      {"Advies over de Floris van Adrichemlaan", Kind::kAdvice, 40, "Ons advies aan de gemeente.",
       {"Advies over de herinrichting van de laan", "Wij adviseren 24 nieuwe bomen en bredere stoepen.",
        "Bewoners willen een veilige oversteek bij de school."}},
      {"Antwoord van de gemeente op ons advies", Kind::kAnswer, 10, "",
       {"Antwoord gemeente Haarlem", "De gemeente neemt het advies over de bomen over.",
        "De oversteek bij de school komt in het plan voor 2027."}},
      {"Verslag bewonersavond (oude versie)", Kind::kReport, 30, "Deze versie had fouten.",
       {"Verslag bewonersavond", "Deze versie noemde de verkeerde datum voor de parkeerproef."}},
  };
  return docs;
}

const std::vector<DemoDocument>& EuropaDocuments() {
  static const std::vector<DemoDocument> docs = {
      {"Notulen startbijeenkomst", Kind::kMinutes, 50, "De eerste bijeenkomst van het wijkplatform.",
       {"Notulen startbijeenkomst Europawijk", "Dertig bewoners kwamen naar de bijeenkomst.",
        "Onderwerpen: parkeren, groen en de speeltuin bij de vijver."}},
      {"Verslag wijkschouw", Kind::kReport, 20, "Wandeling door de wijk met de gebiedsverbinder.",
       {"Verslag wijkschouw Europawijk", "Losse stoeptegels in de Italielaan.", "Kapotte lantaarnpalen bij de vijver."}},
  };
  return docs;
}

Result<void> AddAll(ArchiveCommands& commands, const Clock& clock, const auth::User& by, const std::string& slug,
                    const std::vector<DemoDocument>& docs, std::vector<int64_t>& ids) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug(slug));
  if (!platform) return Ok();
  int n = 0;
  for (const auto& d : docs) {
    WP_ASSIGN_OR_RETURN(int64_t id, Add(commands, clock, by, platform->id, d, slug + "-" + std::to_string(++n) + ".pdf"));
    ids.push_back(id);
  }
  return Ok();
}

}  // namespace

Result<void> LoadArchiveDemo(const web::DemoSeed& seed, ArchiveCommands& commands, const Clock& clock) {
  WP_ASSIGN_OR_RETURN(auto boerhaave, commands.directory().FindBySlug("wijkplatform-boerhaavewijk"));
  if (!boerhaave) return Ok();
  WP_ASSIGN_OR_RETURN(Listing existing, commands.OfPlatform(boerhaave->id, "", 1, 1));
  if (existing.total > 0) return Ok();
  const std::string email = "gebiedsverbinder@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(int64_t liaison_id,
                      seed.ensure_user(email, "Samira de Vries (demo)", {{auth::Role::kAreaLiaison, "schalkwijk"}}));
  // Every demo platform lies in Schalkwijk; the grant here only lets the loader keep both archives.
  auth::User liaison{liaison_id, email, "Samira de Vries (demo)", "nl", {{auth::Role::kAreaLiaison, ""}}};
  std::vector<int64_t> ids;
  WP_TRY_VOID(AddAll(commands, clock, liaison, "wijkplatform-boerhaavewijk", BoerhaaveDocuments(), ids));
  WP_TRY_VOID(AddAll(commands, clock, liaison, "wijkplatform-europawijk", EuropaDocuments(), ids));
  if (ids.size() >= 5) {
    WP_TRY_VOID(commands.Withdraw(liaison, ids[4], "Er stond een verkeerde datum in. De goede versie volgt."));
  }
  const std::string council_email = "raadslid@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(int64_t council_id,
                      seed.ensure_user(council_email, "Lotte Smit (demo)", {{auth::Role::kCouncilMember, ""}}));
  auth::User council{council_id, council_email, "Lotte Smit (demo)", "nl", {{auth::Role::kCouncilMember, ""}}};
  return commands.Follow(council, boerhaave->id);
}

}  // namespace wp::archive
