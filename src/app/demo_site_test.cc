// The demo site has no dead links: with the `--demo` content loaded, a
// crawler follows every same-site link (href and src) from the home page and
// the account page, anonymously and signed in as each demo account, and
// every linked page must answer 2xx or 3xx (redirects are followed too).
// Links are followed to any depth; the crawl is bounded by visiting each
// address once per visitor.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iostream>
#include <atomic>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/time/time_zone.h"
#include "testing/app_harness.h"

namespace wp::app {
namespace {

// Calls `f(value)` for the value of every attribute="value" in `html` whose
// name ends in one of `names` (so "data-href" counts as "href", as the crawl
// wants). A plain scan: std::regex took most of this test's time.
template <typename F>
void ForEachAttribute(const std::string& html, std::initializer_list<std::string_view> names, F&& f) {
  for (size_t at = html.find("=\""); at != std::string::npos; at = html.find("=\"", at)) {
    size_t begin = at + 2, end = html.find('"', begin);
    if (end == std::string::npos) return;
    std::string_view before(html.data(), at);
    at = begin;  // not a wanted name: look on from the value's start
    for (std::string_view name : names) {
      if (before.ends_with(name)) {
        f(std::string_view(html).substr(begin, end - begin));
        at = end + 1;
        break;
      }
    }
  }
}

// Same-site targets of href="..." and src="..." in `html`, as paths without
// fragment. Absolute links to `base_url` count as same-site.
std::vector<std::string> Links(const std::string& html, const std::string& base_url) {
  std::vector<std::string> out;
  ForEachAttribute(html, {"href", "src"}, [&](std::string_view value) {
    std::string link(value);
    for (size_t at; (at = link.find("&amp;")) != std::string::npos;) link.replace(at, 5, "&");
    if (link.rfind(base_url, 0) == 0) link = link.substr(base_url.size());
    if (size_t hash = link.find('#'); hash != std::string::npos) link.resize(hash);
    if (link.empty() || link[0] != '/' || link.rfind("//", 0) == 0) return;  // other sites, mailto:, tel:
    out.push_back(link);
  });
  return out;
}

struct Visitor {
  std::string name;
  std::string email;  // empty: not signed in
};

class DemoSiteTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(h_.app().LoadDemoContent().has_value()); }

  // Every page reachable from the start pages; fails for each link whose
  // target answers an error, naming the page that links to it.
  void Crawl(const Visitor& v, testing::HttpClient& client) {
    std::map<std::string, std::string> linked_from = {{"/", "(start)"}, {"/account", "(start)"}};
    std::deque<std::string> queue = {"/", "/account"};
    std::set<std::string> seen(queue.begin(), queue.end());
    while (!queue.empty()) {
      std::string path = queue.front();
      queue.pop_front();
      testing::HttpResponse r = client.Get(path);
      ++pages_;
      EXPECT_TRUE(r.status >= 200 && r.status < 400)
          << v.name << ": " << path << " answers " << r.status << ", linked from " << linked_from[path];
      std::vector<std::string> links;
      if (r.status >= 300 && r.status < 400) {
        links = Links("href=\"" + std::string(r.Header("Location")) + "\"", h_.config().base_url);
      } else if (r.status == 200 && r.Header("Content-Type").find("text/html") != std::string_view::npos) {
        links = Links(r.body, h_.config().base_url);
        CollectClasses(r.body);
      }
      for (const std::string& link : links) {
        // Signing out would end the visit; the page itself is checked.
        if (link == "/uitloggen" || !seen.insert(link).second) continue;
        linked_from[link] = path;
        queue.push_back(link);
      }
    }
  }

  // Every class name in a class="..." attribute of `html`.
  void CollectClasses(const std::string& html) {
    ForEachAttribute(html, {"class"}, [&](std::string_view value) {
      std::istringstream names{std::string(value)};
      for (std::string name; names >> name;) classes_.insert(name);
    });
  }

  testing::AppHarness h_;
  int pages_ = 0;
  std::set<std::string> classes_;  // every class the crawled pages render
};

// True when `css` has a selector naming class `name` (".name" not followed
// by another name character).
bool HasClassSelector(const std::string& css, const std::string& name) {
  const std::string needle = "." + name;
  for (size_t at = css.find(needle); at != std::string::npos; at = css.find(needle, at + 1)) {
    size_t end = at + needle.size();
    if (end == css.size() ||
        !(std::isalnum(static_cast<unsigned char>(css[end])) || css[end] == '-' || css[end] == '_'))
      return true;
  }
  return false;
}

