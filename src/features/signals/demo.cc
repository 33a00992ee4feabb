#include "features/signals/demo.h"

#include <map>

#include "core/time/format.h"

namespace wp::signals {

namespace {

struct DemoCategory {
  const char* main;
  const char* slug;
  const char* name;
  const char* name_en;
  const char* department;
  int handling_days;
};

constexpr DemoCategory kCategories[] = {
    {"", "straat", "Straat en stoep", "Street and pavement", "wegen", 5},
    {"straat", "losse-tegel", "Losse tegel", "Loose paving stone", "wegen", 5},
    {"straat", "gat-in-de-weg", "Gat in de weg", "Pothole", "wegen", 3},
    {"straat", "straatlantaarn", "Kapotte straatlantaarn", "Broken street light", "wegen", 10},
    {"", "groen", "Groen", "Green spaces", "groen", 10},
    {"groen", "boom-of-tak", "Boom of tak", "Tree or branch", "groen", 5},
    {"groen", "onkruid", "Onkruid", "Weeds", "groen", 20},
    {"", "afval", "Afval", "Waste", "reiniging", 3},
    {"afval", "zwerfafval", "Zwerfafval", "Litter", "reiniging", 3},
    {"afval", "container-vol", "Container is vol", "Container is full", "reiniging", 2},
    {"afval", "grofvuil", "Grofvuil op straat", "Bulky waste in the street", "reiniging", 5},
};

constexpr const char* kDescriptions[] = {
    "Er ligt een tegel los voor de ingang van de school.",      "Groot gat in het fietspad. Gevaarlijk in het donker.",
    "De lantaarn bij het speelveld doet het al een week niet.", "Er hangt een grote tak boven het fietspad.",
    "Veel onkruid tussen de stoeptegels bij de bushalte.",      "Zakken met afval naast de container.",
    "De papiercontainer zit vol. Er ligt karton naast.",        "Een oude bank staat al dagen op de stoep.",
};

}  // namespace

namespace {

// Extra questions: a required choice and an optional text for street lights,
// and for full containers a choice plus a question no longer asked.
Result<void> AddQuestions(SignalCommands& live, const auth::User& admin, const std::map<std::string, int64_t>& ids) {
  Question lamp{.category_id = ids.at("straatlantaarn"),
                .code = "lamp",
                .kind = QuestionKind::kSingleChoice,
                .required = true,
                .text = "Wat doet de lamp?",
                .text_en = "What is the lamp doing?",
                .choices = ParseChoiceLines("Brandt niet | Off\nKnippert | Flickers\nBrandt overdag | On by day")};
  Question pole{.category_id = ids.at("straatlantaarn"),
                .code = "paalnummer",
                .text = "Welk nummer staat op de paal?",
                .text_en = "What number is on the post?"};
  Question container{.category_id = ids.at("container-vol"),
                     .code = "soort",
                     .kind = QuestionKind::kMultiChoice,
                     .text = "Welke container is vol?",
                     .text_en = "Which container is full?",
                     .choices = ParseChoiceLines("Restafval | Residual waste\nPapier | Paper\nGlas | Glass")};
  Question old{.category_id = ids.at("container-vol"),
               .code = "sinds",
               .text = "Sinds wanneer is de container vol?",
               .text_en = "Since when has the container been full?"};
  for (const Question& q : {lamp, pole, container, old}) {
    WP_ASSIGN_OR_RETURN(int64_t id, live.SaveQuestion(admin, q));
    if (q.code == "sinds") {
      Question retired = q;
      retired.id = id;
      retired.active = false;
      WP_TRY_VOID(live.SaveQuestion(admin, retired));
    }
  }
  return Ok();
}

// Answers to the demo questions of `slug` for the i-th demo signal.
Answers DemoAnswers(const std::string& slug, int i) {
  if (slug == "straatlantaarn") {
    Answers a{{"lamp", {i % 2 ? "knippert" : "brandt-niet"}}};
    if (i % 3 == 0) a["paalnummer"] = {"HL-" + std::to_string(1200 + i)};
    return a;
  }
  if (slug == "container-vol") return {{"soort", {"papier", "glas"}}};
  return {};
}

// Departments and the category tree; returns the slugs residents can report in.
Result<std::vector<std::string>> AddCategories(SignalCommands& live, const auth::User& admin) {
  for (const Department& d :
       {Department{"wegen", "Wegen en verkeer", false}, Department{"groen", "Groen", false},
        Department{"reiniging", "Reiniging", false}, Department{"woningcorporatie", "Woningcorporatie (demo)", true}}) {
    WP_TRY_VOID(live.SaveDepartment(admin, d));
  }
  std::map<std::string, int64_t> ids;
  std::vector<std::string> reportable;
  for (const auto& c : kCategories) {
    Category cat;
    cat.slug = c.slug;
    cat.name = c.name;
    cat.name_en = c.name_en;
    cat.department_slug = c.department;
    cat.handling_days = c.handling_days;
    cat.update_interval_days = 7;
    if (*c.main) {
      cat.parent_id = ids.at(c.main);
      reportable.push_back(c.slug);
    }
    WP_ASSIGN_OR_RETURN(ids[c.slug], live.SaveCategory(admin, cat));
  }
  WP_TRY_VOID(AddQuestions(live, admin, ids));
  return reportable;
}

// What the municipality does with the i-th demo signal a few hours after it
// came in, so that every state shows up.
Result<void> Handle(SignalCommands& demo, FakeClock& clock, const auth::User& staff, int i, const Receipt& r,
                    const std::vector<Receipt>& receipts) {
  int64_t id = r.signal_id;
  switch (i % 9) {
    case 0:  // stays reported
      break;
    case 1:
      WP_TRY_VOID(demo.ChangeStatus(staff, id, {SignalStatus::kInProgress, "", ""}));
      WP_TRY_VOID(demo.Assign(staff, id, staff.id, staff.display_name));
      break;
    case 2:
      WP_TRY_VOID(demo.ChangeStatus(
          staff, id,
          {SignalStatus::kScheduled, "", time::DateInputValue(demo.zone(), clock.NowUnixSeconds() + 5 * 86400)}));
      break;
    case 3:
      WP_TRY_VOID(demo.ChangeStatus(staff, id, {SignalStatus::kDone, "Het is gemaakt. Bedankt voor uw melding.", ""}));
      break;
    case 4:
      WP_TRY_VOID(demo.ChangeStatus(staff, id, {SignalStatus::kDone, "Opgeruimd.", ""}));
      WP_TRY_VOID(demo.GiveSatisfaction(r.follow_token, true, "Snel geholpen."));
      break;
    case 5:
      WP_TRY_VOID(demo.ChangeStatus(
          staff, id,
          {SignalStatus::kCancelled, "We vonden op deze plek geen probleem. Ziet u het nog? Meld het opnieuw.", ""}));
      break;
    case 6:
      WP_TRY_VOID(demo.Forward(staff, id, "woningcorporatie", "Deze grond is van de woningcorporatie."));
      break;
    case 7:
      WP_TRY_VOID(demo.Merge(staff, id, receipts[receipts.size() - 7].signal_id));
      break;
    case 8:
      WP_TRY_VOID(demo.ChangeStatus(staff, id, {SignalStatus::kDone, "De tegel ligt weer vast.", ""}));
      clock.Advance(std::chrono::hours(30));
      WP_TRY_VOID(demo.ReopenByReporter(r.follow_token, "De tegel ligt alweer los."));
      break;
  }
  if (i % 9 == 1 && i > 20) WP_TRY_VOID(demo.AddNote(staff, id, "Aannemer is gebeld (demo)."));
  return Ok();
}

// 36 signals across the city over the last 40 days, one every 26 hours.
Result<void> ReportAcrossTheCity(SignalCommands& demo, FakeClock& clock, int64_t now, const auth::User& staff,
                                 const std::vector<std::string>& reportable) {
  auto m = demo.geography().current();
  std::vector<Receipt> receipts;
  for (int i = 0; i < 36; ++i) {
    clock.Set(now - 40 * 86400 + static_cast<int64_t>(i) * 26 * 3600);
    const auto& n = m->neighbourhoods[static_cast<size_t>(i * 7) % m->neighbourhoods.size()];
    ReportInput in;
    in.category_slug = reportable[static_cast<size_t>(i) % reportable.size()];
    in.description = kDescriptions[static_cast<size_t>(i) % std::size(kDescriptions)];
    in.share_publicly = i % 2 == 0;
    in.answers = DemoAnswers(in.category_slug, i);
    auto point = geography::InteriorPoint(n.shape);
    if (point && i % 3 != 0) {
      in.location.lon = point->lon;
      in.location.lat = point->lat;
    } else {
      in.location.neighbourhood_code = n.code.str();
      in.location.street = "Bij nummer " + std::to_string(i + 1);
    }
    if (i % 4 == 0) in.email = "melder" + std::to_string(i) + "@demo.wijkplatform.invalid";
    WP_ASSIGN_OR_RETURN(Receipt r,
                        demo.Report(in, {}, Intake{"demo-" + std::to_string(i), std::nullopt, std::nullopt, "web"}));
    receipts.push_back(r);
    clock.Advance(std::chrono::hours(3));
    WP_TRY_VOID(Handle(demo, clock, staff, i, r, receipts));
  }
  return Ok();
}

// The demo platform's area: a report every two weeks over five months,
// every fourth on behalf of the platform by its kernteam.
Result<void> ReportInPlatformArea(const web::DemoSeed& seed, SignalCommands& demo, FakeClock& clock, int64_t now,
                                  const auth::User& staff, const std::vector<std::string>& reportable,
                                  const platforms::PlatformDirectory& directory) {
  WP_ASSIGN_OR_RETURN(std::optional<platforms::Platform> boerhaave, directory.FindBySlug("wijkplatform-boerhaavewijk"));
  if (!boerhaave || boerhaave->area.empty()) return Ok();
  const std::string email = "kernteam.boerhaavewijk@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(int64_t kernteam_id, seed.ensure_user(email, "Fatma Yilmaz (demo)", {}));
  auth::User kernteam{
      kernteam_id, email, "Fatma Yilmaz (demo)", "nl", {{auth::Role::kKernteamMember, std::to_string(boerhaave->id)}}};
  std::vector<std::string> area(boerhaave->area.begin(), boerhaave->area.end());
  for (int i = 0; i < 11; ++i) {
    clock.Set(now - static_cast<int64_t>(150 - i * 14) * 86400);
    ReportInput in;
    in.category_slug = reportable[static_cast<size_t>(i * 3) % reportable.size()];
    in.description = kDescriptions[static_cast<size_t>(i + 3) % std::size(kDescriptions)];
    in.share_publicly = true;
    in.answers = DemoAnswers(in.category_slug, i);
    in.location.neighbourhood_code = area[static_cast<size_t>(i) % area.size()];
    in.location.street = "Bij nummer " + std::to_string(10 + i);
    Intake intake{"demo-area-" + std::to_string(i), std::nullopt, std::nullopt, "web"};
    if (i % 4 == 1) {
      in.platform_id = boerhaave->id;
      intake.user = kernteam;
    }
    WP_ASSIGN_OR_RETURN(Receipt r, demo.Report(in, {}, intake));
    clock.Advance(std::chrono::hours(5));
    if (i < 8) WP_TRY_VOID(demo.ChangeStatus(staff, r.signal_id, {SignalStatus::kDone, "Het is opgelost.", ""}));
  }
  return Ok();
}

}  // namespace

Result<void> LoadSignalsDemo(const web::DemoSeed& seed, SignalCommands& live, db::Database& db, Random& random,
                             const i18n::Catalog& catalog, const platforms::PlatformDirectory* directory) {
  WP_ASSIGN_OR_RETURN(auto existing, live.Categories());
  if (!existing.empty()) return Ok();
  auth::User admin{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  WP_ASSIGN_OR_RETURN(std::vector<std::string> reportable, AddCategories(live, admin));
  WP_ASSIGN_OR_RETURN(int64_t staff_id,
                      seed.ensure_user("meldingen@demo.wijkplatform.invalid", "Fatima El Idrissi (demo)",
                                       {{auth::Role::kMunicipalStaff, ""}}));
  auth::User staff{staff_id,
                   "meldingen@demo.wijkplatform.invalid",
                   "Fatima El Idrissi (demo)",
                   "nl",
                   {{auth::Role::kMunicipalStaff, ""}}};
  // The same commands on a clock of their own, from 40 days ago up to now.
  int64_t now = seed.clock->NowUnixSeconds();
  FakeClock clock(now - 40 * 86400);
  SignalCommands demo(db, clock, random, live.zone(), catalog, live.geography(), live.settings());
  if (live.geography().current()->neighbourhoods.empty()) return Ok();
  WP_TRY_VOID(ReportAcrossTheCity(demo, clock, now, staff, reportable));
  if (directory) WP_TRY_VOID(ReportInPlatformArea(seed, demo, clock, now, staff, reportable, *directory));
  // Up to now: the open signals that heard nothing for a week get their update.
  clock.Set(now);
  WP_TRY_VOID(demo.SendDueUpdates(1000));
  return Ok();
}

}  // namespace wp::signals
