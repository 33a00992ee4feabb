#include "features/budgets/demo.h"

#include <set>

#include "features/budgets/budget_store.h"

namespace wp::budgets {

namespace {

constexpr int64_t kDay = 24 * 3600;

struct DemoPlan {
  const char* title;
  const char* theme;
  const char* description;
  std::vector<CostLine> costs;
  int likes;
  // Status changes after submission, with notes, up to the ballot at most:
  // what follows the vote comes from the count.
  std::vector<std::pair<PlanStatus, const char*>> steps;
};

struct Person {
  int64_t id;
  std::string name, email;
};

Result<void> AddPlans(db::Connection& c, const Edition& e, const std::vector<DemoPlan>& plans,
                      const std::vector<Person>& submitters, const std::vector<Person>& likers, const Person& official,
                      const Person& expert) {
  std::vector<std::string> buurten(e.area.begin(), e.area.end());
  int i = 0;
  for (const auto& d : plans) {
    const Person& s = submitters[i % submitters.size()];
    Plan p;
    p.edition_id = e.id;
    p.submitter_id = s.id;
    p.submitter_name = s.name;
    p.submitter_email = s.email;
    p.submitter_locale = "nl";
    p.title = d.title;
    p.theme = d.theme;
    p.description = d.description;
    p.neighbourhood_code = buurten[(i * 3) % buurten.size()];
    p.cost_lines = d.costs;
    p.cost_cents = TotalCents(d.costs);
    p.status = PlanStatus::kSubmitted;
    int64_t at = e.dates.plans_open + (i + 1) * kDay;
    WP_ASSIGN_OR_RETURN(int64_t id, BudgetStore::InsertPlan(c, p, at));
    for (int l = 0; l < d.likes && l < static_cast<int>(likers.size()); ++l) {
      WP_TRY_VOID(BudgetStore::InsertLike(c, e.id, id, likers[l].id, e.dates.likes_open + l * 3600));
    }
    PlanStatus from = PlanStatus::kSubmitted;
    for (const auto& [to, note] : d.steps) {
      bool review = IsFeasible(to) || to == PlanStatus::kNotFeasible || to == PlanStatus::kMunicipalDuty;
      const Person& actor = review ? expert : official;
      int64_t when = review ? e.dates.review_open + 7 * kDay : e.dates.likes_open;
      if (to == PlanStatus::kOnToReview || to == PlanStatus::kBelowThreshold) when = e.dates.review_open;
      if (to == PlanStatus::kOnBallot) when = e.dates.voting_open;
      bool system = to == PlanStatus::kOnToReview || to == PlanStatus::kBelowThreshold || to == PlanStatus::kOnBallot;
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, id, from, to, note, system ? 0 : actor.id,
                                            system ? "Wijkplatform" : actor.name, when));
      from = to;
    }
    ++i;
  }
  return Ok();
}

std::vector<CostLine> Costs(std::initializer_list<std::pair<const char*, int64_t>> euros) {
  std::vector<CostLine> out;
  for (const auto& [label, amount] : euros) out.push_back({label, amount * 100});
  return out;
}

