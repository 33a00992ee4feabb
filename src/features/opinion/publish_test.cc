// The published files: participants renumbered, only accepted statements,
// CSV quoting, and the CLI on the published files gives the very groups the
// site computes (BuildPublishedMap) for a synthetic conversation of three
// groups.
#include "features/opinion/publish.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "features/opinion/map/synthetic_votes.h"
#include "features/opinion/map_svg.h"
#include "features/opinion/opinion_cli.h"
#include "testing/temp_dir.h"

namespace wp::opinion {
namespace {

TEST(PublishTest, RenumbersParticipantsAndLeavesOutUnpublishedStatements) {
  std::vector<StoredStatement> statements = {{11, "Meer bomen"}, {12, "Parkeren, \"gratis\" graag"}};
  std::vector<StoredVote> votes = {{907, 11, 1}, {907, 12, -1}, {31, 11, 0}, {31, 99, 1}, {5, 99, 1}};
  PublishedData d = Publish(statements, votes);
  EXPECT_EQ(d.votes_csv, "participant,statement,vote\n1,11,1\n1,12,-1\n2,11,0\n");
  EXPECT_EQ(d.statements_csv, "statement,text\n11,Meer bomen\n12,\"Parkeren, \"\"gratis\"\" graag\"\n");
  EXPECT_EQ(d.number.at(907), "1");
  EXPECT_EQ(d.number.at(31), "2");
  EXPECT_FALSE(d.number.count(5)) << "only votes on published statements count";
  auto texts = ParseStatementsCsv(d.statements_csv);
  ASSERT_TRUE(texts.has_value());
  EXPECT_EQ((*texts)[1].text, "Parkeren, \"gratis\" graag");
}

TEST(PublishTest, NoVotesNoMap) {
  auto m = BuildPublishedMap(Publish({{1, "Meer bomen"}}, {}), 1);
  ASSERT_TRUE(m.has_value());
  EXPECT_FALSE(m->has_value());
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST(PublishTest, TheCliReplaysTheSitesGroupsFromThePublishedFiles) {
  SyntheticSpec spec{.participants = 300, .statements = 24, .groups = 3, .min_share = 0.5, .max_share = 0.9,
                     .pass = 0.1, .loyalty = 0.9, .consensus = 0.15, .seed = 7};
  SyntheticVotes synthetic = MakeSyntheticVotes(spec);
  std::vector<StoredStatement> statements;
  for (int s = 1; s <= spec.statements; ++s) statements.push_back({s + 100, "Stelling " + std::to_string(s)});
  std::vector<StoredVote> votes;
  for (const VoteRow& r : synthetic.rows) {
    votes.push_back({1000 + std::stoll(r.participant), 100 + std::stoll(r.statement), r.vote});
  }
  PublishedData data = Publish(statements, votes);
  auto site = BuildPublishedMap(data, 42);
  ASSERT_TRUE(site.has_value() && site->has_value());
  const OpinionMap& map = (*site)->map;
  EXPECT_EQ(map.groups.k(), 3) << "three visible groups";

  testing::TempDir dir;
  Write(dir.File("stemmen.csv"), data.votes_csv);
  Write(dir.File("stellingen.csv"), data.statements_csv);
  std::ostringstream out, err;
  int rc = RunOpinionMapCommand(
      {"--votes", dir.File("stemmen.csv"), "--statements", dir.File("stellingen.csv"), "--seed", "42", "--json"}, out,
      err);
  ASSERT_EQ(rc, 0) << err.str();
  auto j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j["k"], map.groups.k());
  for (int g = 0; g < map.groups.k(); ++g) EXPECT_EQ(j["groups"][g]["size"], map.groups.size[g]);
  const VoteMatrix& m = (*site)->matrix;
  ASSERT_EQ(j["participants"].size(), static_cast<size_t>(m.Participants()));
  for (int p = 0; p < m.Participants(); ++p) {
    const auto& cli = j["participants"][p];
    EXPECT_EQ(cli["id"], m.participants[p]);
    std::string want = map.groups.group[p] < 0 ? "" : GroupLabel(map.groups.group[p]);
    EXPECT_EQ(cli["group"].is_null() ? "" : cli["group"].get<std::string>(), want);
  }
}

TEST(MapSvgTest, LabelledPictureWithLettersShapesAndTheViewer) {
  SyntheticSpec spec{.participants = 60, .statements = 12, .groups = 2, .min_share = 0.8, .max_share = 1.0, .seed = 3};
  auto matrix = BuildVoteMatrix(MakeSyntheticVotes(spec).rows);
  ASSERT_TRUE(matrix.has_value());
  auto map = BuildOpinionMap(*matrix);
  ASSERT_TRUE(map.has_value());
  ASSERT_GE(map->groups.k(), 2);
  std::string svg = MapSvg(*map, 0, {"Kaart <2 groepen>", "Groep A: 30", "u"});
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"opinion-map-title\">Kaart &lt;2 groepen&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find(">A</text>"), std::string::npos);
  EXPECT_NE(svg.find(">B</text>"), std::string::npos);
  EXPECT_NE(svg.find("<rect x="), std::string::npos) << "group B is drawn as squares";
  EXPECT_NE(svg.find(">u</text>"), std::string::npos);
  EXPECT_EQ(MapSvg(*map, -1, {"t", "d", "u"}).find(">u</text>"), std::string::npos);
  EXPECT_STRNE(GroupColour(0), GroupColour(1));
  EXPECT_STRNE(GroupShape(0), GroupShape(1));
}

}  // namespace
}  // namespace wp::opinion
