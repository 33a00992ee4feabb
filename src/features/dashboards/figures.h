// DashboardFigures: the counts of one year for the dashboards, read from the
// other features' published counts (the stats.h of signals, platforms,
// events, initiatives, advice, budgets, voting, codes, promises, forums and
// surveys) and protected with
// suppression.h before anything leaves this class. Only quarters that have
// ended are counted. Results are kept for a few minutes. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/dashboards/area_tree.h"
#include "features/dashboards/outcomes.h"
#include "features/dashboards/suppression.h"
#include "features/geography/service.h"

namespace wp::dashboards {

// Who takes part, by what they chose to give: members of a platform,
// participants in its activities (both counted at the platform's wijk),
// signals reported, initiatives submitted and people who submitted budget
// plans (counted at their buurt), forum volunteers (registrations, at the
// forum's wijk) and survey respondents (at the survey's wijk, in the quarter
// the survey closed: answers carry no time), and voters in budget rounds
// (voting codes used, online or on paper, at the buurt the address list gave,
// in the quarter the round's voting closed).
inline constexpr std::string_view kMeasures[] = {"members",     "participants",    "signals",
                                                 "initiatives", "plan_submitters", "volunteers",
                                                 "respondents", "voters"};
// Counted per wijk (not per buurt).
bool IsDistrictMeasure(std::string_view measure);

// Area keys: the city is "city", a stadsdeel "sd:<slug>", a wijk or buurt its
// CBS code; counts without a known area are "unknown" (only in the city's total).
inline constexpr std::string_view kCityKey = "city";
std::string BoroughKey(std::string_view slug);

struct Theme {
  std::string slug, name, name_en;
};

// A budget round whose voting closed in a counted quarter. Eligible voters
// (codes issued) and ballots in bands, the turnout from those bands; the
// money and the number of chosen plans are public on the round's own pages.
// Turnout of one round in one area: codes (voters who could vote) and the
// codes used, both in bands, and the turnout those bands allow.
struct AreaTurnout {
  std::optional<Band> eligible;
  std::optional<Band> voters;
  std::optional<Turnout> turnout;
};

struct RoundFigures {
  std::string title;
  std::string borough_slug;  // "" for the whole city
  int quarter = 0;           // 1 to 4
  bool counted = false;      // the ballots were counted
  std::optional<Band> eligible;
  std::optional<Band> ballots;
  std::optional<Turnout> turnout;
  int64_t budget_cents = 0;
  int64_t funded_plans = 0;
  int64_t funded_cents = 0;
  // Per area key (city, stadsdeel, wijk, buurt; "unknown" for codes whose
  // address list gave no buurt), when the round's codes know their buurt.
  std::map<std::string, AreaTurnout> areas;
};

struct YearFigures {
  int year = 0;
  int quarters = 0;         // quarters counted: those of `year` that have ended (0 to 4)
  bool year_ended = false;  // all four: the year totals are shown
  std::map<std::string, std::map<std::string, BandedRow>> reach;   // measure -> area key -> counts per quarter
  std::vector<Theme> themes;                                       // signal main categories
  std::map<std::string, std::map<std::string, BandedRow>> topics;  // theme slug -> area key -> signals per quarter
  ProtectedTable signals_handled;                                  // quarters x (in time, late)
  ProtectedTable initiative_checks;                                // quarters x (in time, late)
  ProtectedTable advice_answered;                                  // quarters x (in time, late)
  std::vector<std::optional<Band>> advice_asked;                   // per quarter
  ProtectedTable promises_kept;                                    // quarters x (in time, late)
  std::vector<std::optional<Band>> promises_overdue;               // per quarter: open past their date at its end
  std::vector<int64_t> forums_held;  // per quarter: forums and panels drawn (public one by one)
  std::vector<RoundFigures> rounds;  // budget rounds, in the order their voting closed
};

class DashboardFigures {
 public:
  DashboardFigures(db::Database& db, const Clock& clock, const time::TimeZone& zone,
                   const geography::GeographyService& geography)
      : db_(db), clock_(clock), zone_(zone), geography_(geography) {}

  // The figures of `year` (its ended quarters). Errors: kNotFound
  // "dashboards.error.no_year" for a year after this one or before 2000;
  // database errors.
  Result<std::shared_ptr<const YearFigures>> Year(int year) const;
  // The year pages open on (dashboards::DefaultYear at the clock's now).
  int DefaultYear() const;
  std::shared_ptr<const geography::Municipality> municipality() const { return geography_.current(); }
  const time::TimeZone& zone() const { return zone_; }

 private:
  Result<YearFigures> Compute(int year, int quarters) const;

  struct Cached {
    int64_t at = 0;
    int quarters = 0;
    std::shared_ptr<const YearFigures> figures;
  };
  db::Database& db_;
  const Clock& clock_;
  const time::TimeZone& zone_;
  const geography::GeographyService& geography_;
  mutable std::mutex mu_;
  mutable std::map<int, Cached> cache_;
};

}  // namespace wp::dashboards
