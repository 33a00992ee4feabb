#include "features/initiatives/initiative_view.h"

#include "core/time/format.h"
#include "core/web/components.h"

namespace wp::initiatives {

using nlohmann::json;

namespace {

web::Tone ToneOf(const Initiative& i) {
  switch (i.status) {
    case InitiativeStatus::kDraft:
    case InitiativeStatus::kWithdrawn:
      return web::Tone::kNeutral;
    case InitiativeStatus::kSubmitted:
    case InitiativeStatus::kContactAssigned:
    case InitiativeStatus::kInCheck:
      return web::Tone::kInfo;
    case InitiativeStatus::kAnswered:
      return i.answer == Answer::kNoBecause ? web::Tone::kWarning : web::Tone::kSuccess;
    case InitiativeStatus::kInProgress:
    case InitiativeStatus::kDone:
      return web::Tone::kSuccess;
  }
  return web::Tone::kNeutral;
}

}  // namespace

json StatusBadgeFor(const web::Context& ctx, const Initiative& i) {
  std::string label = ctx.T("initiatives.status." + std::string(StatusName(i.status)));
  if (i.status == InitiativeStatus::kAnswered) label = ctx.T("initiatives.answer." + std::string(AnswerName(i.answer)));
  return web::StatusBadge(label, ToneOf(i));
}

json StepperFor(const web::Context& ctx, const Initiative& i) {
  std::vector<web::Step> steps;
  for (const char* k : {"submitted", "contact_assigned", "in_check", "answered", "in_progress", "done"}) {
    steps.push_back({ctx.T(std::string("initiatives.step.") + k), ""});
  }
  int current = -1;
  switch (i.status) {
    case InitiativeStatus::kDraft:
    case InitiativeStatus::kWithdrawn:
      current = -1;
      break;
    case InitiativeStatus::kSubmitted:
      current = 0;
      break;
    case InitiativeStatus::kContactAssigned:
      current = 1;
      break;
    case InitiativeStatus::kInCheck:
      current = 2;
      break;
    case InitiativeStatus::kAnswered:
      current = 3;
      break;
    case InitiativeStatus::kInProgress:
      current = 4;
      break;
    case InitiativeStatus::kDone:
      current = 6;
      break;
  }
  return web::PhaseStepper(steps, current);
}

json HeaderJson(const web::Context& ctx, const time::TimeZone& zone, const Initiative& i, const ClockView& clock) {
  return {{"number", InitiativeNumber(i.id)},
          {"title_text", i.compass.title},
          {"status", StatusBadgeFor(ctx, i)},
          {"stepper", StepperFor(ctx, i)},
          {"clock", ClockJson(ctx, zone, clock)}};
}

json ClockJson(const web::Context& ctx, const time::TimeZone& zone, const ClockView& clock) {
  if (!clock.running) return nullptr;
  std::string due = time::FormatPeriodEnd(zone, clock.answer_due_at, ctx.locale);
  bool overdue = clock.days_left == 0;
  std::string text =
      overdue ? ctx.T("initiatives.clock.overdue", {{"count", static_cast<int64_t>(clock.days_overdue)}, {"due", due}})
              : ctx.T("initiatives.clock.left", {{"count", static_cast<int64_t>(clock.days_left)}, {"due", due}});
  return {{"text", text},
          {"overdue", overdue},
          {"escalation", std::string(EscalationName(clock.escalation))},
          {"contact_due", time::FormatPeriodEnd(zone, clock.contact_due_at, ctx.locale)}};
}

json HistoryJson(const web::Context& ctx, const time::TimeZone& zone, const std::vector<HistoryEntry>& h, bool staff) {
  json out = json::array();
  for (const auto& e : h) {
    if (!e.is_public && !staff && e.kind != "created") continue;
    json line = {{"at", time::FormatDateTime(zone, e.at, ctx.locale)}, {"text", ""}, {"internal", !e.is_public}};
    if (e.kind == "status") {
      line["title"] = ctx.T("initiatives.history.status", {{"status", ctx.T("initiatives.status." + e.text)}});
    } else if (e.kind == "answer") {
      line["title"] = ctx.T("initiatives.history.answer", {{"answer", ctx.T("initiatives.answer." + e.text)}});
    } else if (e.kind == "contact") {
      line["title"] = ctx.T("initiatives.history.contact", {{"name", e.text}});
    } else if (e.kind == "task" || e.kind == "task_answered") {
      line["title"] =
          ctx.T("initiatives.history." + e.kind, {{"department", ctx.T("initiatives.department." + e.text)}});
    } else {
      line["title"] = ctx.T("initiatives.history." + e.kind);
      line["text"] = e.text;
    }
    if (staff && !e.actor_name.empty()) line["actor"] = e.actor_name;
    out.push_back(std::move(line));
  }
  return out;
}

std::string NeedsLabel(const web::Context& ctx, const std::vector<Need>& needs) {
  std::string out;
  for (Need n : needs) {
    if (!out.empty()) out += ", ";
    out += ctx.T("initiatives.need." + std::string(NeedName(n)));
  }
  return out;
}

json ConditionsJson(const web::Context& ctx, const std::vector<Condition>& conditions) {
  json out = json::array();
  for (const auto& x : conditions) {
    std::string status(ConditionStatusName(x.status));
    web::Tone tone = x.status == ConditionStatus::kMet      ? web::Tone::kSuccess
                     : x.status == ConditionStatus::kWaived ? web::Tone::kNeutral
                                                            : web::Tone::kWarning;
    out.push_back({{"id", x.id},
                   {"text", x.text},
                   {"owner", ctx.T("initiatives.owner." + std::string(OwnerName(x.owner)))},
                   {"own", x.owner == ConditionOwner::kInitiator},
                   {"open", x.status == ConditionStatus::kOpen},
                   {"status_name", status},
                   {"badge", web::StatusBadge(ctx.T("initiatives.condition." + status), tone)}});
  }
  return out;
}

json AnswerJson(const web::Context& ctx, const Initiative& i) {
  if (i.answer == Answer::kNone) return nullptr;
  return {{"label", ctx.T("initiatives.answer." + std::string(AnswerName(i.answer)))},
          {"explanation", i.explanation},
          {"alternative", i.alternative},
          {"provided", i.answer == Answer::kYesProvided},
          {"no", i.answer == Answer::kNoBecause}};
}

std::string PlaceName(const geography::Municipality& m, const std::string& neighbourhood_code) {
  auto code = geography::NeighbourhoodCode::Parse(neighbourhood_code);
  const geography::Neighbourhood* n = code ? geography::FindNeighbourhood(m, *code) : nullptr;
  if (!n) return "";
  const geography::District* d = geography::FindDistrict(m, n->district_code);
  return d ? n->name + " (" + d->name + ")" : n->name;
}

std::string Excerpt(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

json NeighbourhoodGroups(const geography::Municipality& m, const std::string& selected) {
  json groups = json::array();
  for (const auto& d : m.districts) {
    json options = json::array();
    for (const auto& n : m.neighbourhoods) {
      if (n.district_code != d.code) continue;
      options.push_back({{"value", n.code.str()}, {"label", n.name}, {"selected", n.code.str() == selected}});
    }
    if (!options.empty()) groups.push_back({{"label", d.name}, {"options", options}});
  }
  return groups;
}

}  // namespace wp::initiatives
