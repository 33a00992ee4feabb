// BallotMixer (issue #11 item 1): sealed waiting ballots of one size, and
// batches of at least k voters in which a voter's newest ballot wins.
#include "features/voting/ballot_mixer.h"

#include <gtest/gtest.h>

#include "features/voting/pages_fixture_test.h"

namespace wp::voting {
namespace {

const std::string kKey(32, 'k');

TEST(BallotMixerTest, SealedBallotsHaveOneSizeAndOpenOnlyWithTheirKey) {
  BallotMixer mixer(kKey, 3);
  const std::string a = mixer.Seal(std::string(64, 'a'), "1");
  const std::string b = mixer.Seal(std::string(64, 'b'), "101,102,103,104,105,106,107,108");
  EXPECT_EQ(a.size(), b.size()) << "the length tells nothing about the choice";
  EXPECT_NE(mixer.Seal(std::string(64, 'a'), "1"), a) << "a fresh nonce every time";
  auto opened = mixer.Open(7, b);
  ASSERT_TRUE(opened.has_value()) << opened.error().detail;
  EXPECT_EQ(opened->id, 7);
  EXPECT_EQ(opened->ballot_key, std::string(64, 'b'));
  EXPECT_EQ(opened->plan_ids, "101,102,103,104,105,106,107,108");
  EXPECT_FALSE(BallotMixer(std::string(32, 'x'), 3).Open(7, b).has_value()) << "another key cannot open it";
  std::string tampered = b;
  tampered.back() ^= 1;
  EXPECT_FALSE(mixer.Open(7, tampered).has_value());
}

TEST(BallotMixerTest, MixesOnlyBatchesOfAtLeastKVotersAndTheNewestBallotWins) {
  VotingPagesWorld w;
  auto& db = w.harness().db();
  const int64_t edition = w.edition().id;
  BallotMixer mixer(kKey, 3);
  auto hold = [&](char voter, const std::string& plans) {
    ASSERT_TRUE(db.Write([&](db::Connection& c) -> Result<bool> {
                    WP_TRY_VOID(mixer.Hold(c, edition, std::string(64, voter), plans));
                    return true;
                  }).has_value());
  };
  auto mix = [&] { return db.Write([&](db::Connection& c) { return mixer.Mix(c, edition); }); };
  auto ballots = [&] {
    auto rows = db.Read([&](db::Connection& c) {
      return c.Query("SELECT ballot_key, plan_ids FROM voting_ballots WHERE edition_id = ? ORDER BY ballot_key",
                     {db::Int(edition)});
    });
    std::map<char, std::string> out;
    for (const auto& r : rows.value_or(db::Rows{})) out[r.Text(0)[0]] = r.Text(1);
    return out;
  };
  // Four voters wait (a changed once): the newest three (d, c, a) stay, and
  // the rest (a's first row and b) are fewer than k voters: nothing moves.
  hold('a', "1");
  hold('b', "2");
  hold('a', "3");
  hold('c', "1");
  hold('d', "2");
  ASSERT_EQ(mix().value_or(-1), 0);
  EXPECT_TRUE(ballots().empty());
  // a changes again and e votes: the newest three voters (e, a, d) stay; a's
  // two older rows, b and c are three voters: mixed, a's older row replaced
  // by the newer one inside the batch.
  hold('a', "2");
  hold('e', "3");
  ASSERT_EQ(mix().value_or(-1), 3);
  EXPECT_EQ(ballots(), (std::map<char, std::string>{{'a', "3"}, {'b', "2"}, {'c', "1"}}));
  auto waiting = db.Read([&](db::Connection& c) { return BallotMixer::CountWaiting(c, edition); });
  EXPECT_EQ(waiting.value_or(-1), 3);
  auto fresh = db.Read([&](db::Connection& c) { return mixer.CountWaitingVoters(c, edition); });
  EXPECT_EQ(fresh.value_or(-1), 2) << "d and e have no ballot yet; a has";
  // The count drains the rest: a's newest ballot replaces the older one.
  ASSERT_EQ(db.Write([&](db::Connection& c) { return mixer.Drain(c, edition); }).value_or(-1), 3);
  EXPECT_EQ(ballots(), (std::map<char, std::string>{{'a', "2"}, {'b', "2"}, {'c', "1"}, {'d', "2"}, {'e', "3"}}));
}

}  // namespace
}  // namespace wp::voting
