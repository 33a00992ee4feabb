#include "features/advice/advice_view.h"

#include <map>

#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/advice/deadlines.h"

namespace wp::advice {

using nlohmann::json;

std::string RequestPath(int64_t id) { return "/advies/aanvraag/" + std::to_string(id); }
std::string AdvicePath(int64_t id) { return "/advies/" + std::to_string(id); }
std::string PlatformPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/advies"; }
std::string EditPath(const platforms::Platform& p, int64_t advice_id) {
  return PlatformPath(p) + "/" + std::to_string(advice_id) + "/wijzigen";
}
std::string OfficialRequestPath(int64_t id) { return "/beheer/advies/aanvraag/" + std::to_string(id); }
std::string EditRequestPath(int64_t id) { return OfficialRequestPath(id) + "/wijzigen"; }
std::string AnswerPath(int64_t advice_id) { return "/beheer/advies/" + std::to_string(advice_id) + "/antwoord"; }
std::string PromiseFromAnswerPath(int64_t advice_id, int point) {
  return "/beheer/toezeggingen/nieuw?advies=" + std::to_string(advice_id) + "&punt=" + std::to_string(point);
}

json Paragraphs(const std::string& text) {
  json out = json::array();
  for (const auto& p : SplitPoints(text)) out.push_back(p.text);
  return out;
}

namespace {

std::string Date(const web::Context& ctx, const AdviceCommands& commands, int64_t utc) {
  return time::FormatDate(commands.zone(), utc, ctx.locale);
}

}  // namespace

json RequestBadge(const web::Context& ctx, const AdviceRequest& r, int64_t now) {
  if (IsAdviceOverdue(r.status, r.deadline_at, now)) {
    return web::StatusBadge(ctx.T("advice.request.overdue"), web::Tone::kDanger);
  }
  if (r.status == RequestStatus::kOpen && IsNear(r.deadline_at, now)) {
    return web::StatusBadge(ctx.T("advice.request.near"), web::Tone::kWarning);
  }
  web::Tone tone = r.status == RequestStatus::kAnswered || r.status == RequestStatus::kClosed ? web::Tone::kSuccess
                   : r.status == RequestStatus::kWithdrawn                                    ? web::Tone::kNeutral
                                                                                              : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("advice.request_status." + std::string(RequestStatusName(r.status))), tone);
}

json AdviceBadge(const web::Context& ctx, const Advice& a, int64_t now) {
  if (IsAnswerOverdue(a.status, a.answer_due_at, now)) {
    return web::StatusBadge(ctx.T("advice.advice.overdue"), web::Tone::kDanger);
  }
  web::Tone tone = a.status == AdviceStatus::kAnswered ? web::Tone::kSuccess : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("advice.advice_status." + std::string(AdviceStatusName(a.status))), tone);
}

json RequestFacts(const web::Context& ctx, const AdviceCommands& commands, const RequestThread& t) {
  const AdviceRequest& r = t.request;
  std::vector<web::SummaryRow> rows = {
      {ctx.T("advice.field.level"), ctx.T("advice.level." + std::string(LevelName(r.level))), ""},
      {ctx.T("advice.request.deadline"), time::FormatPeriodEnd(commands.zone(), r.deadline_at, ctx.locale), ""},
      {ctx.T("advice.request.contact"), r.contact_name + " (" + r.contact_email + ")", ""},
      {ctx.T("advice.request.sent_on"), Date(ctx, commands, r.created_at), ""},
  };
  for (const auto& p : t.platforms) rows.push_back({ctx.T("advice.request.platform"), p.name, PlatformPath(p)});
  if (r.confidential) rows.push_back({ctx.T("advice.field.confidential_reason"), r.confidential_reason, ""});
  return web::SummaryList(rows);
}

