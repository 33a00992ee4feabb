// How the dashboards show protected figures on a page: a band as text, tables
// of areas per quarter, the chart next to them. Used by the page classes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/dashboards/figures.h"
#include "features/geography/geography.h"

namespace wp::dashboards {

// An area on a page: its key in the figures, its name and its page.
struct AreaRef {
  std::string key;
  std::string name;
  std::string href;  // "" for no page (a buurt)
  std::optional<geography::Figures> cbs;
};

// "120 tot 129", "0", or "minder dan 10" for a hidden count.
std::string BandText(const web::Context& ctx, const std::optional<Band>& band);
std::string BandText(const i18n::Catalog& catalog, std::string_view locale, const std::optional<Band>& band);
// "Kwartaal 1" ... for the counted quarters, then "Heel het jaar" or "Tot nu toe".
std::vector<std::string> QuarterHeadings(const web::Context& ctx, const YearFigures& f);

// The sections of an area page: per measure a chart over `children` and a
// table with the children and `self` as the last row; the topics of `self`.
nlohmann::json MeasureSections(const web::Context& ctx, const YearFigures& f, const AreaRef& self,
                               const std::vector<AreaRef>& children, bool children_are_buurten);
nlohmann::json TopicsTable(const web::Context& ctx, const YearFigures& f, const AreaRef& self);
// The CBS figures of `self` as a summary list (null when CBS gives none).
nlohmann::json PopulationFacts(const web::Context& ctx, const AreaRef& self);
// The turnout of a budget round ("40 tot 49 procent", "niet te tonen").
std::string TurnoutText(const i18n::Catalog& catalog, std::string_view locale, const RoundFigures& r);
// The turnout "a to b percent" of bands, or "cannot be shown".
std::string TurnoutRangeText(const i18n::Catalog& catalog, std::string_view locale, const std::optional<Turnout>& t);
// Per counted budget round of the year that reached `self`: a table of its
// codes, voters and turnout in each of `children` and in `self` (only rounds
// whose codes know their buurt).
nlohmann::json TurnoutSections(const web::Context& ctx, const YearFigures& f, const AreaRef& self,
                               const std::vector<AreaRef>& children);
// The headings and one row of the budget rounds table: the round, the
// quarter its voting closed, its stadsdeel, voters, ballots, turnout, budget,
// money and number of the chosen plans.
std::vector<std::string> RoundHeadings(const i18n::Catalog& catalog, std::string_view locale);
std::vector<std::string> RoundRow(const i18n::Catalog& catalog, std::string_view locale, const RoundFigures& r,
                                  const geography::Municipality& m);
// The years a visitor may choose, newest first, with the shown one selected.
nlohmann::json YearOptions(int shown, int newest);

}  // namespace wp::dashboards
