#include "features/talks/talk_view.h"

#include "core/time/format.h"

namespace wp::talks {

using nlohmann::json;

std::string MeetingPath(int64_t id) { return std::string(kPublicPath) + "/" + std::to_string(id); }
std::string ManagePath(int64_t id, std::string_view action) {
  return std::string(kOfficialPath) + "/" + std::to_string(id) + "/" + std::string(action);
}
std::string SchedulePath(int64_t id) { return ManagePath(id, "plannen"); }
std::string RecordPath(int64_t id) { return ManagePath(id, "verslag"); }

json Select(const web::Context& ctx, const std::string& name, const std::string& label_key, const std::string& error,
            json options) {
  return {{"name", name}, {"label", ctx.T(label_key)}, {"error", error}, {"options", std::move(options)}};
}

std::string BoroughLabel(std::string slug) {
  for (auto& ch : slug) {
    if (ch == '-') ch = ' ';
  }
  if (!slug.empty() && slug[0] >= 'a' && slug[0] <= 'z') slug[0] = static_cast<char>(slug[0] - 'a' + 'A');
  return slug;
}

std::string RoundTitle(const web::Context& ctx, const TalkCommands& commands, const Round& r) {
  std::string name = commands.RoundName(r, ctx.locale);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  std::string scope = r.borough.empty() ? ctx.T("talks.round.city") : BoroughLabel(r.borough);
  return name + " — " + scope;
}

json Badge(const web::Context& ctx, Status s) {
  web::Tone tone = s == Status::kToPlan      ? web::Tone::kNeutral
                   : s == Status::kCancelled ? web::Tone::kWarning
                   : IsPublished(s)          ? web::Tone::kSuccess
                                             : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("talks.status." + std::string(StatusName(s))), tone);
}

std::string WhenText(const web::Context& ctx, const TalkCommands& commands, const Meeting& m) {
  if (!m.starts_at) return ctx.T("talks.meeting.no_date");
  return time::FormatWeekdayDate(commands.zone(), *m.starts_at, ctx.locale) + ", " +
         time::FormatTime(commands.zone(), *m.starts_at);
}

json Facts(const web::Context& ctx, const TalkCommands& commands, const MeetingView& v) {
  const Meeting& m = v.meeting;
  std::vector<web::SummaryRow> rows = {
      {ctx.T("talks.field.platform"), v.platform.name, "/wijkplatform/" + v.platform.slug},
      {ctx.T("talks.field.round"), RoundTitle(ctx, commands, v.round), ""},
      {ctx.T("talks.field.when"), WhenText(ctx, commands, m), ""},
  };
  if (!m.place.empty()) rows.push_back({ctx.T("talks.field.place"), m.place, ""});
  if (!m.reason.empty()) rows.push_back({ctx.T("talks.field.reason"), m.reason, ""});
  if (IsUpcoming(m.status) && m.starts_at) {
    int64_t closes = ProposalsCloseAt(*m.starts_at, commands.rules(), commands.zone());
    rows.push_back({ctx.T("talks.field.proposals_until"), time::FormatPeriodEnd(commands.zone(), closes, ctx.locale), ""});
  }
  return web::SummaryList(rows);
}

json Agenda(const web::Context& ctx, const std::vector<AgendaItem>& agenda) {
  json items = json::array();
  for (const auto& i : agenda) {
    std::string who = ctx.T("talks.proposer." + std::string(ProposerName(i.proposer)));
    if (!i.proposer_name.empty()) who += ", " + i.proposer_name;
    items.push_back({{"text", i.text}, {"proposer", who}});
  }
  return items;
}

json AgreementsTable(const web::Context& ctx, const TalkCommands& commands, const std::vector<Agreement>& list) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T("talks.agreements.none"))}};
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& a : list) {
    std::string promise = a.promise_id ? ctx.T("talks.agreements.to_promise") : ctx.T("talks.agreements.draft");
    std::string href = a.promise_id ? "/toezeggingen/" + std::to_string(*a.promise_id) : "";
    rows.push_back({{a.text},
                    {a.department + " — " + a.person},
                    {time::FormatPeriodEnd(commands.zone(), a.due_at, ctx.locale)},
                    {promise, href}});
  }
  return {{"table", web::Table(ctx.T("talks.agreements.caption"),
                               {ctx.T("talks.agreement.text"), ctx.T("talks.agreements.owner"),
                                ctx.T("talks.agreement.due"), ctx.T("talks.agreements.promise")},
                               rows)}};
}

json HistoryTable(const web::Context& ctx, const TalkCommands& commands, const std::vector<Entry>& history) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    rows.push_back({{time::FormatDateTime(commands.zone(), h.at, ctx.locale)},
                    {h.actor_name},
                    {ctx.T("talks.history." + std::string(EntryKindName(h.kind)))},
                    {h.text}});
  }
  return web::Table(ctx.T("talks.history.caption"),
                    {ctx.T("talks.history.when"), ctx.T("talks.history.who"), ctx.T("talks.history.what"),
                     ctx.T("talks.history.text")},
                    rows);
}

json MeetingsTable(const web::Context& ctx, const TalkCommands& commands, const RoundView& round, bool manage) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& rm : round.meetings) {
    const Meeting& m = rm.meeting;
    std::string href = manage ? RecordPath(m.id) : MeetingPath(m.id);
    rows.push_back({{rm.platform.name, href},
                    {WhenText(ctx, commands, m)},
                    {m.place},
                    {ctx.T("talks.status." + std::string(StatusName(m.status)))}});
  }
  return web::Table(RoundTitle(ctx, commands, round.round),
                    {ctx.T("talks.field.platform"), ctx.T("talks.field.when"), ctx.T("talks.field.place"),
                     ctx.T("talks.list.status")},
                    rows);
}

}  // namespace wp::talks
