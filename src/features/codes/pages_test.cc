// Unit tests of the officials' codes pages (overview, runs, letters),
// handlers called directly.
#include <gtest/gtest.h>

#include "features/codes/codes_world.h"
#include "features/codes/letter_pages.h"
#include "features/codes/overview_pages.h"
#include "features/codes/run_pages.h"

namespace wp::codes {
namespace {

using Params = wp::testing::PageHarness::Params;

class CodesPagesTest : public ::testing::Test {
 protected:
  CodesPagesTest()
      : overview_(h().web(), w_.commands(), w_.zone()),
        runs_(h().web(), w_.commands(), w_.zone()),
        letters_(h().web(), w_.commands()),
        e_(w_.VotingEdition("codes-2026")) {
    h().SignInAs(CodesWorld::kLiaison);
  }
  wp::testing::PageHarness& h() { return w_.harness(); }
  template <typename Pages>
  web::Web::Handler Handler(Pages& pages, Result<http::Response> (Pages::*fn)(web::Context&)) {
    return [&pages, fn](web::Context& ctx) { return (pages.*fn)(ctx); };
  }
  Params Slug(Params more = {}) {
    more.push_back({"slug", e_.slug});
    return more;
  }
  std::string Base() const { return "/beheer/wijkbudget/codes-2026/stemcodes"; }
  // Voting is open in this edition: a second official (an administrator)
  // confirms the newest waiting act (issue #11 item 4).
  Result<PendingAct> ConfirmNewest() {
    auto pending = w_.commands().four_eyes().Pending(e_);
    if (!pending.has_value() || pending->empty()) return NotFound("nothing waits");
    return w_.commands().four_eyes().Confirm(CodesWorld::kAdmin, e_, pending->back().id);
  }

  CodesWorld w_;
  OverviewPages overview_;
  RunPages runs_;
  LetterPages letters_;
  budgets::Edition e_;
};

TEST_F(CodesPagesTest, TheOverviewShowsTheCountsToTheManagersOnly) {
  w_.IssueCodes(e_, 2);
  auto page = h().Get(Handler(overview_, &OverviewPages::Show), Base(), Slug());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Stemcodes: Schalkwijk aan Zet (codes-2026)"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/beheer/wijkbudget/codes-2026\""), std::string::npos) << "the breadcrumb";
  for (const auth::User& u : {CodesWorld::kOtherLiaison, CodesWorld::kResident}) {
    h().SignInAs(u);
    EXPECT_EQ(h().Get(Handler(overview_, &OverviewPages::Show), Base(), Slug()).status, 403) << u.email;
    EXPECT_EQ(h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {}, Slug()).status, 403) << u.email;
    EXPECT_EQ(h().Get(Handler(letters_, &LetterPages::Find), Base() + "/brief", Slug()).status, 403) << u.email;
  }
  EXPECT_EQ(h().Get(Handler(overview_, &OverviewPages::Show), Base(), {{"slug", "bestaat-niet"}}).status, 404);
}

TEST_F(CodesPagesTest, FormsRefusedShowTheReasonAtTheField) {
  auto no_file = h().Post(Handler(overview_, &OverviewPages::ImportAddresses), Base() + "/adressen", {}, Slug());
  EXPECT_EQ(no_file.status, 422);
  EXPECT_NE(no_file.body.find("Kies een bestand."), std::string::npos) << no_file.body;
  EXPECT_NE(no_file.body.find("href=\"#f-adressen\""), std::string::npos);
  auto unconfirmed = h().Post(Handler(overview_, &OverviewPages::EraseAddresses), Base() + "/wissen", {}, Slug());
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_NE(unconfirmed.body.find("Vink aan dat u de adressen wilt wissen."), std::string::npos);
  auto nothing = h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {}, Slug());
  EXPECT_EQ(nothing.status, 400) << "no waiting addresses";
  auto erased =
      h().Post(Handler(overview_, &OverviewPages::EraseAddresses), Base() + "/wissen", {{"bevestig", "ja"}}, Slug());
  EXPECT_EQ(erased.status, 303);
  EXPECT_EQ(erased.headers.Get("Location"), Base());
}

