#include "features/codes/file_tables.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/codes/links.h"

namespace wp::codes {

nlohmann::json FilesTable(const web::Context& ctx, const budgets::Edition& e, const std::vector<PrintFile>& files,
                          bool links) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& f : files) {
    rows.push_back({{f.name, links ? CodesPath(e) + "/bestanden/" + f.name : ""},
                    {ctx.T("codes.files.size_kb", {{"kb", (f.bytes + 1023) / 1024}}), "", true}});
  }
  return web::Table(ctx.T("codes.files.caption"), {ctx.T("codes.files.name"), ctx.T("codes.files.size")}, rows);
}

nlohmann::json DownloadsTable(const web::Context& ctx, const std::vector<DownloadRecord>& downloads,
                              const time::TimeZone& zone) {
  if (downloads.empty()) return nullptr;
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& d : downloads) {
    rows.push_back({{time::FormatDateTime(zone, d.at, ctx.locale)}, {d.user_name}, {d.file_name}});
  }
  return web::Table(ctx.T("codes.downloads.caption"),
                    {ctx.T("codes.downloads.when"), ctx.T("codes.downloads.who"), ctx.T("codes.files.name")}, rows);
}

}  // namespace wp::codes
