#include "features/talks/demo.h"

#include "core/time/format.h"
#include "features/talks/talk_store.h"

namespace wp::talks {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";
constexpr const char* kKernteamEmail = "kernteam.boerhaavewijk@demo.wijkplatform.invalid";
constexpr const char* kKernteamName = "Fatma Yilmaz (demo)";
constexpr const char* kPlace = "Buurthuis De Ringvaart, Boerhaavelaan";

struct Demo {
  TalkCommands& commands;
  db::Database& db;
  const platforms::Platform& platform;
  const auth::User& liaison;
  const auth::User& kernteam;
};

std::string DaysAhead(const TalkCommands& commands, int days) {
  return time::DateInputValue(time::AddDays(commands.zone().ToLocal(commands.Now()), days));
}

// Plans the round `year`/`half` for Schalkwijk and gives the platform's
// meeting a date on day `day` of `month`; returns the meeting's id.
Result<int64_t> PlanMeeting(const Demo& d, int year, Half half, int month, int day) {
  RoundForm round{std::to_string(year), std::string(HalfName(half)), d.platform.borough_slug};
  WP_ASSIGN_OR_RETURN([[maybe_unused]] PlannedRound planned, d.commands.PlanRound(d.liaison, round));
  WP_ASSIGN_OR_RETURN(auto rounds, d.commands.Rounds(&d.liaison));
  for (const auto& r : rounds) {
    if (r.round.year != year || r.round.half != half) continue;
    for (const auto& rm : r.meetings) {
      if (rm.platform.id != d.platform.id) continue;
      time::LocalDateTime date{year, month, day};
      WP_TRY_VOID(d.commands.Schedule(d.liaison, rm.meeting.id, {time::DateInputValue(date), "19:30", kPlace, ""}));
      return rm.meeting.id;
    }
  }
  return NotFound("demo meeting", "talks.meeting.not_found");
}

// The spring meeting that was held: its agenda was proposed before it.
Result<void> HeldMeeting(const Demo& d, int year) {
  WP_ASSIGN_OR_RETURN(int64_t id, PlanMeeting(d, year, Half::kSpring, 4, 15));
  WP_TRY_VOID(d.db.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto m, TalkStore::FindMeeting(c, id));
    int64_t at = *m->starts_at - 14 * 86400;
    const std::pair<const auth::User*, const char*> items[] = {
        {&d.kernteam, "Te hard rijden op de Boerhaavelaan"},
        {&d.kernteam, "Meer groen op het plein bij de school"},
        {&d.liaison, "Plannen voor de nieuwe speeltuin"}};
    for (const auto& [who, text] : items) {
      Proposer proposer = who == &d.kernteam ? Proposer::kKernteam : Proposer::kMunicipality;
      WP_TRY_VOID(TalkStore::AppendItem(c, {0, id, 0, proposer, who->id, "", text, at}));
      WP_TRY_VOID(TalkStore::Append(c, id, {at, who->id, "", EntryKind::kAgenda, text}));
    }
    return Ok();
  }));
  WP_TRY_VOID(d.commands.SaveMinutes(
      d.liaison, id,
      "Aanwezig: vijf leden van het kernteam en de gebiedsverbinder.\n"
      "Het kernteam vertelde over de klachten over te hard rijden. De gemeente gaat meten hoe hard er wordt gereden.\n"
      "Het plein bij de school krijgt meer groen. Bewoners mogen meedenken over de planten."));
  WP_TRY_VOID(d.commands.AddAgreement(d.liaison, id,
                                      {"De gemeente meet vier weken lang hoe hard er op de Boerhaavelaan wordt gereden.",
                                       "Afdeling Verkeer", "Johan Smit", DaysAhead(d.commands, 60)}));
  WP_TRY_VOID(d.commands.AddAgreement(d.liaison, id,
                                      {"Er komen plantenbakken en twee bomen op het plein bij de school.",
                                       "Afdeling Openbare Ruimte", "Karin Jansen", DaysAhead(d.commands, 150)}));
  return d.commands.MarkHeld(d.liaison, id);
}

// The autumn meeting ahead, with agenda items from both sides.
Result<void> PlannedMeeting(const Demo& d, int year) {
  WP_ASSIGN_OR_RETURN(int64_t id, PlanMeeting(d, year, Half::kAutumn, 9, 15));
  WP_TRY_VOID(d.commands.ProposeItem(d.kernteam, id, "Wat is er gedaan met de metingen op de Boerhaavelaan?"));
  WP_TRY_VOID(d.commands.ProposeItem(d.kernteam, id, "Een vaste plek voor het spreekuur van het wijkplatform"));
  return d.commands.ProposeItem(d.liaison, id, "Het wijkbudget van volgend jaar: hoe betrekken we meer bewoners?");
}

Result<void> CancelledMeeting(const Demo& d, int year) {
  WP_ASSIGN_OR_RETURN(int64_t id, PlanMeeting(d, year, Half::kAutumn, 10, 7));
  return d.commands.Cancel(d.liaison, id,
                           "De gebiedsverbinder was ziek. De punten zijn meegenomen naar het gesprek in het voorjaar.");
}

}  // namespace

Result<void> LoadTalksDemo(const web::DemoSeed& seed, TalkCommands& commands, db::Database& db) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug("wijkplatform-boerhaavewijk"));
  if (!platform || platform->status != platforms::PlatformStatus::kRecognised) return Ok();
  WP_ASSIGN_OR_RETURN(auto rounds, commands.Rounds(nullptr));
  for (const auto& r : rounds) {
    for (const auto& rm : r.meetings) {
      if (rm.platform.id == platform->id) return Ok();
    }
  }
  const std::vector<auth::RoleGrant> liaison_grants = {{auth::Role::kAreaLiaison, "schalkwijk"}};
  WP_ASSIGN_OR_RETURN(int64_t liaison_id, seed.ensure_user(kLiaisonEmail, kLiaisonName, liaison_grants));
  const std::vector<auth::RoleGrant> kernteam_grants = {
      {auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}};
  WP_ASSIGN_OR_RETURN(int64_t kernteam_id, seed.ensure_user(kKernteamEmail, kKernteamName, kernteam_grants));
  auth::User liaison{liaison_id, kLiaisonEmail, kLiaisonName, "nl", liaison_grants};
  auth::User kernteam{kernteam_id, kKernteamEmail, kKernteamName, "nl", kernteam_grants};
  Demo d{commands, db, *platform, liaison, kernteam};
  const time::TimeZone& zone = commands.zone();
  int64_t now = commands.Now();
  int this_year = zone.ToLocal(now).year;
  // The last spring meeting (15 April) that lies behind us; the next autumn
  // meeting (15 September) that still takes proposals for three weeks.
  int spring = zone.ToUtc({this_year, 4, 15, 22, 0}) < now ? this_year : this_year - 1;
  int autumn = zone.ToUtc({this_year, 9, 15}) - 21 * 86400 > now ? this_year : this_year + 1;
  WP_TRY_VOID(CancelledMeeting(d, spring - 1));
  WP_TRY_VOID(HeldMeeting(d, spring));
  return PlannedMeeting(d, autumn);
}

}  // namespace wp::talks
