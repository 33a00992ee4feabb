// The PDFs the demo makes are valid documents with their words in them:
// core/files accepts them and poppler reads the text back; bytes that are
// not a PDF are refused.
#include <gtest/gtest.h>

#include "core/files/documents.h"
#include "features/archive/text_extractor.h"
#include "features/archive/text_pdf.h"

namespace wp::archive {
namespace {

TEST(TextExtractorTest, PopplerReadsTheWordsOfATextPdf) {
  std::string pdf = TextPdf({"Notulen van de vergadering", "De speeltuin (aan de laan) krijgt 24 bomen."});
  EXPECT_FALSE(files::CheckPdf(pdf).has_value());
  auto extractor = MakePopplerTextExtractor();
  auto text = extractor->Extract(pdf);
  ASSERT_TRUE(text.has_value()) << text.error().detail;
  EXPECT_NE(text->find("Notulen van de vergadering"), std::string::npos) << *text;
  EXPECT_NE(text->find("speeltuin (aan de laan)"), std::string::npos) << *text;
}

TEST(TextExtractorTest, BytesThatAreNoPdfAreRefused) {
  auto extractor = MakePopplerTextExtractor();
  auto text = extractor->Extract("%PDF-1.4\nnonsense without objects\n%%EOF\n");
  EXPECT_FALSE(text.has_value());
  EXPECT_FALSE(extractor->Extract("").has_value());
}

}  // namespace
}  // namespace wp::archive
