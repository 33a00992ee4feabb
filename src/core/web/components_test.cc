// Renders every shared page component through the real templates and checks
// the markup pages rely on (NL Design System classes, accessible names).
#include "core/web/components.h"

#include <gtest/gtest.h>

#include "core/html/template.h"
#include "core/i18n/catalog.h"
#include "wp_web_files.h"

namespace wp::web {
namespace {

using nlohmann::json;

class ComponentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(catalog_.AddFiles(WebFiles()).has_value());
    ASSERT_TRUE(templates_.AddFiles("web", WebFiles()).has_value());
  }
  // Renders `partial` with `data` (plus a locale) as its context.
  std::string Render(const std::string& partial, json data) {
    data["locale"] = "nl";
    std::string name = "test/page" + std::to_string(++pages_) + ".html";
    EXPECT_TRUE(templates_.Add(name, "{{> web/components/" + partial + ".html}}").has_value());
    auto r = templates_.Render(name, data);
    EXPECT_TRUE(r.has_value()) << r.error().detail;
    return r.has_value() ? *r : "";
  }
  static bool Has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

  i18n::Catalog catalog_;
  html::TemplateSet templates_{catalog_};
  int pages_ = 0;
};

TEST_F(ComponentsTest, BreadcrumbIsAnUnnumberedTrailEndingAtTheCurrentPage) {
  json data = {{"breadcrumb", Breadcrumb({{"Wijk aan Zet", "/wijkbudget"}, {"Schalkwijk <2027>", "/wijkbudget/s"}})}};
  auto html = Render("breadcrumb", data["breadcrumb"]);
  EXPECT_TRUE(Has(html, "utrecht-breadcrumb-nav__list--html-ol")) << "without it the list shows numbers";
  EXPECT_TRUE(Has(html, "aria-label=\"U bent hier\""));
  EXPECT_TRUE(Has(html, "aria-current=\"page\" href=\"/wijkbudget/s\">Schalkwijk &lt;2027&gt;</a>")) << html;
  EXPECT_EQ(html.find("aria-current"), html.rfind("aria-current")) << "only the last crumb is current";
  EXPECT_TRUE(Breadcrumb({}).is_null());
}

TEST_F(ComponentsTest, StatusBadgeAndActions) {
  auto badge = Render("status_badge", StatusBadge("Goedgekeurd", Tone::kSuccess));
  EXPECT_TRUE(Has(badge, "utrecht-status-badge--success")) << badge;
  EXPECT_TRUE(Has(badge, ">Goedgekeurd</span>"));
  json actions = {{"actions",
                   {ActionLink("Bewerken", "/x/bewerken", ActionKind::kPrimary),
                    ActionButton("Intrekken", "/x/intrekken", "tok", ActionKind::kSubtle, {{"id", "7"}})}}};
  auto html = Render("actions", actions);
  EXPECT_TRUE(Has(html,
                  "<a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" "
                  "href=\"/x/bewerken\">Bewerken</a>"))
      << html;
  EXPECT_TRUE(Has(html, "method=\"post\" action=\"/x/intrekken\""));
  EXPECT_TRUE(Has(html, "name=\"_csrf\" value=\"tok\""));
  EXPECT_TRUE(Has(html, "name=\"id\" value=\"7\""));
  EXPECT_TRUE(Has(html, "utrecht-button--subtle"));
}

TEST_F(ComponentsTest, CardUsesTheHeadingLevelThePageNeeds) {
  auto html = Render("card", Card({.title = "Bankjes",
                                   .href = "/p/1",
                                   .text = "Meer bankjes",
                                   .meta = "€ 1.000",
                                   .badge = StatusBadge("Open", Tone::kInfo),
                                   .heading_level = 2}));
  EXPECT_TRUE(
      Has(html, "<h2 class=\"utrecht-heading-3 wp-card__title\"><a class=\"utrecht-link\" href=\"/p/1\">Bankjes"))
      << html;
  EXPECT_FALSE(Has(html, "<h3"));
  EXPECT_TRUE(Has(html, "utrecht-status-badge--active"));
  EXPECT_TRUE(Has(Render("card", Card({.title = "Zonder link"})),
                  "<h3 class=\"utrecht-heading-3 wp-card__title\">Zonder link"));
}

