// The demo site has no dead links: with the `--demo` content loaded, a
// crawler follows every same-site link (href and src) from the home page and
// the account page, anonymously and signed in as each demo account, and
// every linked page must answer 2xx or 3xx (redirects are followed too).
// Links are followed to any depth; the crawl is bounded by visiting each
// address once per visitor.
#include <gtest/gtest.h>

#include <cstdlib>
#include <deque>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "testing/app_harness.h"

namespace wp::app {
namespace {

// Same-site targets of href="..." and src="..." in `html`, as paths without
// fragment. Absolute links to `base_url` count as same-site.
std::vector<std::string> Links(const std::string& html, const std::string& base_url) {
  static const std::regex kAttribute(R"re((?:href|src)="([^"]*)")re");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAttribute); it != std::sregex_iterator(); ++it) {
    std::string link = (*it)[1];
    for (size_t at; (at = link.find("&amp;")) != std::string::npos;) link.replace(at, 5, "&");
    if (link.rfind(base_url, 0) == 0) link = link.substr(base_url.size());
    if (size_t hash = link.find('#'); hash != std::string::npos) link.resize(hash);
    if (link.empty() || link[0] != '/' || link.rfind("//", 0) == 0) continue;  // other sites, mailto:, tel:
    out.push_back(link);
  }
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
      }
      for (const std::string& link : links) {
        // Signing out would end the visit; the page itself is checked.
        if (link == "/uitloggen" || !seen.insert(link).second) continue;
        linked_from[link] = path;
        queue.push_back(link);
      }
    }
  }

  testing::AppHarness h_;
  int pages_ = 0;
};

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
  RecordProperty("pages", pages_);
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

}  // namespace
}  // namespace wp::app
