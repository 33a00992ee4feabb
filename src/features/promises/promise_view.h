// What the promises pages share: paths, the status badge (late marked, with
// the working days late), facts, the history, the lists of promises and of
// the wijkcontract's municipal commitments. Texts in the page's language.
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/promises/commands.h"

namespace wp::promises {

inline constexpr const char* kOfficialPath = "/beheer/toezeggingen";
inline constexpr const char* kNewPath = "/beheer/toezeggingen/nieuw";
std::string PromisePath(int64_t id);                     // "/toezeggingen/{id}"
std::string PlatformPath(const platforms::Platform& p);  // "/wijkplatform/{slug}/toezeggingen"
// "/beheer/toezeggingen/nieuw?advies={id}&punt={n}": "make it a promise" from an answer point.
std::string FromAnswerPath(int64_t advice_id, int point);

// A select field for promises/select.html: `options` are {value, text, selected}.
nlohmann::json Select(const web::Context& ctx, const std::string& name, const std::string& label_key,
                      const std::string& error, nlohmann::json options);

nlohmann::json Badge(const web::Context& ctx, const PromiseCommands& commands, const Promise& p);
// Text, platform, source, owner, due date, status reason.
nlohmann::json Facts(const web::Context& ctx, const PromiseCommands& commands, const PromiseView& v);
// The history as a table (when, who, what, text).
nlohmann::json HistoryTable(const web::Context& ctx, const PromiseCommands& commands,
                            const std::vector<Entry>& history);
// Promises as a table with `caption_key`; EmptyState(`empty_key`) when there are none.
nlohmann::json PromisesTable(const web::Context& ctx, const PromiseCommands& commands, const std::vector<Promise>& list,
                             const std::string& caption_key, const std::string& empty_key);
// The municipality's commitments of the wijkcontract, linked to the contract (read-only).
nlohmann::json CommitmentsTable(const web::Context& ctx, const PromiseCommands& commands,
                                const std::vector<contracts::Commitment>& list);

}  // namespace wp::promises
