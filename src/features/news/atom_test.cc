#include "features/news/atom.h"

#include <gtest/gtest.h>

#include "core/html/markdown.h"

namespace wp::news {
namespace {

TEST(AtomTest, WritesFeedAndEntries) {
  AtomFeed f;
  f.id = "tag:wijkplatform.test,2026:wijkplatform/ter-kleef/nieuws";
  f.title = "Nieuws van Wijkplatform Ter Kleef & Bos";
  f.self_url = "https://wijkplatform.test/wijkplatform/ter-kleef/nieuws.atom";
  f.html_url = "https://wijkplatform.test/wijkplatform/ter-kleef/nieuws";
  f.updated_utc = 1795455000;
  AtomEntry e;
  e.id = "tag:wijkplatform.test,2026:news/3";
  e.title = "Bomen <script>alert(1)</script>";
  e.url = "https://wijkplatform.test/wijkplatform/ter-kleef/nieuws/3";
  e.published_utc = 1795000000;
  e.updated_utc = 1795455000;
  e.content_html = html::RenderMarkdown("Hallo **buurt** <b>");
  f.entries.push_back(e);
  std::string xml = WriteAtom(f);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", 0),
            0u);
  EXPECT_NE(xml.find("<id>tag:wijkplatform.test,2026:wijkplatform/ter-kleef/nieuws</id>"), std::string::npos);
  EXPECT_NE(xml.find("<title>Nieuws van Wijkplatform Ter Kleef &amp; Bos</title>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2026-11-23T17:30:00Z</updated>"), std::string::npos);
  EXPECT_NE(xml.find("<link rel=\"self\" type=\"application/atom+xml\" "
                     "href=\"https://wijkplatform.test/wijkplatform/ter-kleef/nieuws.atom\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<title>Bomen &lt;script&gt;alert(1)&lt;/script&gt;</title>"), std::string::npos);
  EXPECT_NE(xml.find("<published>2026-11-18T11:06:40Z</published>"), std::string::npos);
  // The rendered HTML, escaped once more: a reader gets "<p>Hallo <strong>buurt</strong> &lt;b&gt;</p>".
  EXPECT_NE(xml.find("<content type=\"html\">&lt;p&gt;Hallo &lt;strong&gt;buurt&lt;/strong&gt; "
                     "&amp;lt;b&amp;gt;&lt;/p&gt;\n</content>"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_EQ(xml.substr(xml.size() - 8), "</feed>\n");
}

TEST(AtomTest, ControlCharactersNeverBreakTheFeed) {
  AtomFeed feed;
  feed.id = "urn:x";
  feed.title = std::string("Wijk\x01 & co");
  std::string xml = WriteAtom(feed);
  EXPECT_NE(xml.find("<title>Wijk &amp; co</title>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace wp::news
