#include "features/challenges/challenge.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::challenges {

std::string_view StageName(Stage s) {
  switch (s) {
    case Stage::kGate:
      return "gate";
    case Stage::kBusinessCase:
      return "business_case";
    case Stage::kAgreement:
      return "agreement";
    case Stage::kRunning:
      return "running";
    case Stage::kStopped:
      return "stopped";
  }
  return "gate";
}

std::optional<Stage> ParseStage(std::string_view name) {
  for (auto s : kAllStages) {
    if (StageName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view CriterionName(Criterion c) {
  switch (c) {
    case Criterion::kRooted:
      return "rooted";
    case Criterion::kCost:
      return "cost";
    case Criterion::kLegalEntity:
      return "legal_entity";
    case Criterion::kTransferable:
      return "transferable";
  }
  return "rooted";
}

std::optional<Criterion> ParseCriterion(std::string_view name) {
  for (auto c : kAllCriteria) {
    if (CriterionName(c) == name) return c;
  }
  return std::nullopt;
}

std::string_view MomentName(Moment m) {
  switch (m) {
    case Moment::kGate:
      return "gate";
    case Moment::kBusinessCase:
      return "business_case";
    case Moment::kStart:
      return "start";
  }
  return "gate";
}

std::optional<Moment> ParseMoment(std::string_view name) {
  for (auto m : {Moment::kGate, Moment::kBusinessCase, Moment::kStart}) {
    if (MomentName(m) == name) return m;
  }
  return std::nullopt;
}

int64_t BusinessCase::total_cents() const {
  int64_t total = 0;
  for (const auto& l : lines) total += l.amount_cents;
  return total;
}

std::string CheckText(std::string_view value, const char* field, size_t max, std::vector<FieldError>& errors) {
  std::string_view t = Trim(value);
  if (t.empty()) {
    errors.push_back({field, kMissing});
  } else if (t.size() > max || !IsValidUtf8(t)) {
    errors.push_back({field, kTooLong, {{"max", static_cast<int64_t>(max)}}});
  }
  return std::string(t);
}

namespace {

// A non-negative amount in euros; appends kBadAmount for `field` otherwise.
int64_t CheckAmount(std::string_view text, const char* field, std::vector<FieldError>& errors) {
  auto m = ParseMoney(Trim(text));
  if (!m || m->cents < 0) {
    errors.push_back({field, kBadAmount});
    return 0;
  }
  return m->cents;
}

}  // namespace

CheckedChallenge CheckChallengeForm(const ChallengeForm& form, const std::vector<std::string>& boroughs) {
  CheckedChallenge out;
  Challenge& c = out.challenge;
  c.task = CheckText(form.task, "task", kMaxTextBytes, out.errors);
  c.area = CheckText(form.area, "area", kMaxShortBytes, out.errors);
  c.borough = std::string(Trim(form.borough));
  if (std::find(boroughs.begin(), boroughs.end(), c.borough) == boroughs.end()) {
    out.errors.push_back({"borough", kBadBorough});
  }
  c.group_name = CheckText(form.group_name, "group_name", kMaxShortBytes, out.errors);
  c.legal_entity = form.legal_entity == "1";
  c.estimate_cents = CheckAmount(form.estimate, "estimate", out.errors);
  c.contact_name = CheckText(form.contact_name, "contact_name", kMaxShortBytes, out.errors);
  c.contact_email = std::string(Trim(form.contact_email));
  if (!IsPlausibleEmail(c.contact_email)) out.errors.push_back({"contact_email", kBadEmail});
  return out;
}

CheckedBusinessCase CheckBusinessCaseForm(const BusinessCaseForm& form) {
  CheckedBusinessCase out;
  BusinessCase& b = out.business_case;
  for (auto raw : Split(form.lines, '\n')) {
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    size_t semi = line.rfind(';');
    auto amount = semi == std::string_view::npos ? std::nullopt : ParseMoney(Trim(line.substr(semi + 1)));
    std::string_view what = semi == std::string_view::npos ? line : Trim(line.substr(0, semi));
    if (!amount || amount->cents < 0 || what.empty() || what.size() > kMaxShortBytes || !IsValidUtf8(what)) {
      out.errors.push_back({"lines", kBadLines, {{"line", std::string(line.substr(0, 60))}}});
      return out;
    }
    b.lines.push_back({std::string(what), amount->cents});
  }
  if (b.lines.empty()) out.errors.push_back({"lines", kMissing});
  if (b.lines.size() > kMaxLines) out.errors.push_back({"lines", kTooLong, {{"max", int64_t{kMaxLines}}}});
  b.current_cost_cents = CheckAmount(form.current_cost, "current_cost", out.errors);
  b.risks = CheckText(form.risks, "risks", kMaxTextBytes, out.errors);
  b.quality = CheckText(form.quality, "quality", kMaxTextBytes, out.errors);
  return out;
}

}  // namespace wp::challenges
