// HTTP tests of needs and offers: the board and its GET filter, the offer
// form without JavaScript (bad input stores nothing), confirmation by the
// mail link, the initiator's needs page by the initiative's private link,
// the contact flow with every page and mail checked for addresses before
// both agree, and the funds directory's rights. Run on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::offers {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }

std::string LastMailTo(AppHarness& h, const std::string& to) {
  std::string body;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to) body = m.body;
  }
  return body;
}

// Every mail to `to`, subjects and bodies.
std::string MailsTo(AppHarness& h, const std::string& to) {
  std::string out;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to) out += m.subject + "\n" + m.body + "\n";
  }
  return out;
}

std::string LinkPath(const std::string& text, const std::string& prefix) {
  size_t at = text.find(prefix);
  if (at == std::string::npos) return "";
  size_t end = text.find_first_of(" \n\"<", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool Has(const wp::testing::HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

constexpr const char* kInitiator = "buren@example.nl";
constexpr const char* kOfferer = "winkel@example.nl";

class OfferRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1772442000);  // Monday 2 March 2026, 10:00 in Haarlem
    visitor_ = h_.Client();
    offerer_ = h_.Client();
  }

  // Submits a public initiative as a visitor, confirms its address, and returns the initiator's follow path.
  std::string SubmitInitiative() {
    auto r = AppHarness::SubmitForm(*visitor_, "/initiatieven/nieuw", "/initiatieven/nieuw",
                                    {{"title", "Afval prikken"},
                                     {"what", "Elke maand prikken we samen afval."},
                                     {"neighbourhood", "BU03920101"},
                                     {"when", "Elke laatste zondag"},
                                     {"helpers", "Tien buren."},
                                     {"needs", "materials"},
                                     {"initiator_name", "Schoon Team"},
                                     {"is_public", "ja"},
                                     {"email", kInitiator},
                                     {"submit", "ja"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(visitor_->Get(LinkPath(LastMailTo(h_, kInitiator), "/initiatieven/volg/")).status, 200);
    return LinkPath(r.body, "/initiatieven/volg/");
  }
  std::vector<std::pair<std::string, std::string>> Offer() {
    return {{"kind", "materials"}, {"text", "Grijpers te leen."}, {"themes", "clean"},  {"district", ""},
            {"until", ""},         {"name", "Bouwmarkt Zuid"},    {"type", "entrepreneur"}, {"email", kOfferer}};
  }
  // Sends the offer form and opens the mail link; returns the offerer's path.
  std::string ConfirmedOffer() {
    auto r = AppHarness::SubmitForm(*offerer_, "/vraag-en-aanbod/aanbod/nieuw", "/vraag-en-aanbod/aanbod/nieuw",
                                    Offer());
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 2000);
    std::string mail_link = LinkPath(LastMailTo(h_, kOfferer), "/vraag-en-aanbod/aanbod/beheer/");
    EXPECT_EQ(offerer_->Get(mail_link).status, 200);
    return LinkPath(r.body, "/vraag-en-aanbod/aanbod/beheer/");
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> visitor_, offerer_;
};

TEST_F(OfferRoutesTest, TheOfferFormWorksWithoutJavaScriptAndRefusesBadInput) {
  auto board = visitor_->Get("/vraag-en-aanbod");
  ASSERT_EQ(board.status, 200);
  EXPECT_TRUE(Has(board, "name=\"soort\""));
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod?soort=space&wijk=WK039201").status, 200);
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod?soort=onzin&wijk=onzin").status, 200);
  auto form = visitor_->Get("/vraag-en-aanbod/aanbod/nieuw");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "id=\"f-email\""));
  EXPECT_TRUE(Has(form, "name=\"themes\" value=\"clean\""));

  auto bad = AppHarness::SubmitForm(*offerer_, "/vraag-en-aanbod/aanbod/nieuw", "/vraag-en-aanbod/aanbod/nieuw",
                                    {{"kind", "materials"}, {"type", "resident"}, {"district", "WK999999"},
                                     {"email", "x@"}, {"until", "2020-01-01"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* id : {"f-text-error", "f-name-error", "f-email-error", "f-district-error", "f-until-error"}) {
    EXPECT_TRUE(Has(bad, id)) << id;
  }
  auto unknown = AppHarness::SubmitForm(*offerer_, "/vraag-en-aanbod/aanbod/nieuw", "/vraag-en-aanbod/aanbod/nieuw",
                                        {{"kind", "permit"}, {"type", "king"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM offers"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox"), 0);

  auto sent = AppHarness::SubmitForm(*offerer_, "/vraag-en-aanbod/aanbod/nieuw", "/vraag-en-aanbod/aanbod/nieuw",
                                     Offer());
  ASSERT_EQ(sent.status, 200);
  std::string manage = LinkPath(sent.body, "/vraag-en-aanbod/aanbod/beheer/");
  EXPECT_FALSE(Has(visitor_->Get("/vraag-en-aanbod"), "Grijpers te leen.")) << "not before the address is confirmed";
  EXPECT_EQ(offerer_->Get(manage).status, 200);
  EXPECT_FALSE(Has(visitor_->Get("/vraag-en-aanbod"), "Grijpers te leen.")) << "the receipt's link does not confirm";
  EXPECT_EQ(offerer_->Get(LinkPath(LastMailTo(h_, kOfferer), "/vraag-en-aanbod/aanbod/beheer/")).status, 200);
  auto listed = visitor_->Get("/vraag-en-aanbod");
  EXPECT_TRUE(Has(listed, "Grijpers te leen."));
  EXPECT_FALSE(Has(listed, kOfferer));
  EXPECT_EQ(AppHarness::SubmitForm(*offerer_, manage, manage + "/intrekken", {}).status, 303);
  EXPECT_FALSE(Has(visitor_->Get("/vraag-en-aanbod"), "Grijpers te leen."));
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod/aanbod/beheer/onzin").status, 404);
}

TEST_F(OfferRoutesTest, AddressesStaySecretUntilBothAgree) {
  std::string follow = SubmitInitiative();
  std::string base = "/vraag-en-aanbod" + follow;
  ASSERT_EQ(visitor_->Get(base).status, 200);
  auto empty = AppHarness::SubmitForm(*visitor_, base, base + "/vraag", {{"kind", "materials"}, {"text", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty, "f-text-error"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM offer_needs"), 0);
  auto added = AppHarness::SubmitForm(*visitor_, base, base + "/vraag",
                                      {{"kind", "materials"}, {"text", "Twintig grijpers."}, {"themes", "clean"},
                                       {"amount", "20"}, {"until", ""}});
  EXPECT_EQ(added.status, 303) << added.body.substr(0, 2000);
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod/initiatieven/volg/onzin").status, 404);

  std::string manage = ConfirmedOffer();
  auto offer_page = offerer_->Get(manage);
  ASSERT_EQ(offer_page.status, 200);
  EXPECT_TRUE(Has(offer_page, "Twintig grijpers."));
  std::string ask = LinkPath(offer_page.body, manage + "/contact/");
  ASSERT_FALSE(ask.empty());
  std::string too_long(600, 'a');
  EXPECT_EQ(AppHarness::SubmitForm(*offerer_, manage, ask, {{"message", too_long}}).status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM offer_contacts"), 0);
  EXPECT_EQ(AppHarness::SubmitForm(*offerer_, manage, ask, {{"message", "Ik heb grijpers."}}).status, 303);
  std::string answer = LinkPath(LastMailTo(h_, kInitiator), "/vraag-en-aanbod/contact/");
  ASSERT_FALSE(answer.empty());

  // Before the answer: no page and no mail shows either address to the other side or the public.
  std::vector<std::string> pages = {"/vraag-en-aanbod", "/vraag-en-aanbod/fondsen", answer, base,
                                    "/vraag-en-aanbod/initiatief/" + std::to_string(Count(h_, "SELECT MAX(initiative_id) FROM offer_needs"))};
  for (const auto& p : pages) {
    auto r = visitor_->Get(p);
    EXPECT_EQ(r.status, 200) << p;
    EXPECT_FALSE(Has(r, kOfferer)) << p;
    EXPECT_FALSE(Has(r, kInitiator)) << p;
  }
  auto mine = offerer_->Get(manage);
  EXPECT_FALSE(Has(mine, kInitiator));
  EXPECT_FALSE(Has(mine, kOfferer));
  EXPECT_EQ(MailsTo(h_, kOfferer).find(kInitiator), std::string::npos);
  EXPECT_EQ(MailsTo(h_, kInitiator).find(kOfferer), std::string::npos);

  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, answer, answer + "/ja", {}).status, 303);
  EXPECT_NE(LastMailTo(h_, kInitiator).find(kOfferer), std::string::npos);
  EXPECT_NE(LastMailTo(h_, kOfferer).find(kInitiator), std::string::npos);
  // The answered page has no buttons; a late "no" (token from another form) is refused.
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, "/vraag-en-aanbod/aanbod/nieuw", answer + "/nee", {}).status, 409);
  auto after = visitor_->Get(answer);
  EXPECT_FALSE(Has(after, kOfferer)) << "addresses go by mail only";
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod/contact/onzin").status, 404);
}

TEST_F(OfferRoutesTest, TheFundsDirectoryNeedsDeskRights) {
  auto desk = h_.SignedInClient("loket@haarlem.nl", {{auth::Role::kInitiativeDesk, ""}});
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get("/beheer/fondsen").status, 403);
  EXPECT_EQ(visitor_->Get("/beheer/fondsen").status, 303) << "sign in first";
  ASSERT_EQ(desk->Get("/beheer/fondsen").status, 200);
  auto bad = AppHarness::SubmitForm(*desk, "/beheer/fondsen", "/beheer/fondsen", {{"name", ""}, {"url", "ftp://x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "f-url-error"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM offer_funds"), 0);
  std::vector<std::pair<std::string, std::string>> fund = {
      {"name", "Haarlems Buurtfonds"}, {"what", "Kleine plannen."}, {"amounts", "tot 2.500 euro"},
      {"areas", "heel Haarlem"},       {"url", "https://example.org/fonds"}};
  EXPECT_EQ(AppHarness::SubmitForm(*resident, "/vraag-en-aanbod", "/beheer/fondsen", fund).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM offer_funds"), 0);
  EXPECT_EQ(AppHarness::SubmitForm(*desk, "/beheer/fondsen", "/beheer/fondsen", fund).status, 303);
  auto open = visitor_->Get("/vraag-en-aanbod/fondsen");
  EXPECT_TRUE(Has(open, "Haarlems Buurtfonds"));
  std::string edit = LinkPath(desk->Get("/beheer/fondsen").body, "/beheer/fondsen/");
  ASSERT_FALSE(edit.empty());
  EXPECT_EQ(desk->Get(edit).status, 200);
  EXPECT_EQ(resident->Get(edit).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*desk, edit, edit + "/verwijderen", {}).status, 303);
  EXPECT_FALSE(Has(visitor_->Get("/vraag-en-aanbod/fondsen"), "Haarlems Buurtfonds"));
  EXPECT_EQ(visitor_->Get("/vraag-en-aanbod/initiatief/999").status, 404);
}

}  // namespace
}  // namespace wp::offers