TEST_F(ComponentsTest, PhaseStepperMarksDoneAndCurrentStepsInWordsToo) {
  auto html = Render("phase_stepper", PhaseStepper({{"Plannen", "1 maart"}, {"Stemmen", ""}, {"Uitvoeren", ""}}, 1));
  EXPECT_TRUE(Has(html, "wp-stepper__step--done")) << html;
  EXPECT_TRUE(Has(html, "aria-current=\"step\""));
  EXPECT_TRUE(Has(html, "(klaar)"));
  EXPECT_TRUE(Has(html, "(nu bezig)"));
  EXPECT_TRUE(Has(html, "wp-stepper__step--todo"));
  EXPECT_TRUE(Has(html, "1 maart"));
  EXPECT_FALSE(Has(Render("phase_stepper", PhaseStepper({{"A", ""}}, -1)), "aria-current"));
}

TEST_F(ComponentsTest, SummaryListAndTable) {
  auto list = Render("summary_list", SummaryList({{"Budget", "€ 70.000", ""}, {"Wijk", "Europawijk", "/wijk/1"}}));
  EXPECT_TRUE(Has(list, "<dt class=\"utrecht-data-list__item-key\">Budget</dt>")) << list;
  EXPECT_TRUE(Has(list, "<a class=\"utrecht-link\" href=\"/wijk/1\">Europawijk</a>"));
  auto table = Render("table", Table("Uitslag", {"Plan", "Stemmen"}, {{{"Bankjes", "/p/1"}, {"12", "", true}}}));
  EXPECT_TRUE(Has(table, "<caption class=\"utrecht-table__caption\">Uitslag</caption>")) << table;
  EXPECT_TRUE(
      Has(table, "<th class=\"utrecht-table__header-cell\" scope=\"row\"><a class=\"utrecht-link\" href=\"/p/1\">"));
  EXPECT_TRUE(Has(table, "<td class=\"utrecht-table__cell wp-num\">12</td>"));
  EXPECT_TRUE(Has(table, "scope=\"col\">Stemmen</th>"));
  EXPECT_TRUE(Has(table, "role=\"region\" aria-label=\"Uitslag\" tabindex=\"0\""))
      << "scrolls inside itself on a phone";
  EXPECT_TRUE(Has(Render("table", Table("Verborgen", {"A"}, {}, false)), "wp-visually-hidden"));
  // A cell with an id is a link target (a map links each buurt to its row).
  auto targets = Render("table", Table("Buurten", {"Buurt", "Code"},
                                       {{{.text = "Stationsbuurt", .id = "BU03920101"}, {.text = "BU03920101"}}}));
  EXPECT_TRUE(Has(targets, "scope=\"row\" id=\"BU03920101\">Stationsbuurt</th>")) << targets;
  EXPECT_TRUE(Has(targets, "<td class=\"utrecht-table__cell\">BU03920101</td>")) << "no empty id attribute";
}

TEST_F(ComponentsTest, PaginationShowsNeighboursAndGapsAndClampsThePage) {
  PaginationLabels labels{"Pagina's", "Vorige", "Volgende"};
  EXPECT_TRUE(Pagination(20, 1, 20, "/lijst", labels).is_null()) << "one page: no pagination";
  auto j = Pagination(200, 5, 10, "/lijst?thema=groen", labels);
  auto html = Render("pagination", j);
  EXPECT_TRUE(Has(html, "href=\"/lijst?thema=groen&amp;pagina=4\">Vorige</a>")) << html;
  EXPECT_TRUE(Has(html, "href=\"/lijst?thema=groen&amp;pagina=6\">Volgende</a>"));
  EXPECT_TRUE(Has(html, "aria-current=\"page\" href=\"/lijst?thema=groen&amp;pagina=5\">5</a>"));
  EXPECT_TRUE(Has(html, "href=\"/lijst?thema=groen\">1</a>")) << "page 1 is the plain URL";
  EXPECT_TRUE(Has(html, ">20</a>"));
  EXPECT_TRUE(Has(html, "…"));
  EXPECT_FALSE(Has(html, ">10</a>"));
  EXPECT_FALSE(Has(Render("pagination", Pagination(200, 1, 10, "/l", labels)), "Vorige"));
  EXPECT_EQ(PageNumber(std::string("3"), 200, 10), 3);
  EXPECT_EQ(PageNumber(std::string("99"), 200, 10), 20);
  EXPECT_EQ(PageNumber(std::string("-2"), 200, 10), 1);
  EXPECT_EQ(PageNumber(std::string("x"), 200, 10), 1);
  EXPECT_EQ(PageNumber(std::nullopt, 0, 10), 1);
}

TEST_F(ComponentsTest, EmptyStateSaysWhatToDo) {
  auto html = Render("empty_state", EmptyState("Nog geen plannen.", ActionLink("Plan indienen", "/nieuw")));
  EXPECT_TRUE(Has(html, "Nog geen plannen.")) << html;
  EXPECT_TRUE(Has(html, "href=\"/nieuw\">Plan indienen</a>"));
}

}  // namespace
}  // namespace wp::web