TEST_F(CodesPagesTest, AGenerationRunIsQueuedAndShowsItsProgress) {
  // Imported by the command line (the operator needs no second official).
  const auth::User operator_user{0, "", "command line", "nl", {{auth::Role::kAdministrator, ""}}};
  ASSERT_TRUE(w_.commands().ImportAddresses(operator_user, e_, "adres\nProefstraat 1\nProefstraat 2\n"));
  auto started = h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {{"brieven", "nee"}}, Slug());
  ASSERT_EQ(started.status, 303) << started.body;
  EXPECT_EQ(started.headers.Get("Location"), Base()) << "voting is open: a second official confirms";
  ASSERT_TRUE(w_.commands().Status(e_)->runs.empty());
  ASSERT_TRUE(ConfirmNewest().has_value());
  auto runs = w_.commands().Status(e_)->runs;
  ASSERT_EQ(runs.size(), 1u);
  const std::string id = std::to_string(runs.front().id);
  const std::string location = Base() + "/runs/" + id;
  auto queued = h().Get(Handler(runs_, &RunPages::Show), location, Slug({{"id", id}}));
  EXPECT_EQ(queued.status, 200);
  EXPECT_EQ(queued.headers.Get("Refresh"), "2") << "refreshes itself while under way";
  ASSERT_EQ(h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {}, Slug()).status, 303);
  auto busy = ConfirmNewest();
  ASSERT_FALSE(busy.has_value());
  EXPECT_EQ(busy.error().user_message_key, "codes.generate.busy") << "one run at a time";
  h().jobs().WaitUntilIdleForTest();
  auto done = h().Get(Handler(runs_, &RunPages::Show), location, Slug({{"id", id}}));
  EXPECT_NE(done.body.find("Klaar"), std::string::npos) << done.body;
  EXPECT_EQ(done.headers.Get("Refresh"), "");
  EXPECT_EQ(done.body.find("/bestanden/"), std::string::npos) << "no download links for the managers";
  EXPECT_EQ(h().Get(Handler(runs_, &RunPages::Show), Base() + "/runs/999", Slug({{"id", "999"}})).status, 404);
  // Issue #11 item 3: the managers never download print files; the print
  // officer cannot either once voting is open (as here): the files are gone.
  const std::string file = "stemcodes-" + id + ".csv";
  auto download = [&] {
    return h().Get(Handler(runs_, &RunPages::Download), Base() + "/bestanden/" + file, Slug({{"name", file}}));
  };
  EXPECT_EQ(download().status, 403);
  h().SignInAs(auth::User{90, "druk@example.invalid", "Drukwerk", "nl", {{auth::Role::kPrintOfficer, ""}}});
  EXPECT_EQ(download().status, 409);
  auto page = h().Get(Handler(runs_, &RunPages::PrintFiles), Base() + "/drukwerk", Slug());
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Het stemmen is begonnen"), std::string::npos) << page.body;
  EXPECT_EQ(w_.commands().Status(e_)->files.size(), 0u) << "deleted when voting opened";
  EXPECT_EQ(h().Get(Handler(runs_, &RunPages::Download), "/x", Slug({{"name", "../geheim.csv"}})).status, 409);
}

TEST_F(CodesPagesTest, ALostLetterIsFoundAndReissuedOnce) {
  w_.IssueCodes(e_, 2);
  auto found = h().Get(Handler(letters_, &LetterPages::Find), Base() + "/brief?q=proefstraat 2", Slug());
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Proefstraat 2, Haarlem"), std::string::npos) << found.body;
  auto none = h().Get(Handler(letters_, &LetterPages::Find), Base() + "/brief?q=Dorpsweg", Slug());
  EXPECT_NE(none.body.find("Geen brieven gevonden."), std::string::npos);
  auto letter = h().Get(Handler(letters_, &LetterPages::Show), Base() + "/brief/2", Slug({{"number", "2"}}));
  ASSERT_EQ(letter.status, 200) << letter.body;
  // Voting is open: the letter says "issued", whether or not its code was
  // used, and a reissue waits for a second official (issue #11 item 4).
  EXPECT_NE(letter.body.find("Uitgegeven"), std::string::npos);
  EXPECT_EQ(letter.body.find("Nog niet gebruikt"), std::string::npos);
  auto reissued =
      h().Post(Handler(letters_, &LetterPages::Reissue), Base() + "/brief/2/opnieuw", {}, Slug({{"number", "2"}}));
  EXPECT_EQ(reissued.status, 303);
  EXPECT_EQ(reissued.headers.Get("Location"), Base());
  ASSERT_TRUE(ConfirmNewest().has_value());
  EXPECT_EQ(w_.commands().Letter(e_, 2)->state, CodeState::kRevoked);
  auto again =
      h().Post(Handler(letters_, &LetterPages::Reissue), Base() + "/brief/2/opnieuw", {}, Slug({{"number", "2"}}));
  EXPECT_EQ(again.status, 303);
  auto refused = ConfirmNewest();
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().user_message_key, "codes.reissue.revoked");
  EXPECT_EQ(h().Get(Handler(letters_, &LetterPages::Show), "/x", Slug({{"number", "x"}})).status, 404);
}

}  // namespace
}  // namespace wp::codes