std::string ReadSourceFile(const std::string& relative) {
  const char* root = std::getenv("WP_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(DemoSiteTest, EveryLinkOnEveryDemoPageWorks) {
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  const std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  const std::vector<Visitor> visitors = {
      {"anonymous", ""},
      {"administrator", "beheerder@demo.wijkplatform.invalid"},
      {"gebiedsverbinder", "gebiedsverbinder@demo.wijkplatform.invalid"},
      {"vakspecialist", "vakspecialist@demo.wijkplatform.invalid"},
      {"resident with plans", "bewoner@demo.wijkplatform.invalid"},
      {"kernteam member", "kernteam.boerhaavewijk@demo.wijkplatform.invalid"},
      {"signals staff", "meldingen@demo.wijkplatform.invalid"},
      {"account with an unconfirmed address", "nieuw@demo.wijkplatform.invalid"},
      {"print officer", "drukwerk@demo.wijkplatform.invalid"},
      {"second gebiedsverbinder", "gebiedsverbinder2@demo.wijkplatform.invalid"},
  };
  for (const Visitor& v : visitors) {
    auto client = h_.Client();
    if (!v.email.empty()) {
      auto signed_in = testing::AppHarness::SubmitForm(*client, "/inloggen", "/inloggen",
                                                       {{"email", v.email}, {"password", password}});
      ASSERT_EQ(signed_in.status, 303) << v.name << " could not sign in: " << signed_in.body.substr(0, 400);
    }
    Crawl(v, *client);
  }
  EXPECT_GT(pages_, 1000) << "the crawl followed too few links to mean anything";
  // The stylesheet is pruned at build time (tools/css): every class a page
  // rendered for any of these visitors that the NL Design System styles kept
  // its rules.
  auto client = h_.Client();
  std::string home = client->Get("/").body;
  std::smatch link;
  ASSERT_TRUE(std::regex_search(home, link, std::regex(R"re(<link rel="stylesheet" href="(/static/[^"]+)")re")));
  std::string served = client->Get(link[1].str()).body;
  std::string full = ReadSourceFile("node_modules/@utrecht/component-library-css/dist/index.css");
  ASSERT_GT(full.size(), 100000u);
  ASSERT_LT(served.size(), full.size() / 2) << "the stylesheet is not pruned";
  int styled = 0;
  for (const std::string& name : classes_) {
    if (!HasClassSelector(full, name)) continue;
    ++styled;
    EXPECT_TRUE(HasClassSelector(served, name)) << "class " << name << " lost its rules";
  }
  EXPECT_GT(styled, 40) << "classes rendered that the NL Design System styles";
  RecordProperty("pages", pages_);
}

// Light pages: the first visit of any public page (anonymous, empty cache,
// a browser that accepts brotli and gzip) transfers under 60 KB in all: the
// page, its stylesheet and any same-site image it shows. Headers count too.
// The exception is the voting flow: its pages are padded to 64 KiB so their
// length does not tell what was chosen (docs/secret-ballot.md), and are
// never compressed (compression would give the length away again).
TEST_F(DemoSiteTest, FirstVisitOfEveryPublicPageIsUnder60KB) {
  const testing::HeaderList browser = {{"Accept-Encoding", "gzip, deflate, br"}};
  auto size_of = [](const testing::HttpResponse& r) {
    size_t bytes = r.body.size() + 17;  // status line
    for (const auto& [name, value] : r.headers.All()) bytes += name.size() + value.size() + 4;
    return bytes;
  };
  std::deque<std::string> queue = {"/"};
  std::set<std::string> seen = {"/"};
  std::map<std::string, size_t> cached;  // stylesheet and images, by path
  int pages = 0, padded = 0;
  size_t heaviest = 0;
  std::string heaviest_page;
  while (!queue.empty() && pages < 400) {
    std::string path = queue.front();
    queue.pop_front();
    auto client = h_.Client();  // a new visitor each time: nothing cached
    testing::HttpResponse r = client->Get(path, browser);
    if (r.status != 200 || r.Header("Content-Type").find("text/html") == std::string_view::npos) continue;
    ++pages;
    size_t total = size_of(r);
    static const std::regex kResource(R"re(<(?:link rel="stylesheet"|img)[^>]* (?:href|src)="(/[^"]*)")re");
    for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), kResource); it != std::sregex_iterator(); ++it) {
      std::string resource = (*it)[1];
      if (!cached.count(resource)) {
        testing::HttpResponse res = client->Get(resource, browser);
        EXPECT_EQ(res.status, 200) << resource;
        if (resource.ends_with(".css")) {
          EXPECT_EQ(res.Header("Content-Encoding"), "br") << resource;
          EXPECT_EQ(res.Header("Cache-Control"), "public, max-age=31536000, immutable");
        }
        cached[resource] = size_of(res);
      }
      total += cached[resource];
    }
    if (std::regex_search(path, std::regex("^/wijkbudget/[^/]+/stemmen"))) {
      EXPECT_EQ(r.body.size() % (64 * 1024), 0u) << path << " is padded";
      EXPECT_EQ(r.Header("Content-Encoding"), "") << path;
      ++padded;
      continue;
    }
    EXPECT_LT(total, 60u * 1024) << path << " weighs " << total << " bytes on a first visit";
    if (total > heaviest) {
      heaviest = total;
      heaviest_page = path;
    }
    for (const std::string& link : Links(r.body, h_.config().base_url)) {
      if (link.rfind("/static/", 0) == 0 || link == "/uitloggen" || !seen.insert(link).second) continue;
      queue.push_back(link);
    }
  }
  EXPECT_GT(pages, 20);
  EXPECT_GE(padded, 1) << "the crawl reaches the voting page";
  RecordProperty("heaviest_page", heaviest_page);
  RecordProperty("heaviest_bytes", static_cast<int>(heaviest));
  std::cout << "first visit: " << pages << " public pages (" << padded << " padded voting pages), heaviest "
            << heaviest_page << " at " << heaviest << " bytes\n";
}

// The demo shows the e-mail trust rules: an account that never confirmed its
// address (its account page says so and offers a new link), a kernteam
// member who accepted an invitation, and an invitation still open.
TEST_F(DemoSiteTest, ShowsAnUnconfirmedAccountAndAnOpenInvitation) {
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  const std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  auto noor = h_.Client();
  ASSERT_EQ(testing::AppHarness::SubmitForm(*noor, "/inloggen", "/inloggen",
                                            {{"email", "nieuw@demo.wijkplatform.invalid"}, {"password", password}})
                .status,
            303);
  auto account = noor->Get("/account");
  EXPECT_NE(account.body.find("nieuw@demo.wijkplatform.invalid (nog niet bevestigd)"), std::string::npos);
  EXPECT_NE(account.body.find("action=\"/account/e-mailadres\""), std::string::npos);
  auto fatma = h_.Client();
  ASSERT_EQ(testing::AppHarness::SubmitForm(
                *fatma, "/inloggen", "/inloggen",
                {{"email", "kernteam.boerhaavewijk@demo.wijkplatform.invalid"}, {"password", password}})
                .status,
            303);
  auto manage = fatma->Get("/wijkplatform/wijkplatform-boerhaavewijk/beheer");
  EXPECT_NE(manage.body.find("Kees Hoogland (demo)"), std::string::npos);
  EXPECT_NE(manage.body.find("joost.boerhaavewijk@demo.wijkplatform.invalid (uitnodiging geldig tot"),
            std::string::npos)
      << manage.body.substr(0, 4000);
}

// The counted demo edition (played through the real commands) publishes its
// result and the anonymous ballots; the crawler reaches both only if linked,
// so they are asked for here as well.
TEST_F(DemoSiteTest, CountedEditionPublishesResultsAndBallots) {
  auto client = h_.Client();
  auto results = client->Get("/wijkbudget/schalkwijk-aan-zet-2025/uitslag");
  ASSERT_EQ(results.status, 200) << results.body.substr(0, 400);
  EXPECT_NE(results.body.find("Speeltoestel voor peuters in de Molenwijk"), std::string::npos);
  auto ballots = client->Get("/wijkbudget/schalkwijk-aan-zet-2025/uitslag/stemmen.pb");
  ASSERT_EQ(ballots.status, 200);
  EXPECT_NE(ballots.body.find("num_votes;40"), std::string::npos) << ballots.body.substr(0, 600);
  auto edition = client->Get("/wijkbudget/schalkwijk-aan-zet-2025");
  ASSERT_EQ(edition.status, 200);
  EXPECT_NE(edition.body.find("/wijkbudget/schalkwijk-aan-zet-2025/uitslag"), std::string::npos)
      << "the edition page links to its result";
}

// The dashboards count only quarters that have ended: the demo's past forum,
// survey, promises and counted budget round lie in such quarters, so the open
// data of the year they fell in has their numbers (in bands of ten).
TEST_F(DemoSiteTest, DashboardsCountTheDemoActivity) {
  auto client = h_.Client();
  auto year = [&](int64_t days_ago) {
    auto zone = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
    return std::to_string(zone.ToLocal(h_.clock().NowUnixSeconds() - days_ago * 86400).year);
  };
  auto activity = client->Get("/cijfers/open-data/activiteit/csv?jaar=" + year(200));
  ASSERT_EQ(activity.status, 200);
  EXPECT_NE(activity.body.find("forums_geloot,1,1,nee"), std::string::npos) << activity.body;
  EXPECT_NE(activity.body.find("beloften_te_laat_open,10,19,nee"), std::string::npos) << activity.body;
  auto forum = client->Get("/cijfers/open-data/bereik/csv?jaar=" + year(200));
  EXPECT_NE(forum.body.find("wijk,WK039202,Haarlemmerhoutkwartier,volunteers,40,49,nee"), std::string::npos);
  auto survey = client->Get("/cijfers/open-data/bereik/csv?jaar=" + year(120));
  EXPECT_NE(survey.body.find("respondents,80,89,nee"), std::string::npos);
  auto outcomes = client->Get("/cijfers/open-data/uitkomsten/csv?jaar=" + year(200));
  EXPECT_NE(outcomes.body.find("beloften_nagekomen,12,0,12"), std::string::npos) << outcomes.body;
  auto rounds = client->Get("/cijfers/open-data/begrotingsrondes/csv?jaar=" + year(365));
  EXPECT_NE(rounds.body.find("Schalkwijk aan Zet 2025"), std::string::npos) << rounds.body;
  EXPECT_NE(rounds.body.find(",100,109,nee,40,49,nee,36,49,ja,"), std::string::npos) << rounds.body;
  auto turnout = client->Get("/cijfers/open-data/opkomst/csv?jaar=" + year(365));
  ASSERT_EQ(turnout.status, 200);
  EXPECT_NE(turnout.body.find("Schalkwijk aan Zet 2025"), std::string::npos) << turnout.body;
}

// The archive's search finds the demo's answered advice by a word of a
// reason and the held meeting's minutes; the demo has an advice whose
// reminder was sent and one whose answer is late (#14).
TEST_F(DemoSiteTest, ArchiveSearchFindsAdviceAnswersAndMinutesAndRemindersWereSent) {
  auto client = h_.Client();
  auto answer = client->Get("/archief?q=vervoerregio");
  ASSERT_EQ(answer.status, 200);
  EXPECT_NE(answer.body.find("Antwoord van de gemeente"), std::string::npos) << answer.body.substr(0, 5000);
  EXPECT_NE(answer.body.find("<mark>Vervoerregio</mark>"), std::string::npos);
  EXPECT_NE(answer.body.find("href=\"/advies/"), std::string::npos);
  auto minutes = client->Get("/archief?soort=notulen&q=gemeente");
  EXPECT_NE(minutes.body.find("href=\"/gesprekken/"), std::string::npos) << minutes.body.substr(0, 5000);
  auto count = [&](const std::string& sql) {
    auto n = h_.app().db().Read([&](db::Connection& c) -> Result<int64_t> {
      WP_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql));
      return row.Int(0);
    });
    return n.has_value() ? *n : -1;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM advice_history WHERE to_status = 'reminder_sent'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM advice_history WHERE to_status = 'overdue_sent'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM advices WHERE overdue_sent_at IS NOT NULL"), 1);
  // The kernteam's draft advice whose edit form the browser test checks.
  EXPECT_EQ(count("SELECT COUNT(*) FROM advices WHERE status = 'draft' AND title = 'Meer bankjes in de Boerhaavewijk'"),
            1);
  auto liaison = h_.SignedInClient("gv-demo-check@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto late = liaison->Get("/beheer/advies");
  EXPECT_NE(late.body.find("ondergrondse containers"), std::string::npos) << late.body.substr(0, 5000);
  EXPECT_NE(late.body.find("Antwoord te laat"), std::string::npos);
  // The gebiedsverbinder's draft request, with the PDF of its create form, whose edit form the browser test checks.
  EXPECT_EQ(count("SELECT COUNT(*) FROM advice_requests r JOIN advice_attachments a ON a.request_id = r.id "
                  "WHERE r.status = 'draft' AND r.subject = 'Extra fietsenrekken bij winkelcentrum Schalkwijk'"),
            1);
  EXPECT_NE(late.body.find("Extra fietsenrekken bij winkelcentrum Schalkwijk"), std::string::npos);
}

// The initiative desk's demo has a start subsidy in every state, and the
// desk's list shows those that wait for the municipality.
// The demo panel whose reserve could not fill a seat: a second registration
// round is published on its page and its open seat was drawn from the
// round's people, with files that `wijkplatform draw --verify` replays.
TEST_F(DemoSiteTest, ForumsDemoHasAPanelFilledByASecondRound) {
  auto client = h_.Client();
  auto panel = client->Get("/loting/bewonerspanel-haarlemmerhout-groen");
  ASSERT_EQ(panel.status, 200);
  EXPECT_NE(panel.body.find("Ronde 2: 60 brieven naar 300 adressen"), std::string::npos) << panel.body.substr(0, 6000);
  EXPECT_NE(panel.body.find("Open plekken geloot uit de nieuwe ronde"), std::string::npos);
  std::smatch last;
  const std::regex link("/loting/bewonerspanel-haarlemmerhout-groen/trekking/[0-9]+");
  for (std::sregex_iterator it(panel.body.begin(), panel.body.end(), link), end; it != end; ++it) last = *it;
  ASSERT_FALSE(last.empty());
  auto draw = client->Get(last.str());
  ASSERT_EQ(draw.status, 200);
  EXPECT_NE(draw.body.find("mensen uit aanmeldronde 2"), std::string::npos) << draw.body.substr(0, 6000);
  EXPECT_NE(draw.body.find("Klaar"), std::string::npos);
  EXPECT_NE(draw.body.find("manifest.json"), std::string::npos);
}

TEST_F(DemoSiteTest, InitiativeDemoHasAStartSubsidyInEveryState) {
  std::set<std::string> states;
  auto rows = h_.app().db().Read(
      [](db::Connection& c) { return c.Query("SELECT DISTINCT status FROM initiative_subsidies", {}); });
  ASSERT_TRUE(rows.has_value());
  for (const auto& r : *rows) states.insert(r.Text(0));
  EXPECT_EQ(states,
            (std::set<std::string>{"applied", "withdrawn", "refused", "granted", "paid", "reported", "settled"}));
  auto from_plan = h_.app().db().Read(
      [](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM initiative_plan_sources", {}); });
  ASSERT_TRUE(from_plan.has_value());
  EXPECT_EQ(from_plan->Int(0), 1) << "a Wijk aan Zet plan that was not chosen went on at the desk";
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  const std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  auto desk = h_.Client();
  ASSERT_EQ(testing::AppHarness::SubmitForm(*desk, "/inloggen", "/inloggen",
                                            {{"email", "loket@demo.wijkplatform.invalid"}, {"password", password}})
                .status,
            303);
  auto list = desk->Get("/beheer/initiatieven");
  EXPECT_NE(list.body.find("Startsubsidies die op de gemeente wachten"), std::string::npos);
  for (const char* next : {"Besluit nemen", "Betalen", "Bedrag vaststellen"}) {
    EXPECT_NE(list.body.find(next), std::string::npos) << next;
  }
}

// The counted edition's demo replays code generation at a moment in the
// past, while the app's background runner works at the present. The replay
// holds its claim on the generation job by the present clock, so the runner
// cannot take the half-done job over (which made the demo fail now and then
// with "the claim on job N was lost", a revoked code or a missing print file).
TEST(CountedEditionDemoTest, TheAppsRunnerDoesNotTakeOverTheReplayedCodeGeneration) {
  testing::AppHarness h;
  std::atomic<bool> done = false;
  std::thread runner([&] {
    while (!done) (void)h.app().RunBackgroundTasksOnce();
  });
  auto loaded = h.app().LoadDemoContent();
  done = true;
  runner.join();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().detail;
  auto client = h.Client();
  auto results = client->Get("/wijkbudget/schalkwijk-aan-zet-2025/uitslag");
  EXPECT_EQ(results.status, 200);
}

}  // namespace
}  // namespace wp::app
