#include "core/http/form.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

TEST(PercentDecodeTest, Table) {
  struct Case {
    std::string in;
    bool plus_is_space;
    bool ok;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"abc", true, true, "abc"},
      {"a+b", true, true, "a b"},
      {"a+b", false, true, "a+b"},
      {"%41%62%2f", true, true, "Ab/"},
      {"%e2%82%AC", true, true, "\xE2\x82\xAC"},
      {"%", true, false, ""},
      {"%4", true, false, ""},
      {"abc%", true, false, ""},
      {"%zz", true, false, ""},
      {"%4g", true, false, ""},
      {"", true, true, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    auto r = PercentDecode(c.in, c.plus_is_space);
    ASSERT_EQ(r.has_value(), c.ok);
    if (c.ok) {
      EXPECT_EQ(*r, c.out);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    }
  }
}

TEST(PercentEncodeTest, RoundTrips) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(*PercentDecode(PercentEncode(all), false), all);
  EXPECT_EQ(PercentEncode("a b/é"), "a%20b%2F%C3%A9");
  EXPECT_EQ(EncodeUrlEncoded({{"naam", "Oude Stad"}, {"x&y", "1=2"}}), "naam=Oude+Stad&x%26y=1%3D2");
}

TEST(UrlEncodedTest, ParsesFieldsInOrder) {
  auto form = ParseUrlEncoded("title=Bankje+bij+de+Grote+Markt&tag=a&tag=b&empty=&flag&&_csrf=x%2By");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Get("title"), "Bankje bij de Grote Markt");
  EXPECT_EQ(form->GetAll("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form->Find("empty"), "");
  EXPECT_TRUE(form->Has("flag"));
  EXPECT_EQ(form->Get("_csrf"), "x+y");
  EXPECT_EQ(form->Find("missing"), std::nullopt);
  EXPECT_EQ(form->Get("missing"), "");
  EXPECT_EQ(form->Fields().size(), 6u);
}

TEST(UrlEncodedTest, RejectsBadInput) {
  const std::vector<std::string> bad = {
      "a=%zz", "a=%", "%zz=1", "a=%C3%28",  // invalid UTF-8 sequence
      "a=%ED%A0%80",                        // UTF-16 surrogate
      "a=%C0%AF",                           // overlong encoding
  };
  for (const auto& body : bad) {
    SCOPED_TRACE(body);
    auto r = ParseUrlEncoded(body);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(UrlEncodedTest, EnforcesLimits) {
  FormLimits limits;
  limits.max_fields = 3;
  limits.max_field_bytes = 4;
  EXPECT_TRUE(ParseUrlEncoded("a=1&b=2&c=3", limits).has_value());
  EXPECT_FALSE(ParseUrlEncoded("a=1&b=2&c=3&d=4", limits).has_value());
  EXPECT_TRUE(ParseUrlEncoded("a=1234", limits).has_value());
  EXPECT_FALSE(ParseUrlEncoded("a=12345", limits).has_value());
  EXPECT_FALSE(ParseUrlEncoded("a=%31%32%33%34%35", limits).has_value());
}

const char kBoundary[] = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string MultipartBody() {
  return "preamble is ignored\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "Content-Disposition: form-data; name=\"title\"\r\n"
         "\r\n"
         "Kapotte lantaarnpaal\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "content-disposition: form-data; name=\"body\"\r\n"
         "\r\n"
         "line 1\r\nline 2 -- not a boundary\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "Content-Disposition: form-data; name=\"photo\"; filename=\"lamp; \\\"1\\\".jpg\"\r\n"
         "Content-Type: image/jpeg\r\n"
         "\r\n"
         "\xFF\xD8\xFF\x01" "binary\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "Content-Disposition: form-data; name=\"empty_file\"; filename=\"\"\r\n"
         "Content-Type: application/octet-stream\r\n"
         "\r\n"
         "\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n"
         "epilogue";
}

std::string ContentType() { return std::string("multipart/form-data; boundary=") + kBoundary; }

TEST(MultipartTest, ParsesFieldsAndFiles) {
  auto form = ParseMultipart(MultipartBody(), ContentType());
  ASSERT_TRUE(form.has_value()) << form.error().detail;
  EXPECT_EQ(form->Get("title"), "Kapotte lantaarnpaal");
  EXPECT_EQ(form->Get("body"), "line 1\r\nline 2 -- not a boundary");
  ASSERT_EQ(form->Files().size(), 1u);
  const UploadedFile* photo = form->File("photo");
  ASSERT_NE(photo, nullptr);
  EXPECT_EQ(photo->filename, "lamp; \"1\".jpg");
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_EQ(photo->data, "\xFF\xD8\xFF\x01" "binary");
  EXPECT_EQ(form->File("empty_file"), nullptr);
  EXPECT_TRUE(form->Has("photo"));
}

TEST(MultipartTest, QuotedBoundaryAndEmptyValue) {
  std::string body =
      "--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--abc\r\n"
      "Content-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--abc--";
  auto form = ParseMultipart(body, "Multipart/Form-Data; charset=utf-8; boundary=\"abc\"");
  ASSERT_TRUE(form.has_value()) << form.error().detail;
  EXPECT_EQ(form->Find("a"), "");
  EXPECT_EQ(form->Get("b"), "x");
}

TEST(MultipartTest, RejectsBadInput) {
  const std::string good_part = "--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  struct Case {
    std::string name;
    std::string body;
    std::string content_type;
  };
  const std::vector<Case> cases = {
      {"no boundary parameter", good_part + "--abc--", "multipart/form-data"},
      {"empty boundary", good_part + "--abc--", "multipart/form-data; boundary="},
      {"boundary too long", good_part, "multipart/form-data; boundary=" + std::string(71, 'a')},
      {"bad boundary character", good_part, "multipart/form-data; boundary=ab{c"},
      {"not multipart", good_part, "text/plain; boundary=abc"},
      {"boundary not in body", "hello", "multipart/form-data; boundary=abc"},
      {"no closing delimiter", good_part, "multipart/form-data; boundary=abc"},
      {"unterminated headers", "--abc\r\nContent-Disposition: form-data; name=\"a\"", "multipart/form-data; boundary=abc"},
      {"no disposition", "--abc\r\nContent-Type: text/plain\r\n\r\nx\r\n--abc--", "multipart/form-data; boundary=abc"},
      {"no name", "--abc\r\nContent-Disposition: form-data\r\n\r\nx\r\n--abc--", "multipart/form-data; boundary=abc"},
      {"bad header line", "--abc\r\nno colon here\r\n\r\nx\r\n--abc--", "multipart/form-data; boundary=abc"},
      {"garbage after delimiter", "--abcXYZ\r\n\r\n--abc--", "multipart/form-data; boundary=abc"},
      {"invalid UTF-8 text", "--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xC3\x28\r\n--abc--",
       "multipart/form-data; boundary=abc"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = ParseMultipart(c.body, c.content_type);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(MultipartTest, EnforcesLimits) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += "--b\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nvalue\r\n";
  for (int i = 0; i < 3; ++i) {
    body += "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x" + std::to_string(i) +
            ".txt\"\r\n\r\n0123456789\r\n";
  }
  body += "--b--\r\n";
  const std::string ct = "multipart/form-data; boundary=b";
  EXPECT_TRUE(ParseMultipart(body, ct).has_value());
  FormLimits few_fields;
  few_fields.max_fields = 4;
  EXPECT_FALSE(ParseMultipart(body, ct, few_fields).has_value());
  FormLimits few_files;
  few_files.max_files = 2;
  EXPECT_FALSE(ParseMultipart(body, ct, few_files).has_value());
  FormLimits small_files;
  small_files.max_file_bytes = 9;
  EXPECT_FALSE(ParseMultipart(body, ct, small_files).has_value());
  FormLimits small_fields;
  small_fields.max_field_bytes = 4;
  EXPECT_FALSE(ParseMultipart(body, ct, small_fields).has_value());
  auto form = ParseMultipart(body, ct);
  EXPECT_EQ(form->Files().size(), 3u);
  EXPECT_EQ(form->Files()[2].content_type, "application/octet-stream");
}

TEST(ParseFormTest, ChoosesParserByMethodAndContentType) {
  Request get;
  get.method = Method::kGet;
  get.query = "q=lamp";
  get.body = "ignored=1";
  EXPECT_EQ(ParseForm(get)->Get("q"), "lamp");

  Request post;
  post.method = Method::kPost;
  post.headers.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  post.body = "a=1";
  EXPECT_EQ(ParseForm(post)->Get("a"), "1");

  post.headers.Set("Content-Type", ContentType());
  post.body = MultipartBody();
  EXPECT_EQ(ParseForm(post)->Get("title"), "Kapotte lantaarnpaal");

  post.headers.Set("Content-Type", "application/json");
  post.body = "{}";
  EXPECT_FALSE(ParseForm(post).has_value());

  Request empty;
  empty.method = Method::kPost;
  EXPECT_TRUE(ParseForm(empty).has_value());
}

TEST(HeaderValueParamsTest, ParsesQuotedParameters) {
  HeaderValueParams p = ParseHeaderValueParams("form-data; name=\"a;b\"; filename=\"c\\\"d\"; flag; x=1");
  EXPECT_EQ(p.value, "form-data");
  EXPECT_EQ(p.Param("name"), "a;b");
  EXPECT_EQ(p.Param("FILENAME"), "c\"d");
  EXPECT_EQ(p.Param("x"), "1");
  EXPECT_EQ(p.Param("flag"), std::nullopt);
}

}  // namespace
}  // namespace wp::http
