#include "features/sortition/draw_cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/strings.h"
#include "testing/temp_dir.h"

namespace wp::sortition {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Draw(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = RunDrawCommand(args, out, err);
  return {code, out.str(), err.str()};
}

std::string Pool(const std::string& name, const std::string& file) {
  std::filesystem::path p = testing::TestDataDir("sortition/selection") / name / file;
  EXPECT_TRUE(std::filesystem::exists(p))
      << "test data missing: " << p << "; run through ctest (it sets WP_SOURCE_DIR) or from the source folder";
  return p.string();
}

std::vector<std::string> SmallArgs() {
  return {"--categories",  Pool("example_small_20", "categories.csv"),
          "--respondents", Pool("example_small_20", "respondents.csv"),
          "--panel-size",  "20",
          "--seed",        "2026-11-23 lottery 48213"};
}

void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(DrawCliTest, HelpDocumentsEveryFlag) {
  CliRun r = Draw({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* flag :
       {"--categories", "--respondents", "--panel-size", "--seed", "--algorithm", "--address-columns", "--tickets",
        "--legacy-runs", "--json", "--replace", "--panel", "--explain", "--publish", "--verify", "--quiet", "--help",
        "--method"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

TEST(DrawCliTest, UsageErrorsExitWithTwo) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"--bogus"},
      {"--categories", "c.csv", "--respondents", "r.csv", "--panel-size", "ten", "--seed", "s"},
      {"--categories", "c.csv", "--respondents", "r.csv", "--panel-size", "5"},
      {"--categories", "c.csv", "--respondents", "r.csv", "--panel-size", "5", "--seed", "s", "--algorithm", "x"},
      {"--categories", "c.csv", "--respondents", "r.csv", "--panel-size", "5", "--seed", "s", "--replace", "a"},
      {"--categories", "c.csv", "--respondents", "r.csv", "--panel-size", "5", "--seed", "s", "--method", "simplex"},
      {"--categories"},
  };
  for (const auto& args : cases) {
    CliRun r = Draw(args);
    EXPECT_EQ(r.code, 2) << (args.empty() ? "" : args[0]);
    EXPECT_NE(r.err.find("wijkplatform draw:"), std::string::npos);
  }
}

TEST(DrawCliTest, TextReportForSmallExample) {
  CliRun r = Draw(SmallArgs());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Selected panel (20)"), std::string::npos);
  EXPECT_NE(r.out.find("lowest:  10.00%"), std::string::npos);
  EXPECT_NE(r.out.find("Public seed:  \"2026-11-23 lottery 48213\""), std::string::npos);
  EXPECT_NE(r.out.find("Drawn ticket:"), std::string::npos);
}

TEST(DrawCliTest, JsonIsDeterministicAndComplete) {
  std::vector<std::string> args = SmallArgs();
  args.push_back("--json");
  CliRun a = Draw(args);
  CliRun b = Draw(args);
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  nlohmann::json j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["panel"].size(), 20u);
  EXPECT_NEAR(j["min_probability"].get<double>(), 0.1, 1e-4);
  EXPECT_EQ(j["volunteers"].size(), 200u);
  double sum = 0;
  for (const auto& v : j["volunteers"]) sum += v["probability"].get<double>();
  EXPECT_NEAR(sum, 20, 1e-6);
  EXPECT_EQ(j["lottery"]["tickets"], 1000);
  for (const auto& q : j["quotas"]) {
    EXPECT_LE(q["min"].get<int>(), q["selected"].get<int>());
    EXPECT_LE(q["selected"].get<int>(), q["max"].get<int>());
  }
}

TEST(DrawCliTest, ReplaceDropOutsFromPreviousJson) {
  testing::TempDir dir;
  std::vector<std::string> args = SmallArgs();
  args.push_back("--json");
  CliRun first = Draw(args);
  ASSERT_EQ(first.code, 0) << first.err;
  WriteFile(dir.File("previous.json"), first.out);
  nlohmann::json j = nlohmann::json::parse(first.out);
  std::string drop = j["panel"][0].get<std::string>() + "," + j["panel"][5].get<std::string>();
  std::vector<std::string> replace = SmallArgs();
  replace[7] = "2026-11-30 replacement 771";
  for (const char* a : {"--json", "--replace"}) replace.push_back(a);
  replace.push_back(drop);
  replace.push_back("--panel");
  replace.push_back(dir.File("previous.json"));
  CliRun r = Draw(replace);
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json k = nlohmann::json::parse(r.out);
  EXPECT_EQ(k["panel"].size(), 20u);
  EXPECT_EQ(k["replacement"]["replacements"].size(), 2u);
  EXPECT_EQ(k["replacement"]["kept"].size(), 18u);
  for (const auto& q : k["quotas"]) {
    EXPECT_LE(q["min"].get<int>(), q["selected"].get<int>());
    EXPECT_LE(q["selected"].get<int>(), q["max"].get<int>());
  }
  EXPECT_EQ(Draw(replace).out, r.out);
  // Text report too.
  replace.erase(std::find(replace.begin(), replace.end(), "--json"));
  CliRun text = Draw(replace);
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("Drop-outs (2)"), std::string::npos);
  // A previous panel of the wrong size is bad input.
  WriteFile(dir.File("short.txt"), j["panel"][0].get<std::string>() + "\n");
  std::vector<std::string> short_panel = replace;
  short_panel.back() = dir.File("short.txt");
  CliRun wrong = Draw(short_panel);
  EXPECT_EQ(wrong.code, 1);
  EXPECT_NE(wrong.err.find("holds 1 members, but --panel-size is 20"), std::string::npos) << wrong.err;
  // A drop-out not on the panel is bad input.
  replace[std::find(replace.begin(), replace.end(), "--replace") - replace.begin() + 1] = "not-an-id";
  CliRun bad = Draw(replace);
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("not-an-id"), std::string::npos);
}

