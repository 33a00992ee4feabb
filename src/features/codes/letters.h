// Print-ready letters (PDF, A4, one letter per page) with the voting code and
// a QR code of the voting link, drawn with cairo; the QR modules come from
// libqrencode and are drawn as vector rectangles with a 4-module quiet zone.
// A LetterPdf is used by one thread at a time.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/result.h"

namespace wp::codes {

// What differs per letter, and the edition facts printed on it.
struct LetterContent {
  std::string municipality;   // "Haarlem"
  std::string edition_title;  // "Schalkwijk aan Zet 2027"
  std::string address;        // empty for a reissued letter after erasure
  std::string code;           // canonical; printed grouped
  std::string url;            // voting link with the code (also in the QR code)
  std::string closes_text;    // last day of voting: "15 maart 2027" (time::FormatPeriodEnd)
  int64_t letter_number = 0;
  int min_age = 16;  // of the edition
};

// The modules of a QR code: width x width, row-major, true = dark.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<size_t>(y * width + x)]; }
};

// QR code of `text` (error correction level M, 8-bit mode).
// Errors: kInternal when libqrencode fails (e.g. text too long).
Result<QrMatrix> EncodeQr(std::string_view text);

inline constexpr double kA4WidthPt = 595.276;
inline constexpr double kA4HeightPt = 841.890;
inline constexpr int kQrQuietZoneModules = 4;

// Where DrawLetter put the QR code (points from the top-left of the page),
// quiet zone included, and its module size.
struct QrPlacement {
  double x = 0, y = 0, module = 0;
  int modules_with_quiet_zone = 0;
};

// Draws one letter on `cr` (user space in points, A4 portrait), with texts
// from `catalog` in `locale` (keys codes.letter.*). Returns where the QR code
// is, for tests that read it back.
Result<QrPlacement> DrawLetter(cairo_t* cr, const i18n::Catalog& catalog, std::string_view locale,
                               const LetterContent& letter);

// A PDF file of letters, written page by page.
class LetterPdf {
 public:
  // Creates (truncates) `path`. Errors: kUnavailable when it cannot be written.
  static Result<std::unique_ptr<LetterPdf>> Create(const std::string& path, const i18n::Catalog& catalog,
                                                   std::string locale);
  ~LetterPdf();
  LetterPdf(const LetterPdf&) = delete;
  LetterPdf& operator=(const LetterPdf&) = delete;

  Result<void> Add(const LetterContent& letter);
  // Writes the end of the file. Errors: kUnavailable on a write error.
  Result<void> Finish();
  int64_t pages() const { return pages_; }

 private:
  LetterPdf(cairo_surface_t* surface, const i18n::Catalog& catalog, std::string locale);
  cairo_surface_t* surface_;
  cairo_t* cr_;
  const i18n::Catalog& catalog_;
  std::string locale_;
  int64_t pages_ = 0;
  bool finished_ = false;
};

}  // namespace wp::codes
