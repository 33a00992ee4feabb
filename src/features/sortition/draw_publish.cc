#include "features/sortition/draw_publish.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/strings.h"

namespace wp::sortition {
namespace {

namespace fs = std::filesystem;

bool WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

nlohmann::json SettingsJson(const PublishedSettings& s) {
  nlohmann::json j = {{"seed", s.seed},       {"algorithm", s.algorithm},     {"panel_size", s.panel_size},
                      {"tickets", s.tickets}, {"legacy_runs", s.legacy_runs}, {"address_columns", s.address_columns}};
  if (!s.replace.empty()) j["replace"] = s.replace;
  if (!s.method.empty() && s.method != kMethodColumnGeneration) j["method"] = s.method;
  return j;
}

Result<PublishedSettings> SettingsFrom(const nlohmann::json& j) {
  PublishedSettings s;
  try {
    s.seed = j.at("seed").get<std::string>();
    s.algorithm = j.at("algorithm").get<std::string>();
    s.panel_size = j.at("panel_size").get<int>();
    s.tickets = j.at("tickets").get<int>();
    s.legacy_runs = j.at("legacy_runs").get<int>();
    s.address_columns = j.at("address_columns").get<std::vector<std::string>>();
    if (j.contains("replace")) s.replace = j.at("replace").get<std::vector<std::string>>();
    s.method = j.value("method", std::string(kMethodColumnGeneration));
  } catch (const nlohmann::json::exception& e) {
    return InvalidInput(std::string(kPublishedManifest) + ": the settings are incomplete (" + e.what() + ")");
  }
  return s;
}

std::string Short(const nlohmann::json& j) {
  std::string text = j.is_string() ? j.get<std::string>() : j.dump();
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

// Ids in `a` but not in `b`, comma-separated.
std::string Missing(const nlohmann::json& a, const nlohmann::json& b) {
  std::set<std::string> in_b;
  if (b.is_array()) {
    for (const auto& id : b) in_b.insert(id.dump());
  }
  std::vector<std::string> out;
  if (a.is_array()) {
    for (const auto& id : a) {
      if (!in_b.count(id.dump())) out.push_back(Short(id));
    }
  }
  return JoinStrings(out, ",");
}

void CompareExact(const std::string& what, const nlohmann::json& published, const nlohmann::json& recomputed,
                  std::vector<DrawDifference>& differences) {
  if (published != recomputed) differences.push_back({what, Short(published), Short(recomputed)});
}

void ComparePanel(const nlohmann::json& published, const nlohmann::json& recomputed,
                  std::vector<DrawDifference>& differences) {
  if (published == recomputed) return;
  differences.push_back({"panel", "only in the published panel: " + Missing(published, recomputed),
                         "only in the replayed panel: " + Missing(recomputed, published)});
}

// Probabilities per volunteer id, to 1e-6; "selected" exactly.
void CompareVolunteers(const nlohmann::json& published, const nlohmann::json& recomputed,
                       std::vector<DrawDifference>& differences) {
  if (!published.is_array() || !recomputed.is_array() || published.size() != recomputed.size()) {
    CompareExact("volunteers", published.is_array() ? published.size() : 0,
                 recomputed.is_array() ? recomputed.size() : 0, differences);
    return;
  }
  for (size_t i = 0; i < published.size(); ++i) {
    const nlohmann::json& p = published[i];
    const nlohmann::json& r = recomputed[i];
    std::string id = r.value("id", "");
    if (p.value("id", "") != id) {
      differences.push_back({"volunteer " + std::to_string(i + 1), p.value("id", ""), id});
      return;
    }
    for (const char* key : {"probability", "lottery_probability"}) {
      if (!r.contains(key)) continue;
      double a = p.contains(key) && p[key].is_number() ? p[key].get<double>() : -1;
      if (std::abs(a - r[key].get<double>()) > 1e-6) {
        differences.push_back({std::string(key) + " of " + id, Short(p.value(key, nlohmann::json())), Short(r[key])});
      }
    }
    CompareExact("selected " + id, p.value("selected", nlohmann::json()), r["selected"], differences);
  }
}

// The published files in order; with `panel_text` (a replacement) panel.txt
// comes after respondents.csv and is hashed in the manifest too.
std::vector<PublishedFile> Files(const std::string& categories_text, const std::string& respondents_text,
                                 const std::string* panel_text, const nlohmann::json& result,
                                 const PublishedSettings& settings) {
  const std::string result_text = result.dump(2) + "\n";
  nlohmann::json manifest;
  manifest["command"] = "wijkplatform draw";
  manifest["settings"] = SettingsJson(settings);
  manifest["sha256"] = {{kPublishedCategories, Sha256Hex(categories_text)},
                        {kPublishedRespondents, Sha256Hex(respondents_text)},
                        {kPublishedResult, Sha256Hex(result_text)}};
  if (panel_text) manifest["sha256"][kPublishedPanel] = Sha256Hex(*panel_text);
  manifest["verify"] = "wijkplatform draw --verify DIR";
  std::vector<PublishedFile> files = {{kPublishedCategories, categories_text},
                                      {kPublishedRespondents, respondents_text}};
  if (panel_text) files.push_back({kPublishedPanel, *panel_text});
  files.push_back({kPublishedResult, result_text});
  files.push_back({kPublishedManifest, manifest.dump(2) + "\n"});
  return files;
}

}  // namespace

bool ReadText(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  return true;
}

std::vector<PublishedFile> PublishedDrawFiles(const std::string& categories_text, const std::string& respondents_text,
                                              const nlohmann::json& result, const PublishedSettings& settings) {
  return Files(categories_text, respondents_text, nullptr, result, settings);
}

std::vector<PublishedFile> PublishedReplacementFiles(const std::string& categories_text,
                                                     const std::string& respondents_text,
                                                     const std::string& panel_text, const nlohmann::json& result,
                                                     const PublishedSettings& settings) {
  return Files(categories_text, respondents_text, &panel_text, result, settings);
}

Result<void> WritePublishedFiles(const std::string& dir, const std::vector<PublishedFile>& files) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return InvalidInput("cannot create " + dir + ": " + ec.message());
  for (const PublishedFile& file : files) {
    if (!WriteText(fs::path(dir) / file.name, file.text)) {
      return InvalidInput("cannot write " + (fs::path(dir) / file.name).string());
    }
  }
  return Ok();
}

Result<PublishedDraw> ReadPublishedDraw(const std::string& dir, std::vector<DrawDifference>& differences) {
  std::string manifest_text;
  if (!ReadText(fs::path(dir) / kPublishedManifest, manifest_text)) {
    return InvalidInput("cannot read " + (fs::path(dir) / kPublishedManifest).string());
  }
  nlohmann::json manifest = nlohmann::json::parse(manifest_text, nullptr, /*allow_exceptions=*/false);
  if (manifest.is_discarded() || !manifest.contains("settings") || !manifest.contains("sha256")) {
    return InvalidInput(std::string(kPublishedManifest) + " is not the manifest of a published draw");
  }
  PublishedDraw out;
  WP_ASSIGN_OR_RETURN(out.settings, SettingsFrom(manifest["settings"]));
  std::string result_text;
  std::vector<std::pair<const char*, std::string*>> files = {{kPublishedCategories, &out.categories_text},
                                                             {kPublishedRespondents, &out.respondents_text},
                                                             {kPublishedResult, &result_text}};
  // A replacement's panel.txt; the manifest's list of drop-outs says it is one.
  if (!out.settings.replace.empty()) files.push_back({kPublishedPanel, &out.panel_text});
  for (const auto& [name, text] : files) {
    if (!ReadText(fs::path(dir) / name, *text)) return InvalidInput("cannot read " + (fs::path(dir) / name).string());
    std::string want = manifest["sha256"].value(name, "");
    std::string got = Sha256Hex(*text);
    if (want != got) differences.push_back({name, "SHA-256 " + want, "SHA-256 " + got});
  }
  out.result = nlohmann::json::parse(result_text, nullptr, /*allow_exceptions=*/false);
  if (out.result.is_discarded()) return InvalidInput(std::string(kPublishedResult) + " is not JSON");
  CompareExact("seed in " + std::string(kPublishedResult), out.settings.seed, out.result.value("seed", ""),
               differences);
  return out;
}

void CompareDrawResults(const nlohmann::json& published, const nlohmann::json& recomputed,
                        std::vector<DrawDifference>& differences) {
  auto field = [](const nlohmann::json& j, const std::string& at) {
    nlohmann::json::json_pointer pointer(at);
    return j.contains(pointer) ? j[pointer] : nlohmann::json();
  };
  auto exact = [&](const std::string& at) {
    CompareExact(at.substr(1), field(published, at), field(recomputed, at), differences);
  };
  // A replacement keeps its lottery and chances under "replacement".
  bool replacement = published.contains("replacement") || recomputed.contains("replacement");
  const std::string draw = replacement ? "/replacement" : "";
  for (const char* at : {"/seed", "/algorithm", "/inputs/categories_sha256", "/inputs/respondents_sha256",
                         "/inputs/pool_size", "/inputs/panel_size", "/inputs/household_rule", "/inputs/address_columns"}) {
    exact(at);
  }
  if (replacement) {
    for (const char* at : {"/replacement/previous_panel", "/replacement/dropouts", "/replacement/kept",
                           "/replacement/replacements", "/replacement/remaining_pool_size"}) {
      exact(at);
    }
  }
  exact(draw + "/lottery/drawn_ticket");
  exact(draw + "/lottery/tickets");
  ComparePanel(field(published, "/panel"), field(recomputed, "/panel"), differences);
  exact(draw + "/lottery/groups");
  exact(draw + "/lottery/panels");
  CompareVolunteers(field(published, draw + "/volunteers"), field(recomputed, draw + "/volunteers"), differences);
}

}  // namespace wp::sortition
