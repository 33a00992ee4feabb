#include "features/promises/demo.h"

#include "core/time/format.h"
#include "features/promises/promise_store.h"

namespace wp::promises {

namespace {

constexpr const char* kLiaisonEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kLiaisonName = "Samira de Vries (demo)";
constexpr const char* kAnsweredTitle = "Advies over de Floris van Adrichemlaan";

std::string DaysAhead(const PromiseCommands& commands, int days) {
  return time::DateInputValue(time::AddDays(commands.zone().ToLocal(commands.Now()), days));
}

// From the first point of the demo advice (adopted): on time, then handed over.
Result<void> AnswerPromise(PromiseCommands& commands, const auth::User& liaison, const platforms::Platform& p,
                           const advice::AdviceCommands& advice) {
  WP_ASSIGN_OR_RETURN(auto advices, advice.AdvicesOf(liaison, p));
  for (const auto& a : advices) {
    if (a.title != kAnsweredTitle || a.status != advice::AdviceStatus::kAnswered) continue;
    PromiseForm form{"Er komen 24 nieuwe bomen in de Floris van Adrichemlaan.",
                     "",
                     "",
                     "Afdeling Openbare Ruimte",
                     "Karin Jansen",
                     DaysAhead(commands, 120)};
    WP_ASSIGN_OR_RETURN(int64_t id, commands.Create(liaison, p.id, form, std::make_pair(a.id, 1)));
    WP_TRY_VOID(commands.Update(liaison, id, {"De bomen zijn besteld. Ze worden in maart geplant.", ""}));
    return commands.Handover(liaison, id,
                             {"Afdeling Openbare Ruimte", "Mehmet Yilmaz", "Karin Jansen werkt nu in Haarlem-Noord."});
  }
  return Ok();
}

// Made at a wijkschouw two months ago, due two weeks ago, not done: late.
Result<void> LatePromise(const PromiseCommands& commands, db::Database& db, const auth::User& liaison,
                         const platforms::Platform& p) {
  int64_t now = commands.Now();
  Promise late;
  late.platform_id = p.id;
  late.text = "De kapotte lantaarnpalen in het Boerhaavepark worden gerepareerd.";
  late.source = Source::kMeeting;
  late.source_note = "Wijkschouw met de gebiedsverbinder";
  late.owner = {"Afdeling Openbare Ruimte", "Peter Bakker"};
  late.created_at = late.updated_at = now - 60 * 86400;
  late.due_at = time::EndOfDay(commands.zone(),
                               commands.working_days().OnOrAfter(time::AddDays(commands.zone().ToLocal(now), -14)));
  late.created_by = liaison.id;
  return db.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t id, PromiseStore::Insert(c, late));
    return PromiseStore::Append(
        c, id, {late.created_at, liaison.id, "", EntryKind::kCreated, "", "open", OwnerLine(late.owner)});
  });
}

Result<void> DonePromise(PromiseCommands& commands, const auth::User& liaison, const platforms::Platform& p) {
  PromiseForm form{"De gemeente zet een extra afvalbak bij de speeltuin aan de Boerhaavelaan.",
                   "meeting",
                   "Wijkgesprek in het buurthuis",
                   "Spaarnelanden",
                   "Ilse de Wit",
                   DaysAhead(commands, 30)};
  WP_ASSIGN_OR_RETURN(int64_t id, commands.Create(liaison, p.id, form, std::nullopt));
  return commands.Update(liaison, id, {"De afvalbak staat er sinds vorige week.", "done"});
}