json AdviceFacts(const web::Context& ctx, const AdviceCommands& commands, const AdviceThread& t) {
  const Advice& a = t.advice;
  std::vector<web::SummaryRow> rows = {{ctx.T("advice.request.platform"), t.platform.name, PlatformPath(t.platform)}};
  if (t.request) {
    rows.push_back({ctx.T("advice.advice.to_request"), t.request->subject, RequestPath(t.request->id)});
  } else {
    rows.push_back(
        {ctx.T("advice.field.addressee"), a.addressee + " (" + ctx.T("advice.advice.unsolicited") + ")", ""});
  }
  if (a.submitted_at) rows.push_back({ctx.T("advice.advice.submitted_on"), Date(ctx, commands, *a.submitted_at), ""});
  if (a.answer_due_at && a.status == AdviceStatus::kSubmitted) {
    rows.push_back(
        {ctx.T("advice.advice.answer_due"), time::FormatPeriodEnd(commands.zone(), *a.answer_due_at, ctx.locale), ""});
  }
  if (a.answered_at) rows.push_back({ctx.T("advice.advice.answered_on"), Date(ctx, commands, *a.answered_at), ""});
  if (a.meetings_held > 0 || a.people_reached > 0) {
    rows.push_back({ctx.T("advice.field.meetings_held"), std::to_string(a.meetings_held), ""});
    rows.push_back({ctx.T("advice.field.people_reached"), std::to_string(a.people_reached), ""});
  }
  if (!a.input_summary.empty()) rows.push_back({ctx.T("advice.field.input_summary"), a.input_summary, ""});
  return web::SummaryList(rows);
}

json PointsJson(const web::Context& ctx, const Advice& a) {
  json out = json::array();
  for (const auto& p : a.points) {
    json j = {{"number", p.number}, {"paragraphs", Paragraphs(p.text)}, {"answered", p.verdict.has_value()}};
    if (p.verdict) {
      web::Tone tone = *p.verdict == Verdict::kAdopted   ? web::Tone::kSuccess
                       : *p.verdict == Verdict::kPartly  ? web::Tone::kWarning
                       : *p.verdict == Verdict::kNotOurs ? web::Tone::kNeutral
                                                         : web::Tone::kDanger;
      j["verdict"] = web::StatusBadge(ctx.T("advice.verdict." + std::string(VerdictName(*p.verdict))), tone);
      j["reason"] = Paragraphs(p.reason);
    }
    out.push_back(std::move(j));
  }
  return out;
}

json HistoryTable(const web::Context& ctx, const AdviceCommands& commands, const std::vector<HistoryEntry>& history,
                  bool of_request) {
  std::string prefix = of_request ? "advice.request_status." : "advice.advice_status.";
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    std::string change = h.from_status.empty() ? ctx.T(prefix + h.to_status)
                                               : ctx.T(prefix + h.from_status) + " → " + ctx.T(prefix + h.to_status);
    rows.push_back({{time::FormatDateTime(commands.zone(), h.at, ctx.locale)}, {h.actor_name}, {change}, {h.note}});
  }
  return web::Table(ctx.T("advice.history.caption"),
                    {ctx.T("advice.history.when"), ctx.T("advice.history.who"), ctx.T("advice.history.change"),
                     ctx.T("advice.history.note")},
                    rows);
}

json RequestsTable(const web::Context& ctx, const AdviceCommands& commands, const std::vector<AdviceRequest>& list,
                   const std::string& caption_key, const std::string& empty_key) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T(empty_key))}};
  int64_t now = commands.Now();
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& r : list) {
    json badge = RequestBadge(ctx, r, now);
    rows.push_back({{r.subject, RequestPath(r.id)},
                    {time::FormatPeriodEnd(commands.zone(), r.deadline_at, ctx.locale)},
                    {badge["label"].get<std::string>()}});
  }
  return {{"table",
           web::Table(ctx.T(caption_key),
                      {ctx.T("advice.field.subject"), ctx.T("advice.request.deadline"), ctx.T("advice.list.status")},
                      rows)}};
}

