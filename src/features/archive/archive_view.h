// What the archive's pages share: paths, the kind list, search results
// with their marked snippets, and a document's facts and history. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/archive/commands.h"

namespace wp::archive {

std::string PlatformArchivePath(const platforms::Platform& p);  // /wijkplatform/{slug}/archief
std::string DocumentPath(int64_t id);                           // /archief/{id}

// A select field for the view's archive/select.html.
nlohmann::json Select(const web::Context& ctx, const std::string& name, const std::string& label_key,
                      const std::string& error, nlohmann::json options);
// The kinds as options; `first_key` labels an empty first option ("" for none).
nlohmann::json KindOptions(const web::Context& ctx, const std::string& selected, const std::string& first_key);
// `snippet` escaped, with the matched words (between \x01 and \x02) in <mark>.
std::string SnippetHtml(const std::string& snippet);
// The search results as the view's "results" list.
nlohmann::json ResultsJson(const web::Context& ctx, const ArchiveCommands& commands, const SearchResult& r,
                           bool show_platform);
// The search form's fields, the results, the count and the pages.
void AddSearch(const web::Context& ctx, const ArchiveCommands& commands, const SearchQuery& q,
               const SearchResult& r, const std::string& path, nlohmann::json& data);
// Facts of a document and its history table.
nlohmann::json Facts(const web::Context& ctx, const ArchiveCommands& commands, const DocumentView& v);
nlohmann::json HistoryTable(const web::Context& ctx, const ArchiveCommands& commands, const std::vector<Entry>& h);

}  // namespace wp::archive