// Plans of the 2026 edition in every state up to the ballot.
std::vector<DemoPlan> Plans2026() {
  using S = PlanStatus;
  return {
      {"Moestuin bij de Molenwijk",
       "Op straat & groen",
       "Een gezamenlijke moestuin op het grasveld achter de flats. Buren kweken samen groente en kruiden, en "
       "kinderen van de basisschool komen op woensdag helpen.",
       Costs({{"Bakken en grond", 3500}, {"Gereedschap en schuur", 2800}, {"Zaden en planten", 900}, {"Hek", 1300}}),
       12,
       {{S::kOnToReview, "12 / 10"}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Buurtkamer in Europawijk",
       "Elkaar ontmoeten",
       "Twee ochtenden per week koffie, thee en een praatje in het buurthuis. Voor iedereen die de buren beter "
       "wil leren kennen.",
       Costs({{"Huur ruimte (1 jaar)", 6000}, {"Koffie, thee en koek", 2500}, {"Inrichting", 3500}}),
       11,
       {{S::kOnToReview, "11 / 10"},
        {S::kFeasibleWithConditions, "Er moet een vaste sleutelhouder zijn; gebruik in overleg met de beheerder."},
        {S::kOnBallot, ""}}},
      {"Zonnepanelen op het clubhuis van de speeltuin",
       "Duurzaamheid",
       "Zonnepanelen op het dak van het speeltuinclubhuis. De besparing gaat naar activiteiten voor kinderen.",
       Costs({{"Panelen en omvormer", 14000}, {"Installatie", 4000}}),
       10,
       {{S::kOnToReview, "10 / 10"}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Picknicktafels in het Reinaldapark",
       "Elkaar ontmoeten",
       "Vier stevige picknicktafels bij de speelplek, zodat ouders en buren samen kunnen zitten.",
       Costs({{"Vier tafels", 3600}, {"Plaatsen", 600}}),
       12,
       {{S::kOnToReview, "12 / 10"}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Bloembakken langs de Kennedylaan",
       "Op straat & groen",
       "Bloembakken met vaste planten langs de stoep. Bewoners geven samen water.",
       Costs({{"Bakken", 1500}, {"Planten", 1000}}),
       10,
       {{S::kOnToReview, "10 / 10"}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Drempels op de Amerikaweg",
       "Op straat & groen",
       "Er wordt te hard gereden. Drempels maken de weg veiliger voor kinderen.",
       Costs({{"Drempels", 9000}}),
       12,
       {{S::kOnToReview, "12 / 10"},
        {S::kMunicipalDuty,
         "Verkeersveiligheid is een taak van de gemeente: doorgestuurd naar Verkeer en Mobiliteit."}}},
      {"Overdekte skatebaan in de Boerhaavewijk",
       "Elkaar ontmoeten",
       "Een overdekte skatebaan voor jongeren, open het hele jaar.",
       Costs({{"Bouw", 40000}, {"Vloer en obstakels", 5000}}),
       11,
       {{S::kOnToReview, "11 / 10"},
        {S::kNotFeasible, "De grond is niet van de gemeente en een overdekte baan past niet binnen het budget."}}},
      {"Repair café in Meerwijk",
       "Duurzaamheid",
       "Eén zaterdag per maand samen spullen repareren in plaats van weggooien.",
       Costs({{"Gereedschap", 1800}, {"Huur en koffie", 1200}}),
       4,
       {{S::kBelowThreshold, "4 / 10"}}},
  };
}

// Plans of the 2025 edition, on the ballot; the votes, the count and the
// implementation follow through the real commands (app/counted_edition_demo.h).
std::vector<DemoPlan> Plans2025() {
  using S = PlanStatus;
  return {
      {"Speeltoestel voor peuters in de Molenwijk",
       "Op straat & groen",
       "Een klein speeltoestel voor de jongste kinderen op het pleintje.",
       Costs({{"Speeltoestel", 9500}, {"Ondergrond", 2500}}),
       12,
       {{S::kOnToReview, ""}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Buurtfeest Schalkwijk",
       "Elkaar ontmoeten",
       "Een buurtfeest op het Floris van Adrichemplein.",
       Costs({{"Podium en geluid", 3000}, {"Eten en drinken", 2000}}),
       11,
       {{S::kOnToReview, ""}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
      {"Geveltuintjes in de Europawijk",
       "Op straat & groen",
       "Tegels eruit, planten erin.",
       Costs({{"Planten en aarde", 4000}}),
       10,
       {{S::kOnToReview, ""}, {S::kFeasible, ""}, {S::kOnBallot, ""}}},
  };
}

// The demo's accounts: a gebiedsverbinder of Schalkwijk, an expert, four
// submitters, and neighbours who liked plans.
struct Cast {
  Person official, expert;
  std::vector<Person> submitters, likers;
};

Result<Cast> DemoCast(const web::DemoSeed& seed) {
  using auth::Role;
  auto person = [&](const std::string& email, const std::string& name,
                    const std::vector<auth::RoleGrant>& grants) -> Result<Person> {
    WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, grants));
    return Person{id, name, email};
  };
  Cast cast;
  WP_ASSIGN_OR_RETURN(cast.official, person("gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)",
                                            {{Role::kAreaLiaison, "schalkwijk"}}));
  WP_ASSIGN_OR_RETURN(cast.expert, person("vakspecialist@demo.wijkplatform.invalid", "Joost Bakker (demo)",
                                          {{Role::kMunicipalExpert, ""}}));
  for (const auto& [email, name] : std::vector<std::pair<std::string, std::string>>{
           {"bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)"},
           {"fatima.elamrani@demo.wijkplatform.invalid", "Fatima El Amrani (demo)"},
           {"kees.dejong@demo.wijkplatform.invalid", "Kees de Jong (demo)"},
           {"linda.bos@demo.wijkplatform.invalid", "Linda Bos (demo)"}}) {
    WP_ASSIGN_OR_RETURN(Person p, person(email, name, {}));
    cast.submitters.push_back(p);
  }
  // The demo edition asks 10 likes (the real one asks 50), so a handful of
  // accounts shows the whole flow.
  cast.likers = cast.submitters;
  for (int i = 1; cast.likers.size() < 12; ++i) {
    WP_ASSIGN_OR_RETURN(Person p, person("buur" + std::to_string(i) + "@demo.wijkplatform.invalid",
                                         "Buurtbewoner " + std::to_string(i) + " (demo)", {}));
    cast.likers.push_back(p);
  }
  return cast;
}

// The local midnight that starts the day `days` after the day of `now`.
int64_t LocalMidnight(const time::TimeZone& zone, int64_t now, int days) {
  return zone.StartOfDay(time::AddDays(zone.ToLocal(now), days));
}

// Schalkwijk aan Zet 2026 (in its voting phase at `now`) over `area`.
// Phases start at local midnight, as the edition form sets them.
Edition Edition2026(const std::set<std::string>& area, int64_t now, const time::TimeZone& zone) {
  Edition e;
  e.slug = "schalkwijk-aan-zet-2026";
  e.title = "Schalkwijk aan Zet 2026";
  e.description =
      "Bewoners van Schalkwijk bedenken plannen voor hun buurt en kiezen samen welke plannen geld krijgen. "
      "Er is 70.000 euro te verdelen. (Demo: in het echt zijn 50 likes nodig, hier 10.)";
  e.borough_slug = "schalkwijk";
  e.area = area;
  e.budget_cents = 7'000'000;
  e.themes = {"Elkaar ontmoeten", "Op straat & groen", "Duurzaamheid"};
  e.min_age = 16;
  e.like_threshold = 10;
  e.ballot_kind = BallotKind::kSplitBudget;
  e.counting_rule = CountingRule::kEqualShares;
  auto day = [&](int from_today) { return LocalMidnight(zone, now, from_today); };
  e.dates = {day(-120), day(-75), day(-45), day(-3), day(18)};
  e.published = true;
  return e;
}

// Schalkwijk aan Zet 2025: like 2026, a year earlier, voting closed.
Edition Edition2025(const Edition& e26, int64_t now, const time::TimeZone& zone) {
  Edition e = e26;
  e.slug = "schalkwijk-aan-zet-2025";
  e.title = "Schalkwijk aan Zet 2025";
  e.description = "De eerste ronde van Schalkwijk aan Zet. De gekozen plannen worden nu uitgevoerd.";
  e.budget_cents = 1'750'000;
  e.counting_rule = CountingRule::kGreedy;
  auto day = [&](int from_today) { return LocalMidnight(zone, now, from_today); };
  e.dates = {day(-420), day(-390), day(-360), day(-330), day(-310)};
  return e;
}

}  // namespace

Result<void> LoadBudgetsDemo(db::Database& db, const geography::Municipality& m, const web::DemoSeed& seed,
                             const time::TimeZone& zone) {
  const geography::Borough* borough = geography::FindBoroughBySlug(m, "schalkwijk");
  if (!borough) return Ok();  // another municipality: no Haarlem demo
  WP_ASSIGN_OR_RETURN(auto existing, db.Read([](db::Connection& c) {
    return BudgetStore::FindEditionBySlug(c, "schalkwijk-aan-zet-2026");
  }));
  if (existing) return Ok();
  std::set<std::string> area;
  for (const auto& n : m.neighbourhoods) {
    if (n.borough == borough->name) area.insert(n.code.str());
  }
  if (area.empty()) return Ok();
  WP_ASSIGN_OR_RETURN(Cast cast, DemoCast(seed));
  int64_t now = seed.clock->NowUnixSeconds();
  Edition e26 = Edition2026(area, now, zone);
  Edition e25 = Edition2025(e26, now, zone);
  auto written = db.Write([&](db::Connection& c) -> Result<void> {
    for (auto* e : {&e25, &e26}) {
      WP_ASSIGN_OR_RETURN(e->id, BudgetStore::InsertEdition(c, *e, e->dates.plans_open - 30 * kDay));
      WP_TRY_VOID(AddPlans(c, *e, e == &e25 ? Plans2025() : Plans2026(), cast.submitters, cast.likers, cast.official,
                           cast.expert));
      WP_TRY_VOID(BudgetStore::SetFlag(c, e->id, EditionFlag::kLikesSettled));
      WP_TRY_VOID(BudgetStore::SetFlag(c, e->id, EditionFlag::kBallotSettled));
    }
    return Ok();
  });
  NoteBudgetsChanged();
  return written;
}

}  // namespace wp::budgets
