// Unit tests of a resident's plan pages, handlers called directly
// (testing/page_harness.h), no server involved.
#include "features/budgets/plan_pages.h"

#include <gtest/gtest.h>

#include "features/budgets/page_world_test.h"

namespace wp::budgets {
namespace {

using wp::testing::PageHarness;

const web::PageOptions kSignedIn{.require_login = true};

class PlanPagesTest : public PageWorld, public ::testing::Test {
 protected:
  PlanPagesTest() { e_ = CreateEdition(); }

  web::Web::Handler H(Result<http::Response> (PlanPages::*fn)(web::Context&)) { return Handler(pages_, fn); }
  PageHarness::Params At(int64_t id) { return {{"slug", e_.slug}, {"id", std::to_string(id)}}; }
  std::string Url(int64_t id) { return PlanPath(e_, id); }
  http::Response Show(int64_t id) { return h_.Get(H(&PlanPages::Show), Url(id), At(id)); }
  PageHarness::Params PlanForm(const std::string& title, const std::string& amount) {
    return {{"title", title},           {"description", "Samen groente kweken."},
            {"theme", "Groen"},         {"neighbourhood", "BU03920502"},
            {"cost_label_1", "Bakken"}, {"cost_amount_1", amount}};
  }

  PlanPages pages_{deps_};
  Edition e_;
};

TEST_F(PlanPagesTest, SubmittingShowsEveryFieldErrorInFormOrderAndKeepsWhatWasTyped) {
  h_.clock().Set(kPlansOpen);
  h_.SignInAs(Ann());
  auto r = h_.Post(H(&PlanPages::Submit), "/x",
                   {{"title", ""},
                    {"description", "Iets"},
                    {"theme", "Verkeer"},
                    {"cost_label_1", "Hek"},
                    {"cost_amount_1", "veel geld"}},
                   {{"slug", e_.slug}}, kSignedIn);
  EXPECT_EQ(r.status, 422);
  for (const char* id : {"#f-title", "#f-theme", "#f-neighbourhood", "#f-cost_1"}) {
    EXPECT_TRUE(Has(r, std::string("href=\"") + id + "\"")) << id << r.body;
  }
  EXPECT_LT(r.body.find("href=\"#f-title\""), r.body.find("href=\"#f-theme\""));
  EXPECT_LT(r.body.find("href=\"#f-neighbourhood\""), r.body.find("href=\"#f-cost_1\""));
  EXPECT_TRUE(Has(r, "value=\"veel geld\""));
  EXPECT_TRUE(Has(r, "Kies een thema."));
  EXPECT_TRUE(commands_.Plans(e_.id).value().empty());
}

TEST_F(PlanPagesTest, SubmittingAPlanGoesToItsPage) {
  h_.clock().Set(kPlansOpen);
  h_.SignInAs(Ann());
  auto r = h_.Post(H(&PlanPages::Submit), "/x", PlanForm("Moestuin", "1.250,50"), {{"slug", e_.slug}}, kSignedIn);
  ASSERT_EQ(r.status, 303) << r.body;
  auto plans = commands_.Plans(e_.id).value();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(r.headers.Get("Location"), Url(plans[0].id));
  EXPECT_EQ(plans[0].cost_cents, 125050);
}

TEST_F(PlanPagesTest, TheFormIsOpenOnlyInThePlanPhaseAndToSignedInResidents) {
  auto closed = h_.Get(H(&PlanPages::NewForm), "/x", {{"slug", e_.slug}}, kSignedIn);
  EXPECT_EQ(closed.status, 303) << "visitors sign in first";
  h_.SignInAs(Ann());
  EXPECT_EQ(h_.Get(H(&PlanPages::NewForm), "/x", {{"slug", e_.slug}}, kSignedIn).status, 409);
  h_.clock().Set(kPlansOpen);
  auto open = h_.Get(H(&PlanPages::NewForm), "/x", {{"slug", e_.slug}}, kSignedIn);
  EXPECT_EQ(open.status, 200);
  EXPECT_TRUE(Has(open, "<option value=\"BU03920502\">Engelandpark</option>")) << open.body;
  EXPECT_FALSE(Has(open, "Stationsbuurt")) << "only buurten of the area";
  EXPECT_TRUE(Has(open, "aria-current=\"page\" href=\"/wijkbudget/schalkwijk-aan-zet/plannen/nieuw\">Plan indienen"));
}

TEST_F(PlanPagesTest, OnlyTheSubmitterEditsAndOnlyInThePlanPhase) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Bankjes");
  h_.SignInAs(Bob());
  EXPECT_EQ(h_.Get(H(&PlanPages::EditForm), "/x", At(id), kSignedIn).status, 403);
  EXPECT_EQ(h_.Post(H(&PlanPages::Edit), "/x", PlanForm("Gekaapt", "10"), At(id), kSignedIn).status, 403);
  h_.SignInAs(Ann());
  auto form = h_.Get(H(&PlanPages::EditForm), "/x", At(id), kSignedIn);
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "value=\"1250\""));
  auto bad = h_.Post(H(&PlanPages::Edit), "/x", PlanForm("", "10"), At(id), kSignedIn);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "href=\"#f-title\""));
  EXPECT_EQ(h_.Post(H(&PlanPages::Edit), "/x", PlanForm("Bankjes bij de vijver", "3000"), At(id), kSignedIn).status,
            303);
  EXPECT_EQ(PlanNow(e_, id).title, "Bankjes bij de vijver");
  h_.clock().Set(kLikesOpen);
  EXPECT_EQ(h_.Get(H(&PlanPages::EditForm), "/x", At(id), kSignedIn).status, 409);
  EXPECT_EQ(h_.Post(H(&PlanPages::Edit), "/x", PlanForm("Te laat", "10"), At(id), kSignedIn).status, 409);
}

