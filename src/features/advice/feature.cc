#include "features/advice/feature.h"

#include "features/advice/demo.h"
#include "features/advice/routes.h"
#include "features/advice/search_entries.h"
#include "wp_advice_files.h"

namespace wp::advice {

namespace {

// Every entry of `of` for every row of the tables (the index's rebuild).
template <typename Row>
void Append(std::vector<search::Entry>& out, std::vector<search::Entry> (*of)(const Row&),
            const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    for (auto& e : of(row)) out.push_back(std::move(e));
  }
}

void AddSearchSources(search::Index& index) {
  index.AddSource({kRequestSource, [](int64_t id) { return "/advies/aanvraag/" + std::to_string(id); },
                   [](db::Connection& c) -> Result<std::vector<search::Entry>> {
                     WP_ASSIGN_OR_RETURN(auto requests, AdviceStore::Requests(c, 0));
                     std::vector<search::Entry> out;
                     Append(out, &RequestEntries, requests);
                     return out;
                   }});
  for (auto [source, of] : {std::pair{kAdviceSource, &AdviceEntries}, std::pair{kAnswerSource, &AnswerEntries}}) {
    index.AddSource({source, [](int64_t id) { return "/advies/" + std::to_string(id); },
                     [of](db::Connection& c) -> Result<std::vector<search::Entry>> {
                       WP_ASSIGN_OR_RETURN(auto advices, AdviceStore::Advices(c, 0, 0));
                       std::vector<search::Entry> out;
                       Append(out, of, advices);
                       return out;
                     }});
  }
}

}  // namespace

AdviceCommands& RegisterAdvice(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                               const AdviceOptions& options, search::Index* index) {
  registry.AddFiles("advice", AdviceFiles());
  registry.AddMigrations(db::MigrationsFromFiles("advice", AdviceFiles()));
  auto& commands = registry.Keep(std::make_unique<AdviceCommands>(
      deps.db, deps.clock, deps.web.catalog(), directory, roles, deps.zone, deps.files, options.settings, index));
  if (index) AddSearchSources(*index);
  if (options.reminders) {
    deps.jobs.AddPeriodic("advice.reminders", options.reminder_check_seconds, [&commands]() -> Result<void> {
      WP_TRY_VOID(commands.SendReminders());
      return Ok();
    });
  }
  // PDF attachments of a draft request and a draft advice, and on the forms that create them.
  registry.AddUploadRoute({http::Method::kPost, "/beheer/advies/aanvraag/{id}/bijlagen", true});
  registry.AddUploadRoute({http::Method::kPost, "/beheer/advies/aanvraag/nieuw", true});
  registry.AddStoredFileColumn({"advice_attachments", "sha256"});  // its PDFs, kept by the file sweep
  registry.AddUploadRoute({http::Method::kPost, "/wijkplatform/{slug}/advies/{id}/bijlagen", true});
  registry.AddUploadRoute({http::Method::kPost, "/wijkplatform/{slug}/advies/nieuw", true});
  deps.web.AddNav({"/advies", "advice.nav.advice", std::nullopt, false});
  registry.AddStat({"wp_advice_submitted", "Advice submitted by platforms",
                    [](db::Connection& c) { return AdviceStore::CountAdvices(c).value_or(0); }});
  registry.AddDemo(
      "advice", [&commands, &db = deps.db](const web::DemoSeed& seed) { return LoadAdviceDemo(seed, commands, db); });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& kernteam = registry.Keep(std::make_unique<KernteamPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands, open));
  auto& input = registry.Keep(std::make_unique<InputPages>(web, commands, open));
  auto& attachments = registry.Keep(std::make_unique<AttachmentPages>(web, commands, open));
  registry.AddRoutes([&web, &open, &kernteam, &official, &input, &attachments](http::Router& router) {
    AddAdviceRoutes(router, web, {open, kernteam, official, input, attachments});
  });
  return commands;
}

}  // namespace wp::advice
