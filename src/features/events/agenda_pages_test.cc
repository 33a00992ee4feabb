// Unit tests of the agenda pages and calendars, handlers called directly.
#include "features/events/agenda_pages.h"

#include "features/events/page_world_test.h"

namespace wp::events {
namespace {

class AgendaPagesTest : public EventPagesTestBase {
 protected:
  Params Slug() { return {{"slug", platform_.slug}}; }
  AgendaPages pages_{h_.web(), commands_, world_.geo()};
};

TEST_F(AgendaPagesTest, TheAgendaShowsAnEmptyStateThenPublishedEventsOnly) {
  h_.SignInAs(std::nullopt);
  auto empty = h_.Get(Handler(pages_, &AgendaPages::Agenda), "/x", Slug());
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Has(empty.body, "href=\"/wijkplatform/" + platform_.slug + "/agenda.ics\""));
  ASSERT_TRUE(commands_.Create(anna_, platform_, Form("Concept")).has_value());
  int64_t id = Published("Bomenwandeling");
  auto listed = h_.Get(Handler(pages_, &AgendaPages::Agenda), "/x", Slug());
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(Has(listed.body, "href=\"/activiteit/" + std::to_string(id) + "\"")) << listed.body;
  EXPECT_FALSE(Has(listed.body, "Concept")) << "drafts are not public";
  EXPECT_EQ(h_.Get(Handler(pages_, &AgendaPages::Agenda), "/x", {{"slug", "nergens"}}).status, 404);
}

TEST_F(AgendaPagesTest, TheCalendarsAreICalendarAndAnUnknownWijkIs404) {
  Published("Bomenwandeling");
  auto ics = h_.Get(Handler(pages_, &AgendaPages::PlatformCalendar), "/x", Slug());
  ASSERT_EQ(ics.status, 200);
  EXPECT_TRUE(Has(std::string(ics.headers.Get("Content-Type")), "text/calendar"));
  EXPECT_TRUE(Has(ics.body, "SUMMARY:Bomenwandeling"));
  auto wijk = h_.Get(Handler(pages_, &AgendaPages::DistrictCalendar), "/x", {{"code", "WK039219"}});
  ASSERT_EQ(wijk.status, 200);
  EXPECT_TRUE(Has(wijk.body, "SUMMARY:Bomenwandeling"));
  EXPECT_EQ(h_.Get(Handler(pages_, &AgendaPages::DistrictCalendar), "/x", {{"code", "WK999999"}}).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &AgendaPages::DistrictCalendar), "/x", {{"code", "x"}}).status, 404);
}

}  // namespace
}  // namespace wp::events
