#include "features/forums/forum_view.h"

#include "core/time/format.h"
#include "core/web/components.h"

namespace wp::forums {

using nlohmann::json;

std::string ForumPath(const Forum& f) { return std::string(kIndexPath) + "/" + f.slug; }
std::string ManagePath(const Forum& f) { return std::string(kOfficialPath) + "/" + f.slug; }
std::string DrawPath(const Forum& f, int64_t draw_id) { return ForumPath(f) + "/trekking/" + std::to_string(draw_id); }

json ForumFacts(const web::Context& ctx, const ForumCommands& commands, const Forum& f) {
  const auto& zone = commands.zone();
  std::vector<web::SummaryRow> rows = {
      {ctx.T("forums.field.kind"), ctx.T("forums.kind." + std::string(KindName(f.setup.kind))), ""},
      {ctx.T("forums.field.district"), f.district_name, ""},
      {ctx.T("forums.field.seats"), std::to_string(f.setup.seats), ""},
      {ctx.T("forums.field.term_months"), ctx.T("forums.months", {{"count", int64_t{f.setup.term_months}}}), ""},
      {ctx.T("forums.field.register_until"), time::FormatPeriodEnd(zone, f.setup.register_until, ctx.locale), ""}};
  if (f.invited_at) {
    rows.push_back(
        {ctx.T("forums.facts.sample"),
         ctx.T("forums.facts.sample_value",
               {{"sample", int64_t{f.sample_size}}, {"addresses", int64_t{f.address_count}}, {"seed", f.sample_seed}}),
         ""});
    rows.push_back({ctx.T("forums.facts.address_hash"), f.address_list_sha256, ""});
  }
  return web::SummaryList(rows);
}

json QuotasTable(const web::Context& ctx, const Forum& f, const Response* response) {
  auto quotas = sortition::ParseCategoriesCsv(f.setup.quotas_csv);
  std::vector<std::vector<web::Cell>> rows;
  if (quotas.has_value()) {
    for (size_t i = 0; i < quotas->features.size(); ++i) {
      const auto& q = quotas->features[i];
      std::vector<web::Cell> row = {{q.category, "", false, ""},
                                    {q.value, "", false, ""},
                                    {std::to_string(q.min), "", true, ""},
                                    {std::to_string(q.max), "", true, ""}};
      if (response && i < response->per_value.size()) {
        row.push_back({std::to_string(response->per_value[i].second), "", true, ""});
      }
      rows.push_back(std::move(row));
    }
  }
  std::vector<std::string> head = {ctx.T("forums.quota.feature"), ctx.T("forums.quota.value"),
                                   ctx.T("forums.quota.min"), ctx.T("forums.quota.max")};
  if (response) head.push_back(ctx.T("forums.quota.registered"));
  return web::Table(ctx.T("forums.quota.caption"), head, rows);
}

json DrawStatusBadge(const web::Context& ctx, DrawStatus s) {
  web::Tone tone = s == DrawStatus::kDone     ? web::Tone::kSuccess
                   : s == DrawStatus::kFailed ? web::Tone::kDanger
                                              : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("forums.draw_status." + std::string(DrawStatusName(s))), tone);
}

json DrawsTable(const web::Context& ctx, const Forum& f, const std::vector<Draw>& draws) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& d : draws) {
    rows.push_back({{ctx.T("forums.draw_kind." + d.kind) + " " + std::to_string(d.id), DrawPath(f, d.id), false, ""},
                    {d.seed, "", false, ""},
                    {ctx.T("forums.draw_status." + std::string(DrawStatusName(d.status))), "", false, ""}});
  }
  return web::Table(ctx.T("forums.draws.caption"),
                    {ctx.T("forums.draws.draw"), ctx.T("forums.draws.seed"), ctx.T("forums.draws.status")}, rows);
}

json HistoryList(const web::Context& ctx, const ForumCommands& commands, const std::vector<HistoryEntry>& history) {
  const auto& zone = commands.zone();
  json out = json::array();
  for (const auto& h : history) {
    // Registrations are counted on the page, not listed one by one.
    if (h.event == "registered") continue;
    out.push_back({{"when", time::FormatDateTime(zone, h.at, ctx.locale)},
                   {"what", ctx.T("forums.history." + h.event)},
                   {"detail", h.event == "created" ? "" : h.detail}});
  }
  return out;
}

std::string RoundLine(const web::Context& ctx, const ForumCommands& commands, const Round& r) {
  return ctx.T("forums.round.line", {{"number", int64_t{r.number}},
                                     {"sample", int64_t{r.sample_size}},
                                     {"addresses", int64_t{r.address_count}},
                                     {"seed", r.sample_seed},
                                     {"hash", r.address_list_sha256},
                                     {"until", time::FormatPeriodEnd(commands.zone(), r.register_until, ctx.locale)}});
}

}  // namespace wp::forums