TEST(DrawCliTest, InfeasibleQuotaMessage) {
  testing::TempDir dir;
  WriteFile(dir.File("c.csv"), "feature,value,min,max\ngender,female,10,12\ngender,male,0,12\n");
  std::string r = "id,gender\n";
  for (int i = 0; i < 30; ++i) r += "p" + std::to_string(i) + "," + (i < 7 ? "female" : "male") + "\n";
  WriteFile(dir.File("r.csv"), r);
  CliRun run = Draw(
      {"--categories", dir.File("c.csv"), "--respondents", dir.File("r.csv"), "--panel-size", "20", "--seed", "s"});
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.err.find("gender=female needs at least 10 but only 7 volunteers have it"), std::string::npos)
      << run.err;
  CliRun dutch = Draw({"--categories", dir.File("c.csv"), "--respondents", dir.File("r.csv"), "--panel-size", "20",
                       "--seed", "s", "--explain", "nl"});
  EXPECT_EQ(dutch.code, 1);
  EXPECT_NE(dutch.err.find("Bij gender=female moeten minstens 10 mensen in de groep. Maar 7 mensen hebben dit "
                           "kenmerk. Er zijn 3 mensen te weinig."),
            std::string::npos)
      << dutch.err;
}

TEST(DrawCliTest, MalformedAndMissingFiles) {
  testing::TempDir dir;
  WriteFile(dir.File("c.csv"), "feature,value,min,max\ngender,female,3,x\n");
  WriteFile(dir.File("r.csv"), "id,gender\np1,female\n");
  CliRun run =
      Draw({"--categories", dir.File("c.csv"), "--respondents", dir.File("r.csv"), "--panel-size", "1", "--seed", "s"});
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.err.find("line 2: max must be a whole number"), std::string::npos) << run.err;
  CliRun missing = Draw(
      {"--categories", dir.File("nope.csv"), "--respondents", dir.File("r.csv"), "--panel-size", "1", "--seed", "s"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
}

TEST(DrawCliTest, HouseholdColumnsAndLegacy) {
  testing::TempDir dir;
  WriteFile(dir.File("c.csv"), "feature,value,min,max\ng,f,1,2\ng,m,1,2\n");
  WriteFile(dir.File("r.csv"), "id,g,street\na,f,Zijlweg 1\nb,m,Zijlweg 1\nc,m,Zijlweg 2\nd,f,Zijlweg 3\n");
  for (const char* algorithm : {"leximin", "maximin", "nash", "legacy"}) {
    CliRun run =
        Draw({"--categories", dir.File("c.csv"), "--respondents", dir.File("r.csv"), "--panel-size", "2", "--seed", "s",
              "--address-columns", "street", "--algorithm", algorithm, "--json", "--legacy-runs", "20"});
    ASSERT_EQ(run.code, 0) << algorithm << ": " << run.err;
    nlohmann::json j = nlohmann::json::parse(run.out);
    std::vector<std::string> panel = j["panel"];
    EXPECT_FALSE(std::count(panel.begin(), panel.end(), "a") && std::count(panel.begin(), panel.end(), "b"));
    EXPECT_TRUE(j["inputs"]["household_rule"].get<bool>());
  }
}

TEST(DrawCliTest, ExplainsTheDrawInPlainLanguage) {
  std::vector<std::string> args = SmallArgs();
  args.insert(args.end(), {"--explain", "nl"});
  CliRun nl = Draw(args);
  ASSERT_EQ(nl.code, 0) << nl.err;
  EXPECT_EQ(nl.out.rfind("Hoe is er geloot?", 0), 0u) << "the plain story comes first";
  EXPECT_NE(nl.out.find("2026-11-23 lottery 48213"), std::string::npos);
  EXPECT_NE(nl.out.find("Iedereen had dezelfde kans"), std::string::npos) << "20 of 200 without binding quotas";
  CliRun plain = Draw(SmallArgs());
  EXPECT_NE(nl.out.find(plain.out), std::string::npos) << "the technical report follows, unchanged";
  EXPECT_EQ(plain.out.find("Hoe is er geloot?"), std::string::npos) << "without --explain: as before";

  args.back() = "en";
  args.push_back("--json");
  CliRun en = Draw(args);
  ASSERT_EQ(en.code, 0) << en.err;
  auto j = nlohmann::json::parse(en.out);
  EXPECT_EQ(j["explanation"]["language"], "en");
  EXPECT_EQ(j["explanation"]["title"], "How was the draw done?");
  EXPECT_FALSE(j["explanation"]["paragraphs"].empty());
  EXPECT_FALSE(j["explanation"]["quotas"].empty());

  std::vector<std::string> french = SmallArgs();
  french.push_back("--explain=fr");
  CliRun fr = Draw(french);
  EXPECT_EQ(fr.code, 2);
  EXPECT_NE(fr.err.find("--explain must be nl or en"), std::string::npos) << fr.err;
}

// --- draw --publish DIR and draw --verify DIR ---

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A draw of 20 from the small example, published in `dir`.
void PublishSmallDraw(const testing::TempDir& dir) {
  std::vector<std::string> args = SmallArgs();
  for (const char* a : {"--quiet", "--publish"}) args.push_back(a);
  args.push_back(dir.File("draw"));
  CliRun r = Draw(args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* f : {"categories.csv", "respondents.csv", "result.json", "manifest.json"}) {
    ASSERT_TRUE(std::filesystem::exists(dir.path() / "draw" / f)) << f;
  }
}

TEST(DrawVerifyTest, PublishedDrawVerifies) {
  testing::TempDir dir;
  PublishSmallDraw(dir);
  nlohmann::json manifest = nlohmann::json::parse(ReadAll(dir.File("draw/manifest.json")));
  EXPECT_EQ(manifest["settings"]["seed"], "2026-11-23 lottery 48213");
  EXPECT_EQ(manifest["sha256"]["categories.csv"].get<std::string>().size(), 64u);
  CliRun r = Draw({"--verify", dir.File("draw")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("verified:", 0), 0u) << r.out;
  CliRun j = Draw({"--verify", dir.File("draw"), "--json", "--quiet"});
  EXPECT_EQ(j.code, 0);
  nlohmann::json verdict = nlohmann::json::parse(j.out);
  EXPECT_TRUE(verdict["verified"].get<bool>());
  EXPECT_TRUE(verdict["differences"].empty());
  EXPECT_EQ(Draw({"--verify", dir.File("draw"), "--seed", "x"}).code, 2);
}

// Runs --verify --json on the tampered folder and returns what differs.
std::vector<std::string> Differences(const testing::TempDir& dir) {
  CliRun r = Draw({"--verify", dir.File("draw"), "--json", "--quiet"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  std::vector<std::string> what;
  nlohmann::json verdict = nlohmann::json::parse(r.out);
  for (const auto& d : verdict["differences"]) what.push_back(d["what"].get<std::string>());
  CliRun text = Draw({"--verify", dir.File("draw"), "--quiet"});
  EXPECT_EQ(text.out.rfind("NOT verified:", 0), 0u) << text.out;
  return what;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(DrawVerifyTest, ChangedInputIsNamed) {
  testing::TempDir dir;
  PublishSmallDraw(dir);
  // The first volunteer becomes a man.
  std::string pool = ReadAll(dir.File("draw/respondents.csv"));
  size_t at = pool.find("r0,female,");
  ASSERT_NE(at, std::string::npos);
  pool.replace(at, 10, "r0,male,");
  WriteFile(dir.File("draw/respondents.csv"), pool);
  std::vector<std::string> what = Differences(dir);
  EXPECT_TRUE(Has(what, "respondents.csv"));
  EXPECT_TRUE(Has(what, "inputs/respondents_sha256"));
  EXPECT_FALSE(Has(what, "categories.csv"));
  EXPECT_FALSE(Has(what, "seed"));
}

TEST(DrawVerifyTest, ChangedSeedIsNamed) {
  testing::TempDir dir;
  PublishSmallDraw(dir);
  nlohmann::json manifest = nlohmann::json::parse(ReadAll(dir.File("draw/manifest.json")));
  manifest["settings"]["seed"] = "2026-11-23 lottery 48214";
  WriteFile(dir.File("draw/manifest.json"), manifest.dump(2));
  std::vector<std::string> what = Differences(dir);
  EXPECT_TRUE(Has(what, "seed in result.json"));
  EXPECT_TRUE(Has(what, "seed"));
  EXPECT_TRUE(Has(what, "lottery/drawn_ticket"));
}

TEST(DrawVerifyTest, ChangedResultIsNamed) {
  testing::TempDir dir;
  PublishSmallDraw(dir);
  nlohmann::json result = nlohmann::json::parse(ReadAll(dir.File("draw/result.json")));
  // Swap a selected volunteer for one who was not drawn.
  std::string out_id;
  for (const auto& v : result["volunteers"]) {
    if (!v["selected"].get<bool>()) out_id = v["id"].get<std::string>();
  }
  ASSERT_FALSE(out_id.empty());
  result["panel"][0] = out_id;
  WriteFile(dir.File("draw/result.json"), result.dump(2) + "\n");
  std::vector<std::string> what = Differences(dir);
  EXPECT_TRUE(Has(what, "result.json"));
  EXPECT_TRUE(Has(what, "panel"));
  EXPECT_FALSE(Has(what, "seed"));
  EXPECT_FALSE(Has(what, "categories.csv"));
}

TEST(DrawVerifyTest, MissingFolderIsAnError) {
  testing::TempDir dir;
  CliRun r = Draw({"--verify", dir.File("nothing")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("manifest.json"), std::string::npos);
}

// The method is published with the draw and --verify replays it the same
// way: a folder made by column generation (as every draw before the
// relaxation path; its manifest names no method) still verifies, and the two
// methods give different lotteries here, so a replay by the wrong one fails.
TEST(DrawVerifyTest, EachMethodReplaysAsPublished) {
  testing::TempDir dir;
  auto publish = [&](const std::string& folder, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--categories",  Pool("sf_fixture_150_22", "categories.csv"),
                                     "--respondents", Pool("sf_fixture_150_22", "respondents.csv"),
                                     "--panel-size",  "22",
                                     "--seed",        "method check",
                                     "--quiet",       "--publish",
                                     dir.File(folder)};
    args.insert(args.end(), extra.begin(), extra.end());
    CliRun r = Draw(args);
    ASSERT_EQ(r.code, 0) << r.err;
  };
  publish("relax", {});
  publish("cg", {"--method", "column-generation"});
  nlohmann::json relax = nlohmann::json::parse(ReadAll(dir.File("relax/manifest.json")));
  nlohmann::json cg = nlohmann::json::parse(ReadAll(dir.File("cg/manifest.json")));
  EXPECT_EQ(relax["settings"]["method"], "relaxation-first");
  EXPECT_FALSE(cg["settings"].contains("method"));
  nlohmann::json relax_result = nlohmann::json::parse(ReadAll(dir.File("relax/result.json")));
  nlohmann::json cg_result = nlohmann::json::parse(ReadAll(dir.File("cg/result.json")));
  EXPECT_EQ(relax_result["method"], "relaxation-first");
  EXPECT_EQ(cg_result["method"], "column-generation");
  EXPECT_TRUE(relax_result["stats"]["by_relaxation"].get<bool>());
  EXPECT_FALSE(cg_result["stats"]["by_relaxation"].get<bool>());
  ASSERT_NE(relax_result["lottery"]["panels"], cg_result["lottery"]["panels"]);
  for (const char* folder : {"relax", "cg"}) {
    CliRun r = Draw({"--verify", dir.File(folder), "--quiet"});
    EXPECT_EQ(r.code, 0) << folder << ": " << r.out << r.err;
  }
  // The column-generation folder replayed by the relaxation path differs.
  cg["settings"]["method"] = "relaxation-first";
  WriteFile(dir.File("cg/manifest.json"), cg.dump(2));
  CliRun wrong = Draw({"--verify", dir.File("cg"), "--quiet"});
  EXPECT_EQ(wrong.code, 1) << wrong.out;
  EXPECT_NE(wrong.out.find("NOT verified"), std::string::npos) << wrong.out;
  // An unknown method in a manifest is refused, not guessed.
  cg["settings"]["method"] = "simplex";
  WriteFile(dir.File("cg/manifest.json"), cg.dump(2));
  EXPECT_EQ(Draw({"--verify", dir.File("cg"), "--quiet"}).code, 1);
}

// A folder published by the engine before the relaxation path existed (see
// testdata/README.md) replays exactly: verify takes the missing method as
// column generation, which must keep giving what it gave then.
TEST(DrawVerifyTest, ADrawPublishedBeforeTheRelaxationPathStillVerifies) {
  testing::TempDir dir;
  std::filesystem::copy(testing::TestDataDir("sortition/selection") / "published_before_relaxation",
                        dir.path() / "draw");
  CliRun r = Draw({"--verify", dir.File("draw"), "--quiet"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("verified:", 0), 0u) << r.out;
}

// --- draw --replace --publish DIR and its --verify ---

// A draw of 20 from the small example, then the replacement of two of its
// members (the panel given as a text file, one id a line), published in
// dir/draw. Returns the drop-outs.
std::vector<std::string> PublishSmallReplacement(const testing::TempDir& dir) {
  std::vector<std::string> args = SmallArgs();
  args.push_back("--json");
  args.push_back("--quiet");
  CliRun first = Draw(args);
  EXPECT_EQ(first.code, 0) << first.err;
  nlohmann::json j = nlohmann::json::parse(first.out);
  std::string panel;
  for (const auto& id : j["panel"]) panel += id.get<std::string>() + "\n";
  WriteFile(dir.File("panel.txt"), panel);
  std::vector<std::string> dropouts = {j["panel"][0].get<std::string>(), j["panel"][5].get<std::string>()};
  std::vector<std::string> replace = SmallArgs();
  replace[7] = "2026-11-30 replacement 771";
  for (std::string a : {std::string("--quiet"), std::string("--replace"), dropouts[0] + "," + dropouts[1],
                        std::string("--panel"), dir.File("panel.txt"), std::string("--publish"), dir.File("draw")}) {
    replace.push_back(a);
  }
  CliRun r = Draw(replace);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Drop-outs (2)"), std::string::npos) << "the text report as without --publish";
  return dropouts;
}

TEST(DrawVerifyTest, PublishedReplacementVerifies) {
  testing::TempDir dir;
  std::vector<std::string> dropouts = PublishSmallReplacement(dir);
  for (const char* f : {"categories.csv", "respondents.csv", "panel.txt", "result.json", "manifest.json"}) {
    ASSERT_TRUE(std::filesystem::exists(dir.path() / "draw" / f)) << f;
  }
  nlohmann::json manifest = nlohmann::json::parse(ReadAll(dir.File("draw/manifest.json")));
  EXPECT_EQ(manifest["settings"]["replace"], nlohmann::json(dropouts));
  EXPECT_EQ(manifest["settings"]["seed"], "2026-11-30 replacement 771");
  EXPECT_EQ(manifest["sha256"]["panel.txt"], Sha256Hex(ReadAll(dir.File("panel.txt"))));
  nlohmann::json result = nlohmann::json::parse(ReadAll(dir.File("draw/result.json")));
  EXPECT_EQ(result["replacement"]["dropouts"], nlohmann::json(dropouts));
  EXPECT_EQ(result["replacement"]["replacements"].size(), 2u);
  EXPECT_EQ(result["inputs"]["respondents"], "respondents.csv");

  CliRun r = Draw({"--verify", dir.File("draw"), "--quiet"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("verified:", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("2 replacement(s) for 2 drop-out(s)"), std::string::npos) << r.out;
  CliRun j = Draw({"--verify", dir.File("draw"), "--json", "--quiet"});
  EXPECT_EQ(j.code, 0);
  nlohmann::json verdict = nlohmann::json::parse(j.out);
  EXPECT_TRUE(verdict["verified"].get<bool>());
  EXPECT_TRUE(verdict["differences"].empty());
}

TEST(DrawVerifyTest, ChangedPanelOfAReplacementIsNamed) {
  testing::TempDir dir;
  PublishSmallReplacement(dir);
  // One byte of panel.txt: the first member's id gets another last letter.
  std::string panel = ReadAll(dir.File("draw/panel.txt"));
  size_t end = panel.find('\n');
  ASSERT_NE(end, std::string::npos);
  panel[end - 1] = panel[end - 1] == '9' ? '8' : '9';
  WriteFile(dir.File("draw/panel.txt"), panel);
  CliRun r = Draw({"--verify", dir.File("draw"), "--json", "--quiet"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  nlohmann::json verdict = nlohmann::json::parse(r.out);
  EXPECT_FALSE(verdict["verified"].get<bool>());
  ASSERT_FALSE(verdict["differences"].empty());
  EXPECT_EQ(verdict["differences"][0]["what"], "panel.txt") << r.out;
  CliRun text = Draw({"--verify", dir.File("draw"), "--quiet"});
  EXPECT_EQ(text.out.rfind("NOT verified:", 0), 0u) << text.out;
  EXPECT_NE(text.out.find("panel.txt: published SHA-256 "), std::string::npos) << text.out;
}

TEST(DrawVerifyTest, ChangedDropOutOrReplacementIsNamed) {
  testing::TempDir dir;
  std::vector<std::string> dropouts = PublishSmallReplacement(dir);
  // The manifest names only one of the two drop-outs.
  nlohmann::json manifest = nlohmann::json::parse(ReadAll(dir.File("draw/manifest.json")));
  manifest["settings"]["replace"] = nlohmann::json::array({dropouts[0]});
  WriteFile(dir.File("draw/manifest.json"), manifest.dump(2));
  std::vector<std::string> what = Differences(dir);
  EXPECT_TRUE(Has(what, "replacement/dropouts"));
  EXPECT_FALSE(Has(what, "panel.txt"));

  // A replacement in result.json swapped for someone who was not drawn.
  testing::TempDir other;
  PublishSmallReplacement(other);
  nlohmann::json result = nlohmann::json::parse(ReadAll(other.File("draw/result.json")));
  std::string not_drawn;
  for (const auto& v : result["replacement"]["volunteers"]) {
    if (!v["selected"].get<bool>()) not_drawn = v["id"].get<std::string>();
  }
  ASSERT_FALSE(not_drawn.empty());
  result["replacement"]["replacements"][0] = not_drawn;
  WriteFile(other.File("draw/result.json"), result.dump(2) + "\n");
  what = Differences(other);
  EXPECT_TRUE(Has(what, "result.json"));
  EXPECT_TRUE(Has(what, "replacement/replacements"));
  EXPECT_FALSE(Has(what, "seed"));
}

TEST(DrawVerifyTest, ReplacementWithoutItsPanelFileIsAnError) {
  testing::TempDir dir;
  PublishSmallReplacement(dir);
  std::filesystem::remove(dir.path() / "draw" / "panel.txt");
  CliRun r = Draw({"--verify", dir.File("draw"), "--quiet"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("panel.txt"), std::string::npos) << r.err;
}

TEST(DrawCliTest, ProgressOnStderrUnlessQuiet) {
  CliRun loud = Draw(SmallArgs());
  ASSERT_EQ(loud.code, 0) << loud.err;
  EXPECT_NE(loud.err.find("levels fixed"), std::string::npos) << loud.err;
  std::vector<std::string> args = SmallArgs();
  args.push_back("--quiet");
  CliRun quiet = Draw(args);
  EXPECT_EQ(quiet.code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, loud.out);
}

}  // namespace
}  // namespace wp::sortition
