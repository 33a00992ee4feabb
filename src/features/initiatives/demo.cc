#include "features/initiatives/demo.h"

#include <chrono>
#include <map>

#include "core/time/format.h"

namespace wp::initiatives {

namespace {

struct DemoInitiative {
  const char* title;
  const char* what;
  const char* when;
  const char* helpers;
  std::vector<Need> needs;
  const char* name;
};

const DemoInitiative kInitiatives[] = {
    {"Geveltuinen in onze straat",
     "We willen langs de hele straat geveltuinen maken. Dat is mooi en goed tegen hitte.",
     "Voorjaar",
     "Twaalf buren en de buurtvereniging.",
     {Need::kPermit, Need::kMaterials},
     "Buren van de Zijlweg"},
    {"Buurtmoestuin op het braakliggende veld",
     "Een moestuin waar iedereen uit de buurt kan helpen en oogsten.",
     "Vanaf april, elke zaterdag",
     "Vijftien buren en de school.",
     {Need::kSpace, Need::kMoney, Need::kAdvice},
     "Moestuin Schalkwijk"},
    {"Straatfeest voor de hele buurt",
     "Een straatfeest met muziek en eten uit alle landen van de buurt.",
     "Zaterdag 13 juni",
     "Het buurthuis en acht vrijwilligers.",
     {Need::kPermit, Need::kMoney},
     "Feestcommissie"},
    {"Bankjes bij de speeltuin",
     "Ouders willen twee bankjes bij de speeltuin, zodat ze kunnen zitten.",
     "Deze zomer",
     "Vier ouders.",
     {Need::kSpace, Need::kMaterials},
     "Ouders van de speeltuin"},
    {"Repair café in het buurthuis",
     "Eén keer per maand repareren we samen kapotte spullen.",
     "Elke eerste zaterdag",
     "Zes handige buren.",
     {Need::kSpace, Need::kAdvice},
     "Repair café Noord"},
    {"Boomspiegels vol bloemen",
     "Rond de bomen in de straat planten we bloemen voor bijen.",
     "Maart en april",
     "De kinderen van de straat.",
     {Need::kPermit, Need::kMaterials},
     "Bijenvrienden"},
    {"Zwerfafval prikken met de buurt",
     "Elke maand prikken we samen afval in het park.",
     "Elke laatste zondag",
     "Twintig buren.",
     {Need::kMaterials},
     "Schoon Park Team"},
    {"Kunstwerk op de transformatorkast",
     "Een kunstenaar uit de buurt beschildert de grijze kast.",
     "In mei",
     "Een kunstenaar en tien kinderen.",
     {Need::kPermit, Need::kMoney},
     "Kleur in de wijk"},
    {"Speelstraat op woensdagmiddag",
     "De straat is op woensdagmiddag dicht voor auto's, zodat kinderen kunnen spelen.",
     "Elke woensdag",
     "Acht ouders.",
     {Need::kPermit, Need::kAdvice},
     "Speelstraat-ouders"},
    {"Buurtbibliotheek in een kastje",
     "Een kastje met boeken om te ruilen bij het plein.",
     "Na de zomer",
     "Twee buren.",
     {Need::kSpace},
     "Boekenruilers"},
    {"Kerstmarkt op het plein",
     "Een kleine kerstmarkt met kraampjes van buren.",
     "December",
     "De ondernemers van het plein.",
     {Need::kPermit, Need::kSpace},
     "Pleincomité"},
    {"Wandelclub voor ouderen",
     "Samen wandelen, zodat ouderen niet alleen zijn.",
     "Elke dinsdag",
     "Een buurtsportcoach en vijf vrijwilligers.",
     {Need::kAdvice},
     "Wandelclub"},
};

// The demo's municipal staff.
struct Cast {
  auth::User desk, desk2, expert;
};

// A start subsidy in the state that suits `stage`, so the demo shows every
// state: applied, withdrawn, refused, granted, paid, reported, settled.
Result<void> DemoSubsidy(InitiativeCommands& demo, FakeClock& clock, const Cast& cast, const Created& c,
                         const std::string& stage) {
  static const std::map<std::string, GrantStatus> kStateOf = {
      {"contact", GrantStatus::kApplied},    {"in_check", GrantStatus::kWithdrawn}, {"late_check", GrantStatus::kRefused},
      {"yes", GrantStatus::kGranted},        {"yes_provided", GrantStatus::kPaid},  {"in_progress", GrantStatus::kReported},
      {"done", GrantStatus::kSettled}};
  auto it = kStateOf.find(stage);
  if (it == kStateOf.end()) return Ok();
  GrantStatus to = it->second;
  auto later = [&](int hours) { clock.Advance(std::chrono::hours(hours)); };
  InitiatorKey key{c.follow_token, std::nullopt, c.id};
  later(5);
  WP_ASSIGN_OR_RETURN(int64_t sid, demo.ApplyForSubsidy(key, {"Materialen en een kleine bijeenkomst om te beginnen.",
                                                              "Materialen; 350\nKoffie en thee voor de buren; 75\n"
                                                              "Flyers; 40,50"}));
  if (to == GrantStatus::kApplied) return Ok();
  later(20);
  if (to == GrantStatus::kWithdrawn) return demo.WithdrawSubsidy(key, sid);
  if (to == GrantStatus::kRefused) {
    return demo.DecideSubsidy(cast.desk, c.id, sid,
                              {false, "", "De toets loopt nog. Vraag de subsidie opnieuw aan als het plan mag."});
  }
  WP_TRY_VOID(demo.DecideSubsidy(cast.desk, c.id, sid, {true, "400", "Past in de regeling. Flyers betaalt de gemeente "
                                                                     "niet: die drukt het buurthuis gratis."}));
  if (to == GrantStatus::kGranted) return Ok();
  later(24 * 3);
  WP_TRY_VOID(demo.PaySubsidy(cast.desk, c.id, sid, "BOEK-" + std::to_string(2000 + c.id)));
  if (to == GrantStatus::kPaid) return Ok();
  later(24 * 4);
  WP_TRY_VOID(demo.ReportSubsidy(key, sid, "Materialen; 330\nKoffie en thee; 60",
                                 "We hebben alles gekocht en met twintig buren de eerste dag gehouden."));
  if (to == GrantStatus::kReported) return Ok();
  later(24);
  return demo.SettleSubsidy(cast.desk, c.id, sid, "390", "Bijna alles is uitgegeven zoals gepland.");
}

// A Wijk aan Zet plan that was not chosen goes on at the desk: the first
// such plan of the demo's residents (the budgets demo, which runs first,
// gives them their plans).
Result<void> DemoPlanToDesk(const web::DemoSeed& seed, InitiativeCommands& demo) {
  if (!demo.editions()) return Ok();
  for (const char* email : {"bewoner@demo.wijkplatform.invalid", "fatima.elamrani@demo.wijkplatform.invalid",
                            "kees.dejong@demo.wijkplatform.invalid", "linda.bos@demo.wijkplatform.invalid"}) {
    WP_ASSIGN_OR_RETURN(int64_t user_id, seed.ensure_user(email, email, {}));
    WP_ASSIGN_OR_RETURN(auto plans, demo.editions()->PlansOf(user_id));
    for (const auto& p : plans) {
      if (!p.not_chosen) continue;
      auth::User submitter{user_id, email, p.submitter_name, "nl", {}};
      WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, demo.FromPlan(submitter, p.plan_id));
      return Ok();
    }
  }
  return Ok();
}

// Photos and attachments of a demo initiative: a small picture (sky over
// grass, a PNG the server re-encodes like any upload) and a one-page PDF.
Result<void> DemoFiles(InitiativeCommands& demo, const Created& c) {
  static const std::string kPicture(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x40\x00\x00\x00\x28"
    "\x08\x02\x00\x00\x00\xc1\xac\x6b\xbe\x00\x00\x00\x46\x49\x44\x41\x54\x78\xda\xed\xcf\x31\x0d\x00"
    "\x30\x08\x00\x30\x84\xed\x9e\x35\x1c\x20\x67\x86\x66\x02\x0f\x7c\x24\x4d\x6a\xa0\x91\xef\xaf\x16"
    "\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\xa3\xc0\xad\xb3\x9a\x80\x80"
    "\x80\x80\x80\x80\x80\x80\x80\x80\xc0\x58\x03\x36\xc6\x81\x00\x34\x5c\x08\x82\x00\x00\x00\x00\x49"
    "\x45\x4e\x44\xae\x42\x60\x82",
      127);
  static const std::string kPdf =
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
      "trailer << /Root 1 0 R >>\n%%EOF\n";
  InitiatorKey key{c.follow_token, std::nullopt, c.id};
  return demo.AddFiles(key, {{"voor.png", kPicture}, {"begroting.pdf", kPdf}});
}

// Takes a demo initiative from submitted to `stage`, with the time passing on `clock`.
Result<void> Advance(InitiativeCommands& demo, FakeClock& clock, const time::TimeZone& zone, const Cast& cast,
                     const Created& c, const std::string& stage) {
  auto later = [&](int hours) { clock.Advance(std::chrono::hours(hours)); };
  auto due_in = [&](int days) { return time::DateInputValue(zone, clock.NowUnixSeconds() + days * 86400); };
  const auth::User& desk = cast.desk;
  InitiatorKey key{c.follow_token, std::nullopt, c.id};
  if (stage == "draft" || stage == "submitted" || stage == "no_contact") return Ok();
  if (stage == "withdrawn") {
    later(48);
    WP_TRY_VOID(demo.Withdraw(key));
    return Ok();
  }
  later(26);
  WP_TRY_VOID(demo.AssignContact(desk, c.id, desk.id));
  if (stage == "contact") return Ok();
  later(24);
  WP_TRY_VOID(demo.AddTask(desk, c.id, "vergunningen", "Is voor dit plan een vergunning nodig?", due_in(10)));
  WP_TRY_VOID(demo.AddTask(desk, c.id, "openbare-ruimte", "Kan dit op deze plek in de openbare ruimte?", due_in(14)));
  if (stage == "in_check" || stage == "late_check") {
    later(72);
    WP_ASSIGN_OR_RETURN(auto view, demo.Case(desk, c.id));
    WP_TRY_VOID(
        demo.AnswerTask(cast.expert, view.tasks.front().id, "Een melding is genoeg; een vergunning is niet nodig."));
    if (stage == "late_check") {
      // Staff change: the case moves to a colleague with its whole history.
      later(72);
      WP_TRY_VOID(demo.AssignContact(desk, c.id, cast.desk2.id));
    }
    return Ok();
  }
  later(24 * 9);
  AnswerInput answer;
  if (stage == "no") {
    answer = {Answer::kNoBecause,
              "Op deze plek liggen kabels en leidingen. Daar mag niemand iets bouwen.",
              "Op het grasveld bij het buurthuis kan het wel. Uw contactpersoon helpt u daarbij.",
              {}};
  } else if (stage == "yes_provided") {
    answer = {Answer::kYesProvided,
              "Het plan past goed in de buurt. Het mag, als aan deze voorwaarden is voldaan.",
              "",
              {{0, 0, "De bewoners van de straat weten ervan en zijn het ermee eens.", ConditionOwner::kInitiator},
               {0, 0, "Er is een verzekering voor vrijwilligers.", ConditionOwner::kInitiator},
               {0, 0, "De gemeente zet een container neer voor het afval.", ConditionOwner::kMunicipality}}};
  } else {
    answer = {Answer::kYes, "Mooi plan. Het mag, en we helpen graag met materialen.", "", {}};
  }
  WP_TRY_VOID(demo.GiveAnswer(desk, c.id, answer));
  if (stage == "yes_provided") {
    // Partly met: one condition met by the initiator, one by the municipality, one still open.
    later(48);
    WP_ASSIGN_OR_RETURN(auto view, demo.ForInitiator(key));
    WP_TRY_VOID(demo.SetConditionByInitiator(key, view.conditions[0].id, ConditionStatus::kMet));
    WP_TRY_VOID(demo.SetCondition(desk, c.id, view.conditions[2].id, ConditionStatus::kMet));
    return Ok();
  }
  if (stage == "in_progress" || stage == "done") {
    later(48);
    WP_TRY_VOID(demo.MarkProgress(key, InitiativeStatus::kInProgress));
    later(24 * 5);
    WP_TRY_VOID(demo.PostUpdate(key, "We zijn begonnen! Veertien buren hielpen mee."));
    WP_TRY_VOID(DemoSubsidy(demo, clock, cast, c, stage));  // before "done": a closed plan cannot ask
    if (stage == "done") {
      later(24 * 7);
      WP_TRY_VOID(demo.PostUpdate(key, "Klaar. Dank aan iedereen die hielp."));
      WP_TRY_VOID(demo.MarkProgress(key, InitiativeStatus::kDone));
    }
  }
  return Ok();
}

}  // namespace

