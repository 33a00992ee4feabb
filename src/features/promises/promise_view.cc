#include "features/promises/promise_view.h"

#include "core/time/format.h"

namespace wp::promises {

using nlohmann::json;

std::string PromisePath(int64_t id) { return "/toezeggingen/" + std::to_string(id); }
std::string PlatformPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/toezeggingen"; }
std::string FromAnswerPath(int64_t advice_id, int point) {
  return std::string(kNewPath) + "?advies=" + std::to_string(advice_id) + "&punt=" + std::to_string(point);
}

namespace {

std::string Due(const web::Context& ctx, const PromiseCommands& commands, int64_t due_at) {
  return time::FormatPeriodEnd(commands.zone(), due_at, ctx.locale);
}

std::string SourceText(const web::Context& ctx, const Promise& p) {
  std::string kind = ctx.T("promises.source." + std::string(SourceName(p.source)));
  if (p.source == Source::kAnswer && p.point_number) {
    return ctx.T("promises.source.answer_point", {{"number", static_cast<int64_t>(*p.point_number)}});
  }
  return p.source_note.empty() ? kind : kind + ": " + p.source_note;
}

}  // namespace

json Select(const web::Context& ctx, const std::string& name, const std::string& label_key, const std::string& error,
            json options) {
  return {{"name", name}, {"label", ctx.T(label_key)}, {"error", error}, {"options", std::move(options)}};
}

json Badge(const web::Context& ctx, const PromiseCommands& commands, const Promise& p) {
  int64_t now = commands.Now();
  Shown shown = ShownStatus(p, now);
  std::string label = ctx.T("promises.status." + std::string(ShownName(shown)));
  if (shown == Shown::kLate) {
    int days = WorkingDaysLate(p, commands.zone(), commands.working_days(), now);
    if (days > 0) label += " (" + ctx.T("promises.late_days", {{"count", static_cast<int64_t>(days)}}) + ")";
  }
  web::Tone tone = shown == Shown::kLate      ? web::Tone::kDanger
                   : shown == Shown::kDone    ? web::Tone::kSuccess
                   : shown == Shown::kDropped ? web::Tone::kNeutral
                                              : web::Tone::kInfo;
  return web::StatusBadge(label, tone);
}

json Facts(const web::Context& ctx, const PromiseCommands& commands, const PromiseView& v) {
  const Promise& p = v.promise;
  std::string source_href;
  if (p.source == Source::kAnswer && p.advice_id) source_href = "/advies/" + std::to_string(*p.advice_id);
  if (p.source == Source::kTalk && p.meeting_id) source_href = "/gesprekken/" + std::to_string(*p.meeting_id);
  std::vector<web::SummaryRow> rows = {
      {ctx.T("promises.field.platform"), v.platform.name, PlatformPath(v.platform)},
      {ctx.T("promises.field.source"), SourceText(ctx, p), source_href},
      {ctx.T("promises.field.department"), p.owner.department, ""},
      {ctx.T("promises.field.person"), p.owner.person, ""},
      {ctx.T("promises.field.due"), Due(ctx, commands, p.due_at), ""},
      {ctx.T("promises.promise.made_on"), time::FormatDate(commands.zone(), p.created_at, ctx.locale), ""},
  };
  if (p.status == Status::kDropped) rows.push_back({ctx.T("promises.promise.drop_reason"), p.status_reason, ""});
  return web::SummaryList(rows);
}

json HistoryTable(const web::Context& ctx, const PromiseCommands& commands, const std::vector<Entry>& history) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    std::string what = ctx.T("promises.history." + std::string(EntryKindName(h.kind)));
    if (h.kind == EntryKind::kStatus) {
      what += ": " + ctx.T("promises.status." + h.from) + " → " + ctx.T("promises.status." + h.to);
    } else if (h.kind == EntryKind::kHandover) {
      what += ": " + h.from + " → " + h.to;
    }
    rows.push_back({{time::FormatDateTime(commands.zone(), h.at, ctx.locale)}, {h.actor_name}, {what}, {h.text}});
  }
  return web::Table(ctx.T("promises.history.caption"),
                    {ctx.T("promises.history.when"), ctx.T("promises.history.who"), ctx.T("promises.history.what"),
                     ctx.T("promises.history.text")},
                    rows);
}

json PromisesTable(const web::Context& ctx, const PromiseCommands& commands, const std::vector<Promise>& list,
                   const std::string& caption_key, const std::string& empty_key) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T(empty_key))}};
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& p : list) {
    rows.push_back({{p.text, PromisePath(p.id)},
                    {OwnerLine(p.owner)},
                    {Due(ctx, commands, p.due_at)},
                    {Badge(ctx, commands, p)["label"].get<std::string>()}});
  }
  return {{"table", web::Table(ctx.T(caption_key),
                               {ctx.T("promises.field.text"), ctx.T("promises.list.owner"), ctx.T("promises.field.due"),
                                ctx.T("promises.list.status")},
                               rows)}};
}

json CommitmentsTable(const web::Context& ctx, const PromiseCommands& commands,
                      const std::vector<contracts::Commitment>& list) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T("promises.contract.none"))}};
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& m : list) {
    std::string href = "/wijkcontract/" + std::to_string(m.contract_id) + "/afspraak/" + std::to_string(m.id);
    rows.push_back({{m.text, href},
                    {m.party_name + " — " + m.owner_name},
                    {Due(ctx, commands, m.due_at)},
                    {ctx.T("contracts.commitment_status." + std::string(contracts::CommitmentStatusName(m.status)))}});
  }
  return {{"table", web::Table(ctx.T("promises.contract.caption"),
                               {ctx.T("promises.field.text"), ctx.T("promises.list.owner"), ctx.T("promises.field.due"),
                                ctx.T("promises.list.status")},
                               rows)}};
}

}  // namespace wp::promises
