#include "features/offers/demo.h"

namespace wp::offers {

namespace {

struct DemoOfferer {
  const char* email;
  const char* name;
  OffererType type;
  Kind kind;
  const char* text;
  std::vector<std::string> themes;
  bool in_wijk;  // else the whole city
};

const DemoOfferer kOfferers[] = {
    {"karim@demo.wijkplatform.invalid", "Karim (demo)", OffererType::kResident, Kind::kVolunteers,
     "Ik help graag een zondag per maand mee met opruimen in de buurt.", {"clean", "sport"}, true},
    {"bouwmarkt@demo.wijkplatform.invalid", "Bouwmarkt Zuid (demo)", OffererType::kEntrepreneur, Kind::kMaterials,
     "Wij lenen grijpers, handschoenen en kruiwagens uit aan buurtgroepen.", {"clean", "repairs"}, false},
    {"buurthuis@demo.wijkplatform.invalid", "Buurthuis De Ster (demo)", OffererType::kOrganisation, Kind::kSpace,
     "Onze zaal met keuken is op zondag vrij voor buurtactiviteiten.", {"meeting", "cooking"}, true},
    {"bakkerij@demo.wijkplatform.invalid", "Bakkerij Van Dam (demo)", OffererType::kEntrepreneur, Kind::kMoney,
     "Wij sponsoren buurtactiviteiten met koffie en koek, tot 150 euro.", {"meeting", "cooking"}, false},
    {"advies@demo.wijkplatform.invalid", "Ineke (demo)", OffererType::kResident, Kind::kKnowledge,
     "Ik was jaren penningmeester en help graag met een begroting of een subsidieaanvraag.", {"organising"}, false},
};

const Fund kFunds[] = {
    {0, "Haarlems Buurtfonds (demo)", "Kleine plannen van bewoners die de buurt mooier of gezelliger maken.",
     "tot € 2.500 per plan", "https://example.org/buurtfonds", "heel Haarlem", 0, 0},
    {0, "Stichting Groen Dichtbij (demo)", "Geveltuinen, boomspiegels en moestuinen in de wijk.",
     "tot € 1.000", "https://example.org/groen-dichtbij", "heel Haarlem", 0, 0},
    {0, "Ondernemersfonds Schalkwijk (demo)", "Activiteiten die bewoners en ondernemers samenbrengen.",
     "€ 250 tot € 5.000", "", "Schalkwijk", 0, 0},
};

}  // namespace

Result<void> LoadOffersDemo(const web::DemoSeed& seed, OfferCommands& commands,
                            initiatives::InitiativeCommands& initiatives, db::Database& db) {
  WP_ASSIGN_OR_RETURN(int64_t needs, db.Read([](db::Connection& c) { return OfferStore::CountNeeds(c); }));
  if (needs > 0) return Ok();
  const char* resident_email = "bewoner@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(int64_t resident_id, seed.ensure_user(resident_email, "Anouk Jansen (demo)", {}));
  auth::User resident{resident_id, resident_email, "Anouk Jansen (demo)", "nl", {}};
  WP_ASSIGN_OR_RETURN(auto mine, initiatives.OfUser(resident));
  std::optional<initiatives::Initiative> target;
  for (const auto& i : mine) {
    if (i.compass.is_public && i.status != initiatives::InitiativeStatus::kDraft &&
        !initiatives::IsClosed(i.status, i.answer)) {
      target = i;
    }
  }
  if (!target) return Ok();
  initiatives::InitiatorKey key{"", resident, target->id};
  struct {
    Kind kind;
    const char* text;
    std::vector<std::string> themes;
    const char* amount;
  } demo_needs[] = {
      {Kind::kVolunteers, "Buren die één zondag per maand meehelpen met afval prikken.", {"clean", "organising"},
       "10 mensen"},
      {Kind::kMaterials, "Grijpers, handschoenen en stevige vuilniszakken.", {"clean"}, "20 sets"},
      {Kind::kMoney, "Een sponsor voor koffie en iets lekkers na afloop.", {"meeting"}, "€ 150"},
      {Kind::kSpace, "Een plek om na afloop samen koffie te drinken.", {"meeting"}, ""},
  };
  std::vector<int64_t> need_ids;
  for (const auto& n : demo_needs) {
    WP_ASSIGN_OR_RETURN(int64_t id, commands.AddNeed(key, NeedInput{n.kind, n.text, n.themes, n.amount}, ""));
    need_ids.push_back(id);
  }
  std::vector<OfferCreated> offers;
  for (const auto& o : kOfferers) {
    WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(o.email, o.name, {}));
    auth::User user{id, o.email, o.name, "nl", {}};
    OfferInput in{o.kind, o.text, o.themes, o.in_wijk ? target->district_code : "", o.name, o.type, ""};
    WP_ASSIGN_OR_RETURN(auto created, commands.CreateOffer(in, "", "nl", user));
    offers.push_back(created);
  }
  // Accepted: Karim asked about the volunteers, the initiator said yes.
  WP_ASSIGN_OR_RETURN(auto accepted, commands.AskInitiator(offers[0].manage_token, need_ids[0],
                                                           "Ik woon om de hoek en doe graag mee."));
  WP_TRY_VOID(commands.Answer(accepted.answer_token, true));
  // Asked: the initiator asked the shop about materials; no answer yet.
  WP_TRY_VOID(commands.AskOfferer(key, need_ids[1], offers[1].id, "Mogen wij twintig grijpers lenen?"));
  // Declined: the initiator asked the bakery; it had no budget left this year.
  WP_ASSIGN_OR_RETURN(auto declined, commands.AskOfferer(key, need_ids[2], offers[3].id,
                                                         "Wilt u koffie en koek sponsoren?"));
  WP_TRY_VOID(commands.Answer(declined.answer_token, false));
  auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  for (const auto& f : kFunds) WP_TRY_VOID(commands.AddFund(system, f));
  return Ok();
}

}  // namespace wp::offers
