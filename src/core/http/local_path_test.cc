#include "core/http/local_path.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

TEST(SafeLocalPathTest, AcceptsPathsOnThisSite) {
  for (std::string_view ok :
       {"/", "/account", "/wijk/WK039201", "/zoek?q=a%20b&pagina=2", "/a/b#deel", "/inloggen?next=%2Fwijk",
        "/stadsdeel/centrum/contact", "/wijkbudget/x/plannen?q=%C3%A9"}) {
    auto safe = SafeLocalPath(ok);
    ASSERT_TRUE(safe.has_value()) << ok;
    EXPECT_EQ(*safe, ok);
  }
}

TEST(SafeLocalPathTest, RefusesEverythingThatCanLeaveTheSite) {
  struct Case {
    std::string_view next;
    const char* why;
  };
  const Case cases[] = {
      {"", "empty"},
      {"account", "relative"},
      {"//evil.example", "protocol-relative"},
      {"//evil.example/x", "protocol-relative with a path"},
      {"/\\evil.example", "backslash read as a slash"},
      {"\\\\evil.example", "two backslashes"},
      {"/a\\b", "a backslash anywhere"},
      {"https://evil.example", "absolute URL"},
      {"javascript:alert(1)", "scheme"},
      {" /account", "leading space"},
      {"/\t/evil.example", "tab that browsers drop"},
      {"/%09/evil.example", "tab after decoding"},
      {"/%2F%2Fevil", "slashes after decoding"},
      {"/%2f/evil", "lower-case encoded slash"},
      {"/%5Cevil.example", "backslash after decoding"},
      {"/a%5Cb", "encoded backslash anywhere"},
      {"/x%0d%0aSet-Cookie:%20a=b", "header injection after decoding"},
      {"/x\r\nSet-Cookie: a=b", "header injection"},
      {"/x\n", "newline"},
      {"/x%00", "NUL after decoding"},
      {std::string_view("/x\0y", 4), "NUL"},
      {"/x\x7f", "DEL"},
      {"/x%7F", "DEL after decoding"},
      {"/x%zz", "broken percent-encoding"},
      {"/x%2", "cut percent-encoding"},
  };
  for (const auto& c : cases) EXPECT_FALSE(SafeLocalPath(c.next).has_value()) << c.why << ": " << c.next;
}

}  // namespace
}  // namespace wp::http