json AdvicesTable(const web::Context& ctx, const AdviceCommands& commands, const std::vector<Advice>& list,
                  const std::string& caption_key, const std::string& empty_key) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T(empty_key))}};
  int64_t now = commands.Now();
  // One lookup per wijkplatform, not per row: a long list has few platforms.
  std::map<int64_t, std::string> platform_names;
  auto platform_name = [&](int64_t id) -> const std::string& {
    auto it = platform_names.find(id);
    if (it == platform_names.end()) it = platform_names.emplace(id, commands.PlatformName(id)).first;
    return it->second;
  };
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& a : list) {
    json badge = AdviceBadge(ctx, a, now);
    std::string due = a.answer_due_at && a.status == AdviceStatus::kSubmitted
                          ? time::FormatPeriodEnd(commands.zone(), *a.answer_due_at, ctx.locale)
                          : "";
    rows.push_back({{a.title, AdvicePath(a.id)},
                    {platform_name(a.platform_id)},
                    {due},
                    {badge["label"].get<std::string>()}});
  }
  return {{"table", web::Table(ctx.T(caption_key),
                               {ctx.T("advice.field.title"), ctx.T("advice.request.platform"),
                                ctx.T("advice.advice.answer_due"), ctx.T("advice.list.status")},
                               rows)}};
}

std::string AttachmentPath(int64_t id) { return "/advies/bijlage/" + std::to_string(id); }

std::string RoundPath(const platforms::Platform& p, int64_t round_id) {
  return PlatformPath(p) + "/inbreng/" + std::to_string(round_id);
}

std::vector<Upload> UploadsOf(const web::Context& ctx) {
  std::vector<Upload> out;
  for (const auto& f : ctx.form.Files()) {
    if (f.field == "files" && !(f.filename.empty() && f.data.empty())) out.push_back({f.filename, f.data});
  }
  return out;
}

json FilesFieldJson(const web::Context& ctx, const Error* error) {
  json out = {{"files_error", web::FormView(ctx, error ? error->fields : std::vector<FieldError>{}).ErrorFor("files")},
              {"files_hint", ctx.T("advice.attachments.hint", {{"max", static_cast<int64_t>(kMaxAttachments)}})},
              {"files_optional", true}};
  // A browser never fills a file field again: say so when files were sent with a form that came back.
  if (error && !UploadsOf(ctx).empty()) out["files_again"] = ctx.T("advice.attachments.choose_again");
  return out;
}

json AttachmentsJson(const web::Context& ctx, const std::vector<Attachment>& list, const std::string& upload_action,
                     const Error* error) {
  json items = json::array();
  for (const auto& a : list) {
    items.push_back({{"name", a.file_name},
                     {"url", AttachmentPath(a.id)},
                     {"size", ctx.T("advice.attachments.size", {{"kb", SizeInKilobytes(a.size_bytes)}})}});
  }
  json out = {{"attachments", items}, {"has_attachments", !items.empty()}, {"upload_action", upload_action}};
  if (!upload_action.empty()) {
    out["files_error"] = web::FormView(ctx, error ? error->fields : std::vector<FieldError>{}).ErrorFor("files");
    out["files_hint"] = ctx.T("advice.attachments.hint", {{"max", static_cast<int64_t>(kMaxAttachments)}});
  }
  return out;
}

json RoundsJson(const web::Context& ctx, const AdviceCommands& commands, const platforms::Platform& p,
                const std::vector<InputRound>& rounds) {
  json out = json::array();
  int64_t now = commands.Now();
  for (const auto& r : rounds) {
    std::string closes = IsRoundOpen(r, now) ? "advice.round.open_until" : "advice.round.closed_on";
    out.push_back({{"url", RoundPath(p, r.id)},
                   {"label", ctx.T("advice.round.label", {{"platform", p.name}})},
                   {"closes", ctx.T(closes, {{"date", time::FormatPeriodEnd(commands.zone(), r.closes_at, ctx.locale)}})}});
  }
  return out;
}

}  // namespace wp::advice
