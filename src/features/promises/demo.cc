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
  WP_TRY_VOID(LatePromise(commands, db, liaison, *platform));
  return DonePromise(commands, liaison, *platform);
}

}  // namespace wp::promises
