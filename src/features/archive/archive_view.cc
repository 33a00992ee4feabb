#include "features/archive/archive_view.h"

#include "core/html/escape.h"
#include "core/http/form.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"

namespace wp::archive {

using nlohmann::json;

std::string PlatformArchivePath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/archief"; }
std::string DocumentPath(int64_t id) { return "/archief/" + std::to_string(id); }

json Select(const web::Context& ctx, const std::string& name, const std::string& label_key, const std::string& error,
            json options) {
  return {{"name", name}, {"label", ctx.T(label_key)}, {"error", error}, {"options", std::move(options)}};
}

json KindOptions(const web::Context& ctx, const std::string& selected, const std::string& first_key) {
  json out = json::array();
  if (!first_key.empty()) out.push_back({{"value", ""}, {"text", ctx.T(first_key)}, {"selected", selected.empty()}});
  for (Kind k : kAllKinds) {
    std::string name(KindName(k));
    out.push_back({{"value", name}, {"text", ctx.T("archive.kind." + name)}, {"selected", selected == name}});
  }
  return out;
}

std::string SnippetHtml(const std::string& snippet) {
  std::string out;
  for (char c : html::Escape(snippet)) {
    if (c == '\x01') {
      out += "<mark>";
    } else if (c == '\x02') {
      out += "</mark>";
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\n') {
      out.push_back(c);
    }
  }
  return out;
}

json ResultsJson(const web::Context& ctx, const ArchiveCommands& commands, const SearchResult& r,
                 bool show_platform) {
  json out = json::array();
  for (const auto& h : r.hits) {
    std::string meta = ctx.T("archive.kind." + h.kind) + " · " +
                       time::FormatDate(commands.zone(), h.at, ctx.locale);
    auto p = r.platforms.find(h.platform_id);
    if (show_platform && p != r.platforms.end()) meta = p->second.name + " · " + meta;
    out.push_back(
        {{"title", h.title}, {"href", commands.PathOf(h)}, {"meta", meta}, {"snippet_html", SnippetHtml(h.snippet)}});
  }
  return out;
}

void AddSearch(const web::Context& ctx, const ArchiveCommands& commands, const SearchQuery& q,
               const SearchResult& r, const std::string& path, json& data) {
  web::FormView form(ctx);
  form.Field({.name = "q", .label_key = "archive.search.query", .type = "search", .value = q.text,
              .description_key = "archive.search.query_hint", .required = false});
  form.AppendTo(data);
  data["action"] = path;
  data["kind_select"] = Select(ctx, "soort", "archive.search.kind", "", KindOptions(ctx, q.kind, "archive.search.any_kind"));
  data["results"] = ResultsJson(ctx, commands, r, q.platform_id == 0);
  data["count"] = ctx.T(r.searched ? "archive.search.found" : "archive.search.latest", {{"count", r.total}});
  if (r.hits.empty()) data["empty"] = web::EmptyState(ctx.T(r.searched ? "archive.search.none" : "archive.list.none"));
  std::vector<std::pair<std::string, std::string>> query;
  if (!q.text.empty()) query.emplace_back("q", q.text);
  if (!q.kind.empty()) query.emplace_back("soort", q.kind);
  if (q.platform_id > 0 && path == "/archief") query.emplace_back("platform", std::to_string(q.platform_id));
  std::string base = query.empty() ? path : path + "?" + http::EncodeUrlEncoded(query);
  data["pagination"] = web::Pagination(r.total, q.page, q.per_page, base,
                                       {ctx.T("web.pagination.nav"), ctx.T("web.pagination.previous"),
                                        ctx.T("web.pagination.next")});
}

namespace {

std::string ShownDate(const std::string& date, std::string_view locale) {
  auto local = time::ParseDateInput(date);
  return local ? time::FormatDate(*local, locale) : date;
}

}  // namespace

json Facts(const web::Context& ctx, const ArchiveCommands& commands, const DocumentView& v) {
  const Document& d = v.document;
  std::vector<web::SummaryRow> rows = {
      {ctx.T("archive.field.platform"), v.platform.name, PlatformArchivePath(v.platform)},
      {ctx.T("archive.field.kind"), ctx.T("archive.kind." + std::string(KindName(d.kind))), ""},
      {ctx.T("archive.field.date"), ShownDate(d.document_date, ctx.locale), ""},
      {ctx.T("archive.document.added"), time::FormatDate(commands.zone(), d.created_at, ctx.locale), ""},
      {ctx.T("archive.document.file"),
       ctx.T("archive.document.size", {{"kib", (d.size_bytes + 1023) / 1024}}), ""}};
  return web::SummaryList(rows);
}

json HistoryTable(const web::Context& ctx, const ArchiveCommands& commands, const std::vector<Entry>& h) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& e : h) {
    std::string what = ctx.T("archive.history." + std::string(EntryKindName(e.kind)));
    if (!e.text.empty()) what += ": " + e.text;
    rows.push_back({{time::FormatDateTime(commands.zone(), e.at, ctx.locale)}, {e.actor_name}, {what}});
  }
  return web::Table(ctx.T("archive.history.caption"),
                    {ctx.T("archive.history.when"), ctx.T("archive.history.who"), ctx.T("archive.history.what")},
                    rows);
}

}  // namespace wp::archive