// Earlier promises of the platform, each made at a wijkschouw almost a year
// ago and done since: the first kOnTime by their date, the rest after it.
// They fall in quarters that have ended, for the dashboards.
constexpr const char* kEarlierPromises[] = {
    "De gemeente repareert de stoeptegels aan de Boerhaavelaan.",
    "Er komt een nieuw bankje bij de vijver in het Boerhaavepark.",
    "De gemeente snoeit de bomen langs het fietspad naar Schalkwijk.",
    "Spaarnelanden leegt de afvalbakken bij de speeltuin vaker.",
    "De gemeente maakt de kapotte schommel in de speeltuin.",
    "Er komen twee extra fietsenrekken bij het winkelcentrum.",
    "De gemeente verft het hek rond het trapveldje.",
    "De gemeente plaatst een drempel in de Van Swietenstraat.",
    "De gemeente haalt de graffiti weg bij de onderdoorgang.",
    "Er komt een plantenbak bij de ingang van het buurthuis.",
    "De gemeente zet een extra lantaarnpaal op het pad achter de school.",
    "De gemeente maakt de goot in de Sylviusstraat schoon.",
    "De gemeente vervangt het verkeersbord bij de rotonde.",
    "Er komt een hondenpoepbak bij het grasveld.",
    "De gemeente zaait bloemen in de berm langs de Europaweg.",
    "De gemeente zet een informatiebord bij de nieuwe moestuin.",
    "De gemeente repareert de waterpomp op het plein.",
    "De gemeente maakt het pad naar de sporthal breder.",
    "De gemeente legt nieuwe tegels bij de bushalte.",
    "Er komt een glasbak bij de flats aan de Boerhaavelaan.",
    "De gemeente maakt de brug over de sloot weer veilig.",
    "De gemeente ruimt het zwerfafval op bij de parkeerplaats.",
};
constexpr int kOnTime = 12;
constexpr int64_t kDay = 86400;

Result<void> EarlierPromises(const PromiseCommands& commands, db::Database& db, const auth::User& liaison,
                             const platforms::Platform& p) {
  int64_t now = commands.Now();
  return db.Write([&](db::Connection& c) -> Result<void> {
    int i = 0;
    for (const char* text : kEarlierPromises) {
      bool on_time = i++ < kOnTime;
      Promise promise;
      promise.platform_id = p.id;
      promise.text = text;
      promise.source = Source::kMeeting;
      promise.source_note = "Wijkschouw met de gebiedsverbinder";
      promise.owner = {"Afdeling Openbare Ruimte", "Peter Bakker"};
      promise.created_at = now - 330 * kDay;
      promise.due_at = now - (on_time ? 200 : 250) * kDay;
      int64_t done_at = now - (on_time ? 230 : 130) * kDay + i * 3600;
      promise.status = Status::kDone;
      promise.updated_at = done_at;
      promise.created_by = liaison.id;
      WP_ASSIGN_OR_RETURN(int64_t id, PromiseStore::Insert(c, promise));
      WP_TRY_VOID(PromiseStore::Append(
          c, id, {promise.created_at, liaison.id, "", EntryKind::kCreated, "", "open", OwnerLine(promise.owner)}));
      WP_TRY_VOID(PromiseStore::Append(c, id,
                                       {done_at, liaison.id, "", EntryKind::kStatus, "open", "done",
                                        "Klaar. Dank voor de melding bij de wijkschouw."}));
    }
    return Ok();
  });
}

}  // namespace

Result<void> LoadPromisesDemo(const web::DemoSeed& seed, PromiseCommands& commands, db::Database& db,
                              const advice::AdviceCommands* advice) {
  WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug("wijkplatform-boerhaavewijk"));
  if (!platform) return Ok();
  WP_ASSIGN_OR_RETURN(auto existing, commands.OfPlatform(platform->id));
  if (!existing.empty()) return Ok();
  const std::vector<auth::RoleGrant> grants = {{auth::Role::kAreaLiaison, "schalkwijk"}};
  WP_ASSIGN_OR_RETURN(int64_t liaison_id, seed.ensure_user(kLiaisonEmail, kLiaisonName, grants));
  auth::User liaison{liaison_id, kLiaisonEmail, kLiaisonName, "nl", grants};
  if (advice) {
    WP_TRY_VOID(AnswerPromise(commands, liaison, *platform, *advice));
  }
  WP_TRY_VOID(EarlierPromises(commands, db, liaison, *platform));
  WP_TRY_VOID(LatePromise(commands, db, liaison, *platform));
  return DonePromise(commands, liaison, *platform);
}

}  // namespace wp::promises
