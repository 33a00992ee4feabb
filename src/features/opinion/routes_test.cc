// HTTP tests of the opinion-map pages, without JavaScript: an organiser
// creates, seeds, opens and closes a conversation; anonymous visitors vote
// (one button per answer, the next statement shown, a changed vote replaces
// the old one) and submit statements (moderated; bad input, duplicates and
// floods refused with a message); the map page with its table and "where you
// stand"; the published files replay with the CLI to the page's groups. On
// SQLite, and on PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "features/opinion/opinion_cli.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"
#include "testing/temp_dir.h"

namespace wp::opinion {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using Fields = std::vector<std::pair<std::string, std::string>>;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class OpinionRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
    resident_ = h_.SignedInClient("bewoner@example.nl");
  }
  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }

  // An open conversation in the Boerhaavewijk with `statements` seed statements; returns its id.
  int64_t Open(int statements) {
    auto made = AppHarness::SubmitForm(*liaison_, "/beheer/meningen", "/beheer/meningen",
                                       {{"title", "Wonen in Boerhaave"}, {"question", "Wat vindt u van de buurt?"},
                                        {"area", "WK039219"}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    std::string loc(made.Header("Location"));
    int64_t id = std::stoll(loc.substr(loc.rfind('/') + 1));
    manage_ = "/beheer/meningen/" + std::to_string(id);
    for (int i = 1; i <= statements; ++i) {
      auto r = AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/stelling",
                                      {{"text", "Stelling nummer " + std::to_string(i) + " over de buurt"}});
      EXPECT_EQ(r.status, 303);
    }
    EXPECT_EQ(AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/status", {{"status", "open"}}).status, 303);
    page_ = "/meningen/" + std::to_string(id);
    return id;
  }

  // Votes on the next statement the page shows; returns the response.
  wp::testing::HttpResponse VoteNext(HttpClient& client, const std::string& vote) {
    std::string statement = wp::testing::ExtractInputValue(client.Get(page_).body, "statement");
    return AppHarness::SubmitForm(client, page_, page_ + "/stem", {{"statement", statement}, {"vote", vote}});
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> liaison_, resident_;
  std::string manage_, page_;
};

TEST_F(OpinionRoutesTest, OrganiserPagesWithBadInputAndRights) {
  EXPECT_EQ(resident_->Get("/beheer/meningen").status, 403);
  ASSERT_EQ(liaison_->Get("/beheer/meningen").status, 200);
  auto bad = AppHarness::SubmitForm(*liaison_, "/beheer/meningen", "/beheer/meningen",
                                    {{"title", ""}, {"question", "Vraag?"}, {"area", "WK039201"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Geef het gesprek een naam.")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(Has(bad.body, "U mag alleen gesprekken maken in uw eigen gebied."));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_conversations"), 0);

  int64_t id = Open(2);
  EXPECT_EQ(resident_->Get(manage_).status, 403);
  auto manage = liaison_->Get(manage_);
  ASSERT_EQ(manage.status, 200);
  EXPECT_TRUE(Has(manage.body, "Gesprek sluiten"));
  auto empty = AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/stelling", {{"text", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty.body, "Schrijf uw stelling."));
  auto wrong = AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/status", {{"status", "concept"}});
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_statements WHERE conversation_id = " + std::to_string(id)), 2);
  EXPECT_TRUE(Has(h_.Client()->Get("/meningen").body, "Wonen in Boerhaave"));
}

TEST_F(OpinionRoutesTest, VoteChangeSubmitModerateAndClose) {
  Open(3);
  auto anonymous = h_.Client();
  auto shown = anonymous->Get(page_);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Stelling nummer 1 over de buurt"));
  EXPECT_TRUE(Has(shown.body, "name=\"vote\" value=\"agree\""));
  ASSERT_EQ(VoteNext(*anonymous, "agree").status, 303);
  ASSERT_TRUE(anonymous->Cookie("wp_opinion").has_value()) << "the visitor gets its random token";
  auto next = anonymous->Get(page_);
  EXPECT_TRUE(Has(next.body, "Stelling nummer 2 over de buurt")) << "the next unseen statement";
  EXPECT_TRUE(Has(next.body, "Eens</strong>"));
  std::string first = std::to_string(Count("SELECT MIN(id) FROM opinion_statements"));
  auto changed = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stem", {{"statement", first}, {"vote", "pass"}});
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_votes"), 1) << "a changed vote replaces the first";
  EXPECT_EQ(Count("SELECT vote FROM opinion_votes"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_participants"), 1);
  auto bad_vote = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stem", {{"statement", first}, {"vote", "ja"}});
  EXPECT_EQ(bad_vote.status, 400);
  EXPECT_TRUE(Has(bad_vote.body, "Kies eens, oneens of overslaan."));

  auto sent = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stelling", {{"text", "Meer bankjes in het park"}});
  EXPECT_EQ(sent.status, 303);
  auto dup = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stelling", {{"text", "meer BANKJES in het park!"}});
  EXPECT_EQ(dup.status, 422);
  EXPECT_TRUE(Has(dup.body, "Deze stelling staat er al."));
  EXPECT_TRUE(Has(dup.body, "meer BANKJES in het park!")) << "what was typed is kept";
  auto control = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stelling", {{"text", "Meer\x01 licht"}});
  EXPECT_EQ(control.status, 422);
  for (int i = 0; i < 4; ++i) {
    AppHarness::SubmitForm(*anonymous, page_, page_ + "/stelling", {{"text", "Idee nummer " + std::to_string(i)}});
  }
  auto flood = AppHarness::SubmitForm(*anonymous, page_, page_ + "/stelling", {{"text", "Nog een idee erbij"}});
  EXPECT_EQ(flood.status, 429);
  EXPECT_TRUE(Has(flood.body, "U stuurde het afgelopen uur al veel stellingen."));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_statements WHERE state = 'pending'"), 5);

  std::string pending = std::to_string(Count("SELECT MIN(id) FROM opinion_statements WHERE state = 'pending'"));
  auto manage = liaison_->Get(manage_);
  EXPECT_TRUE(Has(manage.body, "Meer bankjes in het park"));
  auto no_reason = AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/moderatie/" + pending,
                                          {{"decision", "reject"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf waarom u deze stelling afwijst."));
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/moderatie/" + pending, {{"decision", "accept"}})
                .status,
            303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opinion_statements WHERE state = 'accepted'"), 4);

  std::string csrf = AppHarness::CsrfToken(*anonymous, page_);  // the page of a closed conversation has no form
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, manage_, manage_ + "/status", {{"status", "gesloten"}}).status, 303);
  auto late = anonymous->PostForm(page_ + "/stem", {{"_csrf", csrf}, {"statement", first}, {"vote", "agree"}});
  EXPECT_EQ(late.status, 409) << late.body.substr(late.body.find("<main"), 1500);
  EXPECT_TRUE(Has(late.body, "Dit gesprek is gesloten."));
  EXPECT_EQ(Count("SELECT vote FROM opinion_votes"), 0) << "the frozen vote stays";
  EXPECT_TRUE(Has(anonymous->Get(page_).body, "Dit gesprek is gesloten."));
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST_F(OpinionRoutesTest, TheMapAndTheDownloadsReplayWithTheCli) {
  int64_t id = Open(5);
  auto few = h_.Client()->Get(page_ + "/kaart");
  ASSERT_EQ(few.status, 200);
  EXPECT_TRUE(Has(few.body, "Nog maar 0 deelnemers stemden.")) << few.body.substr(0, 3000);
  std::vector<std::unique_ptr<HttpClient>> people;
  for (int p = 0; p < 16; ++p) {
    people.push_back(h_.Client());
    for (int s = 0; s < 5; ++s) {
      bool camp = p % 2 == 0;
      const char* vote = s == 4 ? "agree" : ((s % 2 == 0) == camp ? "agree" : "disagree");
      ASSERT_EQ(VoteNext(*people.back(), vote).status, 303);
    }
  }
  auto map = people[0]->Get(page_ + "/kaart");
  ASSERT_EQ(map.status, 200);
  EXPECT_TRUE(Has(map.body, "<svg")) << map.body.substr(0, 3000);
  EXPECT_TRUE(Has(map.body, "role=\"img\""));
  EXPECT_TRUE(Has(map.body, "De groepen op de kaart"));
  EXPECT_TRUE(Has(map.body, "U hoort bij groep"));
  EXPECT_TRUE(Has(map.body, "Stelling nummer 5 over de buurt")) << "everyone agrees: consensus";
  EXPECT_TRUE(Has(h_.Client()->Get(page_ + "/kaart").body, "U heeft nog niet gestemd."));
  EXPECT_EQ(h_.Client()->Get(page_ + "/gegevens").status, 200);

  auto votes = h_.Client()->Get(page_ + "/stemmen.csv");
  auto texts = h_.Client()->Get(page_ + "/stellingen.csv");
  ASSERT_EQ(votes.status, 200);
  EXPECT_EQ(votes.body.substr(0, 27), "participant,statement,vote\n");
  EXPECT_FALSE(Has(votes.body, *people[0]->Cookie("wp_opinion"))) << "no tokens published";
  std::string seed = std::to_string(Count("SELECT seed FROM opinion_conversations WHERE id = " + std::to_string(id)));
  EXPECT_TRUE(Has(h_.Client()->Get(page_ + "/gegevens").body, "--seed " + seed));
  wp::testing::TempDir dir;
  Write(dir.File("v.csv"), votes.body);
  Write(dir.File("s.csv"), texts.body);
  std::ostringstream out, err;
  ASSERT_EQ(RunOpinionMapCommand(
                {"--votes", dir.File("v.csv"), "--statements", dir.File("s.csv"), "--seed", seed, "--json"}, out, err),
            0)
      << err.str();
  auto j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j["k"], 2);
  for (const auto& g : j["groups"]) {
    std::string size = std::to_string(g["size"].get<int>()) + " personen";
    EXPECT_TRUE(Has(map.body, size)) << "the page shows the CLI's group sizes: " << size;
  }
  EXPECT_EQ(j["participants"].size(), 16u);
}

TEST_F(OpinionRoutesTest, MissingAndConceptConversations) {
  EXPECT_EQ(h_.Client()->Get("/meningen/999").status, 404);
  EXPECT_EQ(h_.Client()->Get("/meningen/abc/kaart").status, 404);
  auto made = AppHarness::SubmitForm(*liaison_, "/beheer/meningen", "/beheer/meningen",
                                     {{"title", "Nog niet open"}, {"question", "Vraag?"}, {"area", "BU03921901"}});
  ASSERT_EQ(made.status, 303);
  std::string loc(made.Header("Location"));
  std::string id = loc.substr(loc.rfind('/') + 1);
  EXPECT_EQ(h_.Client()->Get("/meningen/" + id).status, 404) << "a concept is not public";
  auto own = liaison_->Get("/meningen/" + id);
  EXPECT_EQ(own.status, 200) << own.body.substr(own.body.find("<main"), 1500);
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, "/meningen/" + id, "/meningen/" + id + "/stelling",
                                   {{"text", "Een goede stelling hier"}})
                .status,
            404)
      << "a concept takes no statements of participants";
}

}  // namespace
}  // namespace wp::opinion
