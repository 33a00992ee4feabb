#include "features/codes/letters.h"

#include <gtest/gtest.h>
#include <zbar.h>

#include <fstream>
#include <sstream>

#include "testing/temp_dir.h"
#include "wp_codes_files.h"

namespace wp::codes {
namespace {

// zbar.h puts its C API in namespace zbar when compiled as C++.
using namespace zbar;  // NOLINT(build/namespaces)

const i18n::Catalog& Catalog() {
  static const i18n::Catalog* catalog = [] {
    auto* c = new i18n::Catalog();
    auto r = c->AddFiles(CodesFiles());
    EXPECT_TRUE(r.has_value());
    return c;
  }();
  return *catalog;
}

LetterContent Sample(int64_t number) {
  LetterContent l;
  l.municipality = "Haarlem";
  l.edition_title = "Schalkwijk aan Zet 2027";
  l.address = "Amsterdamstraat 1, 2032 AA Haarlem";
  l.code = "ABCDE23456FGHJK";
  l.url = "https://wijkplatform.haarlem.nl/wijkbudget/schalkwijk-aan-zet-2027/stemmen?code=" + l.code;
  l.closes_text = "15 maart 2027";
  l.letter_number = number;
  return l;
}

// Renders a letter at 2 pixels per point and decodes every QR code on the
// page with zbar (a real decoder, independent of libqrencode).
std::vector<std::string> DecodeQrCodes(const LetterContent& letter, QrPlacement* place) {
  const double scale = 2.0;
  int w = static_cast<int>(kA4WidthPt * scale), h = static_cast<int>(kA4HeightPt * scale);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_scale(cr, scale, scale);
  auto placed = DrawLetter(cr, Catalog(), "nl", letter);
  EXPECT_TRUE(placed.has_value());
  if (placed.has_value() && place) *place = *placed;
  cairo_destroy(cr);
  cairo_surface_flush(s);
  std::vector<unsigned char> gray(static_cast<size_t>(w) * static_cast<size_t>(h));
  const unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y) {
    const uint32_t* row = reinterpret_cast<const uint32_t*>(data + y * stride);
    for (int x = 0; x < w; ++x) {
      uint32_t p = row[x];
      gray[static_cast<size_t>(y * w + x)] =
          static_cast<unsigned char>((((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3);
    }
  }
  cairo_surface_destroy(s);
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_t* image = zbar_image_create();
  zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image, static_cast<unsigned>(w), static_cast<unsigned>(h));
  zbar_image_set_data(image, gray.data(), gray.size(), nullptr);
  zbar_scan_image(scanner, image);
  std::vector<std::string> out;
  for (const zbar_symbol_t* sym = zbar_image_first_symbol(image); sym; sym = zbar_symbol_next(sym)) {
    out.emplace_back(zbar_symbol_get_data(sym), zbar_symbol_get_data_length(sym));
  }
  zbar_image_destroy(image);
  zbar_image_scanner_destroy(scanner);
  return out;
}

TEST(LettersTest, QrCodeOnTheLetterDecodesToTheVotingLink) {
  LetterContent letter = Sample(1);
  QrPlacement place;
  auto decoded = DecodeQrCodes(letter, &place);
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0], letter.url);
  // Quiet zone of 4 modules inside the placed square, and the square on the page.
  auto qr = EncodeQr(letter.url);
  ASSERT_TRUE(qr.has_value());
  EXPECT_EQ(place.modules_with_quiet_zone, qr->width + 2 * kQrQuietZoneModules);
  EXPECT_LE(place.x + place.modules_with_quiet_zone * place.module, kA4WidthPt);
  EXPECT_GE(place.module, 2.5) << "modules of at least 0.9 mm scan well on paper";
}

TEST(LettersTest, EveryLetterHasItsOwnLink) {
  LetterContent a = Sample(1), b = Sample(2);
  b.code = "KMNPQ23456RSTVW";
  b.url = "https://wijkplatform.haarlem.nl/wijkbudget/x/stemmen?code=" + b.code;
  EXPECT_EQ(DecodeQrCodes(b, nullptr), std::vector<std::string>{b.url});
  EXPECT_NE(DecodeQrCodes(a, nullptr), DecodeQrCodes(b, nullptr));
}

TEST(LettersTest, PdfHasOnePagePerLetter) {
  testing::TempDir dir;
  std::string path = dir.File("brieven.pdf");
  auto pdf = LetterPdf::Create(path, Catalog(), "nl");
  ASSERT_TRUE(pdf.has_value());
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE((*pdf)->Add(Sample(i)).has_value());
  ASSERT_TRUE((*pdf)->Finish().has_value());
  EXPECT_EQ((*pdf)->pages(), 3);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  EXPECT_EQ(bytes.rfind("%PDF-", 0), 0u);
  size_t pages = 0;
  for (size_t p = bytes.find("/Type /Page"); p != std::string::npos; p = bytes.find("/Type /Page", p + 1)) {
    if (bytes.compare(p, 12, "/Type /Pages") != 0) ++pages;
  }
  EXPECT_EQ(pages, 3u);
  EXPECT_NE(bytes.find("/MediaBox [ 0 0 595.27"), std::string::npos) << "A4";
}

TEST(LettersTest, PdfInAMissingFolderIsAnError) {
  auto pdf = LetterPdf::Create("/nonexistent-folder/x/brieven.pdf", Catalog(), "nl");
  if (pdf.has_value()) {
    // cairo reports some write errors only when the file is finished.
    (void)(*pdf)->Add(Sample(1));
    EXPECT_FALSE((*pdf)->Finish().has_value());
  } else {
    EXPECT_EQ(pdf.error().code, ErrorCode::kUnavailable);
  }
}

}  // namespace
}  // namespace wp::codes
