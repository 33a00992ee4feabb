// What the initiative pages share: status badges, the stepper of the check,
// the clock in words, history lines, needs, conditions and the answer, and
// the buurt names. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/geography/geography.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

nlohmann::json StatusBadgeFor(const web::Context& ctx, const Initiative& i);
// What the top of an initiator's and a case page show: {number, title_text, status, stepper, clock}.
nlohmann::json HeaderJson(const web::Context& ctx, const time::TimeZone& zone, const Initiative& i,
                          const ClockView& clock);
// The steps ingediend, contactpersoon, toets, antwoord, uitvoering, klaar with the current one.
nlohmann::json StepperFor(const web::Context& ctx, const Initiative& i);
// {running, text, overdue}: "Nog 12 werkdagen: antwoord uiterlijk ..." or "3 werkdagen te laat".
nlohmann::json ClockJson(const web::Context& ctx, const time::TimeZone& zone, const ClockView& clock);
// History lines {at, title, text, actor, internal}, oldest first; `staff` shows actors and internal lines.
nlohmann::json HistoryJson(const web::Context& ctx, const time::TimeZone& zone, const std::vector<HistoryEntry>& h,
                           bool staff);
// The needs in words, joined by ", ".
std::string NeedsLabel(const web::Context& ctx, const std::vector<Need>& needs);
// Conditions {id, text, owner, status, status_name, badge}.
nlohmann::json ConditionsJson(const web::Context& ctx, const std::vector<Condition>& conditions);
// The answer {label, explanation, alternative, yes, provided, no}, or null before it.
nlohmann::json AnswerJson(const web::Context& ctx, const Initiative& i);
// "Stationsbuurt (Oude Stad)" for a buurt code; empty when unknown.
std::string PlaceName(const geography::Municipality& m, const std::string& neighbourhood_code);
// The start of `text`, at most `max_bytes` bytes, cut between characters and ended with "…" when cut.
std::string Excerpt(const std::string& text, size_t max_bytes);
// <option> data of every buurt, grouped by wijk: [{label, options: [{value, label, selected}]}].
nlohmann::json NeighbourhoodGroups(const geography::Municipality& m, const std::string& selected);

}  // namespace wp::initiatives