Result<void> LoadInitiativesDemo(const web::DemoSeed& seed, InitiativeCommands& live, db::Database& db, Random& random,
                                 const i18n::Catalog& catalog, const platforms::PlatformDirectory& platforms,
                                 const accounts::Roles& roles) {
  WP_ASSIGN_OR_RETURN(int64_t count, db.Read([](db::Connection& c) { return InitiativeStore::CountAll(c); }));
  if (count > 0) return Ok();
  auto m = live.geography().current();
  if (m->neighbourhoods.empty()) return Ok();
  auto person = [&](const char* email, const char* name, auth::Role role) -> Result<auth::User> {
    WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, {{role, ""}}));
    return auth::User{id, email, name, "nl", {{role, ""}}};
  };
  WP_ASSIGN_OR_RETURN(auth::User desk,
                      person("loket@demo.wijkplatform.invalid", "Mirjam Koster (demo)", auth::Role::kInitiativeDesk));
  WP_ASSIGN_OR_RETURN(auth::User desk2,
                      person("loket2@demo.wijkplatform.invalid", "Daan Visser (demo)", auth::Role::kInitiativeDesk));
  WP_ASSIGN_OR_RETURN(auth::User expert, person("vakspecialist@demo.wijkplatform.invalid", "Joost Bakker (demo)",
                                                auth::Role::kMunicipalExpert));
  WP_ASSIGN_OR_RETURN(int64_t resident_id,
                      seed.ensure_user("bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)", {}));
  auth::User resident{resident_id, "bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)", "nl", {}};

  // The same commands on a clock of their own, from 60 days ago up to now.
  int64_t now = seed.clock->NowUnixSeconds();
  FakeClock clock(now);
  InitiativeCommands demo(db, clock, random, live.zone(), catalog, live.geography(), platforms, roles, live.settings(),
                          live.editions());
  auto day = [&](int days_ago) { clock.Set(now - static_cast<int64_t>(days_ago) * 86400); };
  Cast cast{desk, desk2, expert};

  // How far each initiative gets, and how many days ago it was submitted.
  struct Plan {
    int days_ago;
    const char* stage;
  } plans[] = {{2, "draft"},     {1, "submitted"},    {12, "no_contact"}, {6, "contact"},
               {20, "in_check"}, {48, "late_check"},  {30, "yes"},        {35, "yes_provided"},
               {33, "no"},       {55, "in_progress"}, {58, "done"},       {25, "withdrawn"}};
  for (size_t k = 0; k < std::size(plans); ++k) {
    const DemoInitiative& d = kInitiatives[k];
    const Plan& plan = plans[k];
    std::string stage = plan.stage;
    day(plan.days_ago);
    NewInitiative in;
    in.compass.title = d.title;
    in.compass.what = d.what;
    in.compass.when = d.when;
    in.compass.helpers = d.helpers;
    in.compass.needs = d.needs;
    in.compass.initiator_name = d.name;
    in.compass.neighbourhood_code = m->neighbourhoods[(k * 11) % m->neighbourhoods.size()].code.str();
    in.compass.is_public = stage != "draft";
    in.compass.show_name = k % 2 == 0;
    in.compass.link_platform = true;
    in.email = "initiatief" + std::to_string(k + 1) + "@demo.wijkplatform.invalid";
    in.submit = stage != "draft";
    // The demo resident (signed in) owns a draft, a granted and a paid start subsidy.
    std::optional<auth::User> by = k == 6 || k == 7 || k == 0 ? std::optional(resident) : std::nullopt;
    WP_ASSIGN_OR_RETURN(Created c, demo.Create(in, by));
    if (stage == "in_progress" || stage == "yes_provided" || stage == "draft") {
      WP_TRY_VOID(DemoFiles(demo, c));
    }
    WP_TRY_VOID(Advance(demo, clock, live.zone(), cast, c, stage));
    if (stage != "in_progress" && stage != "done") {
      WP_TRY_VOID(DemoSubsidy(demo, clock, cast, c, stage));
    }
  }
  clock.Set(now);
  return DemoPlanToDesk(seed, demo);
}

}  // namespace wp::initiatives
