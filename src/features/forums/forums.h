// Forums domain: a lottery forum or panel of a wijk, its quotas in the
// sortition engine's categories format, the seeded sample of addresses that
// get an invitation, registrations checked against the quotas, the published
// (anonymised) files a draw runs on, and who may organise. Pure: no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/result.h"
#include "features/sortition/selection/instance.h"

namespace wp::forums {

enum class Kind { kForum, kPanel };
std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

inline constexpr int kMaxTermMonths = 24;  // a term lasts at most 2 years
inline constexpr int kMaxSeats = 200;
inline constexpr int kMaxSample = 20000;
inline constexpr int64_t kSecondsPerMonth = 2629746;  // 1/12 of 365.2425 days

// What the official types on the set-up form.
struct ForumSetup {
  Kind kind = Kind::kForum;
  std::string name;
  std::string district_code;  // a CBS wijk of the geography
  std::string purpose;
  int seats = 0;
  int term_months = 0;
  int64_t register_until = 0;  // unix seconds; registration closes then
  int appeal_days = 14;        // after the draw; then the personal data goes
  std::string quotas_csv;      // feature,value,min,max (the engine's categories file)
};

// Checks the form. Errors: FormInvalid naming each field (forums.error.*);
// the quotas must parse as a categories file and fit the seats.
Result<sortition::Quotas> CheckSetup(const ForumSetup& setup, int64_t now);

// CBS figures of the wijk that quotas can be proposed from.
struct AreaFigures {
  std::optional<int64_t> men, women;
  std::vector<std::pair<std::string, int64_t>> buurten;  // buurt name, population
  std::vector<std::string> buurten_without_figures;
};

// Quotas proportional to the wijk's population for `seats` seats: gender from
// the men/women figures, buurt from each buurt's population (buurten without
// figures left out); per value the proportional share rounded down and up
// as minimum and maximum. Buurten without figures are listed with 0 and
// the seats, for the official to fill in. Empty when the wijk has neither.
// Editable by the official before saving.
std::string ProposeQuotasCsv(const AreaFigures& figures, int seats);

// The categories file of `quotas` (feature,value,min,max), as published.
std::string CategoriesCsv(const sortition::Quotas& quotas);

// Which addresses get a letter: every address ranked by SHA-256 of
// "<seed>\n<address key>", the first `count` (all when fewer). Anyone with
// the list and the published seed gets the same sample. Returns indices into
// `addresses`, in rank order.
std::vector<int> SampleAddresses(std::string_view seed, const std::vector<std::string>& addresses, int count);

// A registration's features: category -> value. Checks that every category
// of `quotas` has one of its values. Errors: FormInvalid on field
// "feature_<n>" (n = category index).
Result<void> CheckFeatures(const sortition::Quotas& quotas, const std::map<std::string, std::string>& features);

struct Respondent {
  std::string public_id;  // "R007"
  std::map<std::string, std::string> features;
};
// The respondents file: "id" then one column per category, one row per
// respondent; no names, no addresses. CSV quoting where needed.
std::string RespondentsCsv(const sortition::Quotas& quotas, const std::vector<Respondent>& respondents);

// The public id of the n-th registration (1-based): "R001".
std::string PublicId(int n);

// The instance a draw runs on, read back from the published files with the
// engine's own parsers, so what is published is exactly what was drawn.
Result<sortition::Instance> InstanceFromFiles(std::string_view categories_csv, std::string_view respondents_csv,
                                              int seats);

// The command that checks a draw (a first or second draw, an engine
// replacement): run in the folder holding the files of VerifyFiles, named
// `folder`.
std::string VerifyCommand(std::string_view folder);

// When a member's term ends: staggered, so the forum never changes all at
// once. Seats 0..ceil(n/2)-1 (in draw order) get the whole term, the others
// half of it (at least one month). REQUIRES: term_months >= 1.
int64_t TermEnd(int64_t start, int term_months, int seat_index, int seats);

// Who organises forums: administrators and gebiedsverbinders (an unscoped
// grant anywhere, else for the forum's stadsdeel `borough_slug`).
bool MayOrganise(const auth::User& user, std::string_view borough_slug);
// True when `user` organises forums anywhere (the officials' list).
bool IsOrganiser(const auth::User& user);

}  // namespace wp::forums

namespace wp::forums {

// A quota the registrations cannot meet by counting alone: too few people
// with `feature` (min > have), or the pool smaller than the seats
// (feature empty, min = seats).
struct QuotaShortfall {
  std::string feature;  // "geslacht=vrouw"
  int min = 0;
  int have = 0;
};
// Counting check before a draw, in quota order. Empty when counting finds no
// problem (joint infeasibility is for the engine to find).
std::vector<QuotaShortfall> CountShortfalls(const sortition::Instance& instance);

}  // namespace wp::forums
