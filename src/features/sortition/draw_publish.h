// The published files of a draw (`wijkplatform draw --publish DIR`) and their
// check (`draw --verify DIR`): the inputs as they were read, the result as
// `draw --json` writes it, and a manifest with the SHA-256 of each file, the
// seed and the settings. Anyone with the folder can replay the draw.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/sortition/selection/draw.h"

namespace wp::sortition {

inline constexpr char kPublishedCategories[] = "categories.csv";
inline constexpr char kPublishedRespondents[] = "respondents.csv";
inline constexpr char kPublishedResult[] = "result.json";
inline constexpr char kPublishedManifest[] = "manifest.json";
// A replacement also publishes the panel it replaced on, one id a line.
inline constexpr char kPublishedPanel[] = "panel.txt";

// Reads a whole file; false if it cannot be read.
bool ReadText(const std::filesystem::path& path, std::string& text);

// How the draw was run: what --verify needs to run it again.
struct PublishedSettings {
  std::string seed;
  std::string algorithm;
  int panel_size = 0;
  int tickets = 1000;
  int legacy_runs = 1000;
  std::vector<std::string> address_columns;
  // A replacement (`--replace`): the drop-outs' ids. Empty for a new draw;
  // the manifest then has no "replace" key, as before replacements had one.
  std::vector<std::string> replace;
  // LEXIMIN/NASH: kMethodRelaxationFirst or kMethodColumnGeneration (see
  // selection/draw.h). The manifest names it unless it is column generation
  // or empty (other algorithms), so manifests published before it existed
  // read back as column generation, as they were made.
  std::string method;
};

// One published file: its name in the folder and its exact bytes.
struct PublishedFile {
  std::string name, text;
};

// The four files of a published draw, in memory and in this order:
// categories.csv, respondents.csv, result.json (`result` as `draw --json`
// writes it) and manifest.json (the settings and the SHA-256 of the other
// three). What --publish writes and what the site serves for one draw.
std::vector<PublishedFile> PublishedDrawFiles(const std::string& categories_text, const std::string& respondents_text,
                                              const nlohmann::json& result, const PublishedSettings& settings);

// The five files of a published replacement (`draw --replace --publish`):
// categories.csv, respondents.csv, panel.txt (`panel_text`, the panel the
// drop-outs left), result.json (the replacement's --json report) and
// manifest.json, whose settings name the drop-outs (`settings.replace`) and
// whose SHA-256 list covers panel.txt too. REQUIRES: !settings.replace.empty().
std::vector<PublishedFile> PublishedReplacementFiles(const std::string& categories_text,
                                                     const std::string& respondents_text,
                                                     const std::string& panel_text, const nlohmann::json& result,
                                                     const PublishedSettings& settings);

// Writes `files` into `dir` (created if missing). Fails with kInvalidInput if
// a file cannot be written.
Result<void> WritePublishedFiles(const std::string& dir, const std::vector<PublishedFile>& files);

// A published folder as read back: the manifest's settings and the files.
struct PublishedDraw {
  PublishedSettings settings;
  std::string categories_text, respondents_text;
  std::string panel_text;  // a replacement's panel.txt; empty for a new draw
  nlohmann::json result;
};

// One way the published draw and its replay disagree.
struct DrawDifference {
  std::string what;  // e.g. "respondents.csv", "seed", "panel", "drawn ticket"
  std::string published;
  std::string recomputed;
};

// Reads `dir`. Files whose SHA-256 differs from the manifest are reported in
// `differences` (the draw is still replayed from them). Fails with
// kInvalidInput if the manifest or a file is missing or unreadable.
Result<PublishedDraw> ReadPublishedDraw(const std::string& dir, std::vector<DrawDifference>& differences);

// Compares the published result with the replayed one: seed, algorithm,
// inputs, drawn ticket, panel, the lottery's groups and ticket list exactly,
// probabilities to 1e-6. For a replacement (a "replacement" object in either)
// also the panel before, the drop-outs, who stay and the replacements, and
// the lottery and chances of the replacement draw. Appends to `differences`.
void CompareDrawResults(const nlohmann::json& published, const nlohmann::json& recomputed,
                        std::vector<DrawDifference>& differences);

}  // namespace wp::sortition
