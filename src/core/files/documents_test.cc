#include "core/files/documents.h"

#include <gtest/gtest.h>

namespace wp::files {
namespace {

const std::string kPdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

TEST(CheckPdfTest, TellsWhatIsWrong) {
  EXPECT_EQ(CheckPdf(kPdf), std::nullopt);
  EXPECT_EQ(CheckPdf("%PDF-2.0 x %%EOF"), std::nullopt);
  EXPECT_EQ(CheckPdf(""), DocumentProblem::kEmpty);
  EXPECT_EQ(CheckPdf("<html>%%EOF"), DocumentProblem::kNotPdf);
  EXPECT_EQ(CheckPdf("GIF89a %PDF-1.4 %%EOF"), DocumentProblem::kNotPdf);
  // Cut off while uploading: no end marker.
  EXPECT_EQ(CheckPdf("%PDF-1.4\n1 0 obj\n"), DocumentProblem::kNotPdf);
  // The marker must be near the end, not somewhere in the middle.
  EXPECT_EQ(CheckPdf("%PDF-1.4 %%EOF" + std::string(2000, ' ')), DocumentProblem::kNotPdf);
  EXPECT_EQ(CheckPdf(kPdf, kPdf.size()), std::nullopt);
  EXPECT_EQ(CheckPdf(kPdf, kPdf.size() - 1), DocumentProblem::kTooLarge);
}

TEST(CheckPdfTest, EveryProblemHasAMessageKey) {
  EXPECT_EQ(DocumentProblemKey(DocumentProblem::kEmpty), "files.error.empty");
  EXPECT_EQ(DocumentProblemKey(DocumentProblem::kNotPdf), "files.error.not_pdf");
  EXPECT_EQ(DocumentProblemKey(DocumentProblem::kTooLarge), "files.error.too_large");
}

TEST(ServeDocumentTest, AnAttachmentThatBrowsersDoNotRunInTheSite) {
  auto r = ServeDocument(kPdf, {.file_name = "Advies \"wijk\".pdf", .sha256 = "abc", .is_public = true});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, kPdf);
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/pdf");
  EXPECT_EQ(r.headers.Get("Content-Disposition"), "attachment; filename=\"Advies__wijk_.pdf\"");
  EXPECT_EQ(r.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.headers.Get("ETag"), "\"abc\"");
  EXPECT_NE(r.headers.Get("Cache-Control").find("public"), std::string_view::npos);
  EXPECT_NE(r.headers.Get("Content-Security-Policy").find("sandbox"), std::string_view::npos);
}

TEST(ServeDocumentTest, PrivateDocumentsAreNotCachedByProxiesAndTheETagGives304) {
  auto r = ServeDocument(kPdf, {.file_name = "x.pdf", .sha256 = "abc", .is_public = false}, "\"abc\"");
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  EXPECT_NE(r.headers.Get("Cache-Control").find("private"), std::string_view::npos);
}

}  // namespace
}  // namespace wp::files
