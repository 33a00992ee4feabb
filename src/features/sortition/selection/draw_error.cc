#include "features/sortition/selection/draw_error.h"

#include "core/strings.h"

namespace wp::sortition {
namespace {

std::string Count(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::string_view DrawErrorKey(DrawErrorKind kind) {
  switch (kind) {
    case DrawErrorKind::kNoSeed:
      return "sortition.error.no_seed";
    case DrawErrorKind::kNoTickets:
      return "sortition.error.no_tickets";
    case DrawErrorKind::kPanelSizeTooSmall:
      return "sortition.error.panel_size_too_small";
    case DrawErrorKind::kPoolTooSmall:
      return "sortition.error.pool_too_small";
    case DrawErrorKind::kFeatureShort:
      return "sortition.error.feature_short";
    case DrawErrorKind::kMinimumsTooHigh:
      return "sortition.error.minimums_too_high";
    case DrawErrorKind::kMaximumsTooLow:
      return "sortition.error.maximums_too_low";
    case DrawErrorKind::kHouseholdsTooFew:
      return "sortition.error.households_too_few";
    case DrawErrorKind::kLowerMinimum:
      return "sortition.error.lower_minimum";
    case DrawErrorKind::kRaiseMaximum:
      return "sortition.error.raise_maximum";
    case DrawErrorKind::kQuotasConflict:
      return "sortition.error.quotas_conflict";
    case DrawErrorKind::kNoRelaxation:
      return "sortition.error.no_relaxation";
  }
  return "sortition.error.no_relaxation";
}

std::vector<DrawErrorKind> AllDrawErrorKinds() {
  std::vector<DrawErrorKind> all;
  for (int k = 0; k <= static_cast<int>(DrawErrorKind::kNoRelaxation); ++k)
    all.push_back(static_cast<DrawErrorKind>(k));
  return all;
}

std::string DescribeInEnglish(const DrawProblem& p) {
  const std::string n = std::to_string(p.needed), a = std::to_string(p.available), by = std::to_string(p.by);
  switch (p.kind) {
    case DrawErrorKind::kNoSeed:
      return "a public seed is required";
    case DrawErrorKind::kNoTickets:
      return "the lottery needs at least 1 ticket";
    case DrawErrorKind::kPanelSizeTooSmall:
      return "the panel size must be at least 1";
    case DrawErrorKind::kPoolTooSmall:
      return "the pool has " + Count(p.available, "volunteer", "volunteers") + ", the panel needs " + n;
    case DrawErrorKind::kFeatureShort:
      return p.name + " needs at least " + n + " but only " + Count(p.available, "volunteer has", "volunteers have") +
             " it (short by " + by + ")";
    case DrawErrorKind::kMinimumsTooHigh:
      return "the minimums of " + p.name + " add up to " + a + ", more than the panel size " + n + " (over by " + by +
             ")";
    case DrawErrorKind::kMaximumsTooLow:
      return "the maximums of " + p.name + " (limited to the volunteers available) add up to " + a +
             ", less than the panel size " + n + " (short by " + by + ")";
    case DrawErrorKind::kHouseholdsTooFew:
      return "with at most one per household only " + a + " can be selected, the panel needs " + n;
    case DrawErrorKind::kLowerMinimum:
      return "lower the minimum of " + p.name + " from " + std::to_string(p.from) + " to " + std::to_string(p.to);
    case DrawErrorKind::kRaiseMaximum:
      return "raise the maximum of " + p.name + " from " + std::to_string(p.from) + " to " + std::to_string(p.to);
    case DrawErrorKind::kQuotasConflict:
      return std::string("no panel meets all quotas together; the smallest change that makes one possible") +
             (p.outside_flex ? " (outside min_flex/max_flex)" : "");
    case DrawErrorKind::kNoRelaxation:
      return "no panel meets all quotas together, and relaxing the quotas does not help";
  }
  return "";
}

FieldError ToFieldError(const DrawProblem& p) {
  FieldError e;
  e.field = !p.name.empty()                            ? p.name
            : p.kind == DrawErrorKind::kNoSeed         ? "seed"
            : p.kind == DrawErrorKind::kNoTickets      ? "tickets"
            : p.kind == DrawErrorKind::kQuotasConflict ? "quotas"
            : p.kind == DrawErrorKind::kNoRelaxation   ? "quotas"
                                                       : "pool";
  e.message_key = std::string(DrawErrorKey(p.kind));
  e.args = {{"name", p.name},
            {"needed", int64_t{p.needed}},
            {"available", int64_t{p.available}},
            {"by", int64_t{p.by}},
            {"from", int64_t{p.from}},
            {"to", int64_t{p.to}},
            {"outside_flex", std::string(p.outside_flex ? "yes" : "no")}};
  return e;
}

Error DrawFailure(std::string_view lead, const std::vector<DrawProblem>& problems) {
  std::vector<std::string> parts;
  Error e = InvalidInput("");
  for (const DrawProblem& p : problems) {
    e.fields.push_back(ToFieldError(p));
    // The conflict is itself the lead of the changes that follow it.
    if (p.kind == DrawErrorKind::kQuotasConflict) {
      lead = "";
      e.detail = DescribeInEnglish(p);
      continue;
    }
    parts.push_back(DescribeInEnglish(p));
  }
  std::string head = lead.empty() ? e.detail : std::string(lead);
  e.detail = parts.empty()  ? head
             : head.empty() ? JoinStrings(parts, "; ")
                            : head + ": " + JoinStrings(parts, (lead.empty() ? ", " : "; "));
  e.user_message_key = e.fields.empty() ? "" : e.fields.front().message_key;
  return e;
}

}  // namespace wp::sortition