TEST_F(PlanPagesTest, ThePlanPageShowsStatusFactsAndTheSubmittersActions) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Moestuin");
  auto visitor = Show(id);
  ASSERT_EQ(visitor.status, 200) << visitor.body;
  EXPECT_TRUE(Has(visitor, "utrecht-status-badge--active wp-status\">Ingediend</span>"));
  EXPECT_TRUE(Has(visitor,
                  "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">"
                  "Europaplein</dd>"))
      << "the buurt by name";
  EXPECT_TRUE(Has(visitor, "<caption class=\"utrecht-table__caption\">Begroting</caption>"));
  EXPECT_FALSE(Has(visitor, "/bewerken"));
  h_.SignInAs(Ann());
  auto own = Show(id);
  EXPECT_TRUE(Has(own, "href=\"" + Url(id) + "/bewerken\">Plan aanpassen</a>"));
  EXPECT_TRUE(Has(own, "action=\"" + Url(id) + "/intrekken\""));
  EXPECT_EQ(h_.Get(H(&PlanPages::Show), "/x", At(id + 1)).status, 404);
  EXPECT_EQ(h_.Get(H(&PlanPages::Show), "/x", {{"slug", e_.slug}, {"id", "1x"}}).status, 404);
}

TEST_F(PlanPagesTest, WithdrawingIsForTheSubmitterOnly) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Bloembakken");
  h_.SignInAs(Bob());
  EXPECT_EQ(h_.Post(H(&PlanPages::Withdraw), "/x", {}, At(id), kSignedIn).status, 403);
  EXPECT_EQ(PlanNow(e_, id).status, PlanStatus::kSubmitted);
  h_.SignInAs(Ann());
  auto r = h_.Post(H(&PlanPages::Withdraw), "/x", {}, At(id), kSignedIn);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("Location"), Url(id));
  EXPECT_EQ(PlanNow(e_, id).status, PlanStatus::kWithdrawn);
}

TEST_F(PlanPagesTest, LikesInTheLikePhaseGoBackToLocalPagesOnly) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Picknicktafels");
  h_.SignInAs(Bob());
  EXPECT_EQ(h_.Post(H(&PlanPages::Like), "/x", {}, At(id), kSignedIn).status, 409);
  h_.clock().Set(kLikesOpen);
  h_.SignInAs(std::nullopt);
  EXPECT_EQ(h_.Post(H(&PlanPages::Like), "/x", {}, At(id), kSignedIn).status, 401);
  EXPECT_TRUE(Has(Show(id), "href=\"/inloggen?next=" + Url(id) + "\">Log in om een like te geven</a>"));
  h_.SignInAs(Bob());
  auto away = h_.Post(H(&PlanPages::Like), "/x", {{"next", "//evil.example"}}, At(id), kSignedIn);
  EXPECT_EQ(away.status, 303);
  EXPECT_EQ(away.headers.Get("Location"), Url(id));
  auto page = Show(id);
  EXPECT_TRUE(Has(page, "<progress class=\"wp-progress\" max=\"2\" value=\"1\""));
  EXPECT_TRUE(Has(page, ">Like intrekken</button>"));
  EXPECT_EQ(h_.Post(H(&PlanPages::Like), "/x", {}, At(id), kSignedIn).status, 409) << "once per account";
  auto back = h_.Post(H(&PlanPages::Unlike), "/x", {{"next", PlansPath(e_)}}, At(id), kSignedIn);
  EXPECT_EQ(back.headers.Get("Location"), PlansPath(e_));
  EXPECT_EQ(PlanNow(e_, id).likes, 0);
}

