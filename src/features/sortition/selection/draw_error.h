// Draw errors users can act on: an enum with its numbers, so the CLI and the
// site can say them in Dutch or English (keys sortition.error.* in
// ../i18n/{nl,en}.json, with plural rules). A failed Result carries them as
// Error::fields: field = the quota (or "pool", "seed"), message_key and args
// as below; Error::detail holds the same in English for logs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wp::sortition {

enum class DrawErrorKind {
  kNoSeed,             // a public seed is required
  kNoTickets,          // the lottery needs at least one ticket
  kPanelSizeTooSmall,  // the panel needs at least one seat
  kPoolTooSmall,       // available volunteers < needed seats; by = shortfall
  kFeatureShort,       // name = feature; needed = its minimum, available = volunteers with it, by = shortfall
  kMinimumsTooHigh,    // name = category; available = sum of minimums, needed = panel size, by = excess
  kMaximumsTooLow,     // name = category; available = sum of reachable maximums, needed = panel size, by = shortfall
  kHouseholdsTooFew,   // available = distinct households, needed = panel size, by = shortfall
  kLowerMinimum,       // name = feature; from -> to: the smallest relaxation that makes a panel possible
  kRaiseMaximum,       // name = feature; from -> to
  kQuotasConflict,     // no panel meets all quotas together (followed by kLowerMinimum/kRaiseMaximum)
  kNoRelaxation,       // ... and no relaxation of the quotas helps
};

struct DrawProblem {
  DrawErrorKind kind;
  std::string name;  // the feature ("gender=vrouw") or category it is about; empty if none
  int needed = 0;
  int available = 0;
  int by = 0;
  int from = 0;
  int to = 0;
  bool outside_flex = false;  // kQuotasConflict: the change goes beyond min_flex/max_flex
};

// The catalog key of the message, e.g. "sortition.error.feature_short".
std::string_view DrawErrorKey(DrawErrorKind kind);

// Every kind, for the catalog tests.
std::vector<DrawErrorKind> AllDrawErrorKinds();

// The problem in English, as in Error::detail.
std::string DescribeInEnglish(const DrawProblem& problem);

// The problem as a field error: its key and named numbers.
FieldError ToFieldError(const DrawProblem& problem);

// kInvalidInput with `problems` as fields and "<lead>: <the problems in
// English>" as detail (the lead alone when `lead` ends the sentence).
Error DrawFailure(std::string_view lead, const std::vector<DrawProblem>& problems);

}  // namespace wp::sortition
