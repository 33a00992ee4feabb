#include "core/html/markdown.h"

#include <gtest/gtest.h>

#include "core/strings.h"

namespace wp::html {
namespace {

struct Case {
  const char* name;
  std::string markdown;
  std::string html;
};

TEST(MarkdownTest, RendersTheSubset) {
  const Case cases[] = {
      {"paragraph", "Hallo buurt", "<p>Hallo buurt</p>\n"},
      {"two paragraphs", "Een\n\nTwee", "<p>Een</p>\n<p>Twee</p>\n"},
      {"soft break stays", "Een\nTwee", "<p>Een\nTwee</p>\n"},
      {"crlf", "Een\r\n\r\nTwee", "<p>Een</p>\n<p>Twee</p>\n"},
      {"heading levels shift", "# Titel\n## Sub\n###### Zes", "<h2>Titel</h2>\n<h3>Sub</h3>\n<h6>Zes</h6>\n"},
      {"no heading without space", "#hashtag", "<p>#hashtag</p>\n"},
      {"emphasis", "*schuin* en **vet** en _ook_", "<p><em>schuin</em> en <strong>vet</strong> en <em>ook</em></p>\n"},
      {"nested emphasis", "**vet *en schuin* ja**", "<p><strong>vet <em>en schuin</em> ja</strong></p>\n"},
      {"arithmetic stays", "2 * 3 * 4", "<p>2 * 3 * 4</p>\n"},
      {"code span", "Typ `<b>` hier", "<p>Typ <code>&lt;b&gt;</code> hier</p>\n"},
      {"fenced code", "```\n<script>x</script>\n**niet vet**\n```",
       "<pre><code>&lt;script&gt;x&lt;/script&gt;\n**niet vet**\n</code></pre>\n"},
      {"unclosed fence", "```\ncode", "<pre><code>code\n</code></pre>\n"},
      {"link", "[site](https://haarlem.nl/a?b=1&c=2)",
       "<p><a href=\"https://haarlem.nl/a?b=1&amp;c=2\" rel=\"nofollow noopener\">site</a></p>\n"},
      {"mailto", "[mail](mailto:kernteam@example.nl)",
       "<p><a href=\"mailto:kernteam@example.nl\" rel=\"nofollow noopener\">mail</a></p>\n"},
      {"bullets", "- een\n- twee\n  verder", "<ul>\n<li>een</li>\n<li>twee\nverder</li>\n</ul>\n"},
      {"numbers", "1. een\n2. twee", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>\n"},
      {"quote", "> Citaat\n> met *nadruk*", "<blockquote>\n<p>Citaat\nmet <em>nadruk</em></p>\n</blockquote>\n"},
      {"backslash escape", "\\*geen nadruk\\*", "<p>*geen nadruk*</p>\n"},
      {"empty", "", ""},
      {"invalid utf-8", "a\xC3\x28z", "<p>a\xEF\xBF\xBD(z</p>\n"},
      {"control characters dropped", std::string("a\x01\x1b[31mb"), "<p>a[31mb</p>\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(RenderMarkdown(c.markdown), c.html) << c.name;
}

TEST(MarkdownTest, HostileInputIsShownAsText) {
  const Case cases[] = {
      {"script tag", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
      {"img onerror", "<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"},
      {"javascript link", "[klik](javascript:alert(1))", "<p>[klik](javascript:alert(1))</p>\n"},
      {"JavaScript link mixed case", "[klik](JaVaScRiPt:alert(1))", "<p>[klik](JaVaScRiPt:alert(1))</p>\n"},
      {"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>[x](data:text/html;base64,PHNjcmlwdD4=)</p>\n"},
      {"relative link", "[x](/beheer)", "<p>[x](/beheer)</p>\n"},
      {"attribute injection", "[x](https://a.nl/\"onmouseover=\"alert(1))",
       "<p>[x](https://a.nl/&quot;onmouseover=&quot;alert(1))</p>\n"},
      {"quote in url", "[x](https://a.nl/'x)", "<p>[x](https://a.nl/&#39;x)</p>\n"},
      {"space trick", "[x](https://a.nl onclick=alert(1))", "<p>[x](https://a.nl onclick=alert(1))</p>\n"},
      {"script in link text", "[<script>](https://a.nl)",
       "<p><a href=\"https://a.nl\" rel=\"nofollow noopener\">&lt;script&gt;</a></p>\n"},
      {"nested link", "[[a](https://b.nl)](https://c.nl)",
       "<p><a href=\"https://b.nl\" rel=\"nofollow noopener\">[a</a>](https://c.nl)</p>\n"},
      {"unbalanced emphasis", "**vet zonder einde", "<p>**vet zonder einde</p>\n"},
      {"unbalanced html", "<b>vet", "<p>&lt;b&gt;vet</p>\n"},
      {"html comment", "<!-- x -->", "<p>&lt;!-- x --&gt;</p>\n"},
      {"entity", "&lt;script&gt;", "<p>&amp;lt;script&amp;gt;</p>\n"},
      {"heading with html", "# <iframe src=x>", "<h2>&lt;iframe src=x&gt;</h2>\n"},
      {"code with quote", "`\" onload=\"x`", "<p><code>&quot; onload=&quot;x</code></p>\n"},
  };
  for (const auto& c : cases) {
    std::string html = RenderMarkdown(c.markdown);
    EXPECT_EQ(html, c.html) << c.name;
    EXPECT_EQ(html.find("<script"), std::string::npos) << c.name;
    EXPECT_EQ(ToLower(html).find("href=\"javascript"), std::string::npos) << c.name;
    EXPECT_EQ(ToLower(html).find("href=\"data"), std::string::npos) << c.name;
    EXPECT_EQ(html.find(" onmouseover=\""), std::string::npos) << c.name;
  }
}

TEST(MarkdownTest, DeepNestingStaysBounded) {
  std::string quotes(2000, '>');
  std::string html = RenderMarkdown(quotes + " diep");
  EXPECT_NE(html.find("diep"), std::string::npos);
  std::string stars;
  for (int i = 0; i < 500; ++i) stars += "*a ";
  EXPECT_FALSE(RenderMarkdown(stars).empty());
}

TEST(MarkdownTest, SafeUrls) {
  EXPECT_TRUE(IsSafeLinkUrl("https://haarlem.nl"));
  EXPECT_TRUE(IsSafeLinkUrl("HTTP://haarlem.nl"));
  EXPECT_TRUE(IsSafeLinkUrl("mailto:a@b.nl"));
  EXPECT_FALSE(IsSafeLinkUrl("https://"));
  EXPECT_FALSE(IsSafeLinkUrl("mailto:nobody"));
  EXPECT_FALSE(IsSafeLinkUrl("ftp://haarlem.nl"));
  EXPECT_FALSE(IsSafeLinkUrl("//evil.example"));
  EXPECT_FALSE(IsSafeLinkUrl("https://a.nl/\x01"));
}

}  // namespace
}  // namespace wp::html
