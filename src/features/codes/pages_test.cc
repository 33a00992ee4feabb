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
  ASSERT_TRUE(w_.commands().ImportAddresses(CodesWorld::kAdmin, e_, "adres\nProefstraat 1\nProefstraat 2\n"));
  auto started = h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {{"brieven", "nee"}}, Slug());
  ASSERT_EQ(started.status, 303) << started.body;
  const std::string location(started.headers.Get("Location"));
  const std::string id = location.substr(location.rfind('/') + 1);
  EXPECT_EQ(location, Base() + "/runs/" + id);
  auto queued = h().Get(Handler(runs_, &RunPages::Show), location, Slug({{"id", id}}));
  EXPECT_EQ(queued.status, 200);
  EXPECT_EQ(queued.headers.Get("Refresh"), "2") << "refreshes itself while under way";
  auto busy = h().Post(Handler(runs_, &RunPages::Generate), Base() + "/maken", {}, Slug());
  EXPECT_EQ(busy.status, 409) << "one run at a time";
  h().jobs().WaitUntilIdleForTest();
  auto done = h().Get(Handler(runs_, &RunPages::Show), location, Slug({{"id", id}}));
  EXPECT_NE(done.body.find("Klaar"), std::string::npos) << done.body;
  EXPECT_EQ(done.headers.Get("Refresh"), "");
  const std::string file = "stemcodes-" + id + ".csv";
  auto download = h().Get(Handler(runs_, &RunPages::Download), Base() + "/bestanden/" + file, Slug({{"name", file}}));
  EXPECT_EQ(download.status, 200);
  EXPECT_NE(download.body.find("Proefstraat 2"), std::string::npos);
  EXPECT_EQ(h().Get(Handler(runs_, &RunPages::Show), Base() + "/runs/999", Slug({{"id", "999"}})).status, 404);
  EXPECT_EQ(h().Get(Handler(runs_, &RunPages::Download), "/x", Slug({{"name", "../geheim.csv"}})).status, 404);
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
  EXPECT_NE(letter.body.find("Nog niet gebruikt"), std::string::npos);
  auto reissued =
      h().Post(Handler(letters_, &LetterPages::Reissue), Base() + "/brief/2/opnieuw", {}, Slug({{"number", "2"}}));
  EXPECT_EQ(reissued.status, 303);
  EXPECT_NE(std::string(reissued.headers.Get("Location")).find(Base() + "/runs/"), std::string::npos);
  auto again =
      h().Post(Handler(letters_, &LetterPages::Reissue), Base() + "/brief/2/opnieuw", {}, Slug({{"number", "2"}}));
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("De stemcode van deze brief is al ingetrokken."), std::string::npos);
  EXPECT_EQ(h().Get(Handler(letters_, &LetterPages::Show), "/x", Slug({{"number", "x"}})).status, 404);
}

}  // namespace
}  // namespace wp::codes