TEST_F(PlanPagesTest, AMergeIsAnsweredBySubmittersOfItsPlansOnly) {
  h_.clock().Set(kPlansOpen);
  int64_t a = Submit(Ann(), e_, "Bankje A");
  int64_t b = Submit(Bob(), e_, "Bankje B");
  int64_t merge = commands_.ProposeMerge(Official(), e_, a, b, "Lijkt op elkaar").value();
  PageHarness::Params params = At(a);
  params.push_back({"merge", std::to_string(merge)});
  h_.SignInAs(Ann());
  auto page = Show(a);
  EXPECT_TRUE(Has(page, "Lijkt op elkaar"));
  EXPECT_TRUE(Has(page,
                  "name=\"answer\" value=\"yes\"><button class=\"utrecht-button utrecht-button--primary-action\" "
                  "type=\"submit\">Ik ben akkoord</button>"))
      << page.body;
  h_.SignInAs(auth::User{9, "cas@example.nl", "Cas", "nl", {}});
  EXPECT_EQ(h_.Post(H(&PlanPages::AnswerMerge), "/x", {{"answer", "yes"}}, params, kSignedIn).status, 403);
  h_.SignInAs(Ann());
  EXPECT_EQ(h_.Post(H(&PlanPages::AnswerMerge), "/x", {{"answer", "yes"}}, params, kSignedIn).status, 303);
  EXPECT_TRUE(Has(Show(a), "U bent akkoord."));
  params.back().second = "abc";
  EXPECT_EQ(h_.Post(H(&PlanPages::AnswerMerge), "/x", {{"answer", "yes"}}, params, kSignedIn).status, 404);
}

TEST_F(PlanPagesTest, ProgressNeedsANoteAndAFundedPlan) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Moestuin");
  h_.SignInAs(Ann());
  EXPECT_EQ(h_.Post(H(&PlanPages::PostProgress), "/x", {{"note", "Begonnen"}}, At(id), kSignedIn).status, 409);
  h_.clock().Set(kLikesOpen);
  ASSERT_TRUE(commands_.Like(Bob(), e_, id).has_value());
  ASSERT_TRUE(commands_.Like(Official(), e_, id).has_value());
  h_.clock().Set(kReviewOpen);
  ASSERT_TRUE(commands_.Review(Expert(), e_, id, ReviewOutcome::kFeasible, "").has_value());
  h_.clock().Set(kVotingClose + kDay);
  ASSERT_TRUE(h_.db().Write([&](db::Connection& c) { return commands_.RecordSelection(c, e_.id, {id}); }).has_value());
  auto page = Show(id);
  EXPECT_TRUE(Has(page, "Er zijn nog geen mijlpalen.")) << page.body;
  auto empty = h_.Post(H(&PlanPages::PostProgress), "/x", {{"note", " "}}, At(id), kSignedIn);
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty, "href=\"#f-note\""));
  EXPECT_TRUE(Has(empty, "Schrijf wat er is gebeurd."));
  auto unknown =
      h_.Post(H(&PlanPages::PostProgress), "/x", {{"note", "Klaar"}, {"milestone", "77"}}, At(id), kSignedIn);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(Has(unknown, "href=\"#f-milestone\"")) << unknown.body;
  EXPECT_TRUE(Has(unknown, "value=\"Klaar\"") || Has(unknown, ">Klaar</textarea>")) << "the note is kept";
  EXPECT_EQ(PlanNow(e_, id).status, PlanStatus::kSelected) << "nothing saved";
  h_.SignInAs(Bob());
  EXPECT_EQ(h_.Post(H(&PlanPages::PostProgress), "/x", {{"note", "Niet van mij"}}, At(id), kSignedIn).status, 403);
  h_.SignInAs(Ann());
  EXPECT_EQ(h_.Post(H(&PlanPages::PostProgress), "/x", {{"note", "De bakken staan er."}}, At(id), kSignedIn).status,
            303);
  EXPECT_EQ(PlanNow(e_, id).status, PlanStatus::kInProgress);
  EXPECT_TRUE(Has(Show(id), "De bakken staan er."));
}

TEST_F(PlanPagesTest, PhotosOfUnknownPlansOrDraftsAreNotServed) {
  h_.clock().Set(kPlansOpen);
  int64_t id = Submit(Ann(), e_, "Moestuin");
  http::Request req;
  req.params = {{"slug", e_.slug}, {"id", std::to_string(id)}, {"name", "0123456789abcdef0123456789abcdef.png"}};
  EXPECT_EQ(pages_.Photo(req).status, 404);
  req.params[1].second = "x";
  EXPECT_EQ(pages_.Photo(req).status, 404);
}

}  // namespace
}  // namespace wp::budgets
