#include "features/codes/letters.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <qrencode.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "features/codes/code_format.h"

namespace wp::codes {

namespace {

constexpr double kMargin = 62.0;  // about 22 mm
constexpr const char* kSans = "DejaVu Sans";
constexpr const char* kMono = "DejaVu Sans Mono";

void SetFont(cairo_t* cr, const char* face, double size, bool bold) {
  cairo_select_font_face(cr, face, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double TextWidth(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  return ext.x_advance;
}

// Draws `text` wrapped at word boundaries into `width`, starting with the
// baseline at `y`; returns the baseline after the last line.
double DrawParagraph(cairo_t* cr, const std::string& text, double x, double y, double width, double line_height) {
  std::string line;
  size_t pos = 0;
  auto flush = [&] {
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, line.c_str());
    y += line_height;
    line.clear();
  };
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(cr, candidate) > width) {
      flush();
      line = word;
    } else {
      line = std::move(candidate);
    }
  }
  if (!line.empty()) flush();
  return y;
}

// cairo's toy font API keeps fontconfig patterns in caches for the life of
// the process; they are freed at exit so that leak checkers (ASan builds)
// see a clean exit.
void ReleaseFontCaches() {
  cairo_debug_reset_static_data();
  FcFini();
}

void ReleaseFontCachesAtExit() {
  static std::once_flag once;
  std::call_once(once, [] { std::atexit(ReleaseFontCaches); });
}

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view text) {
  std::string s(text);
  QRcode* q = QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return Internal("libqrencode could not encode the link");
  QrMatrix m;
  m.width = q->width;
  m.dark.resize(static_cast<size_t>(q->width) * static_cast<size_t>(q->width));
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (q->data[i] & 1) != 0;
  QRcode_free(q);
  return m;
}

namespace {

// The QR code with its white quiet zone at `place`, one rectangle per run
// of dark modules in a row.
void DrawQr(cairo_t* cr, const QrMatrix& qr, const QrPlacement& place) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, place.x, place.y, place.modules_with_quiet_zone * place.module,
                  place.modules_with_quiet_zone * place.module);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double origin_x = place.x + kQrQuietZoneModules * place.module;
  double origin_y = place.y + kQrQuietZoneModules * place.module;
  for (int row = 0; row < qr.width; ++row) {
    int col = 0;
    while (col < qr.width) {
      if (!qr.at(col, row)) {
        ++col;
        continue;
      }
      int start = col;
      while (col < qr.width && qr.at(col, row)) ++col;
      cairo_rectangle(cr, origin_x + start * place.module, origin_y + row * place.module, (col - start) * place.module,
                      place.module);
    }
  }
  cairo_fill(cr);
}

// The sender and edition at the top, and the address block where a window
// envelope shows it.
void DrawSenderAndAddress(cairo_t* cr, const std::string& sender, const std::string& to_resident,
                          const LetterContent& letter, double width) {
  SetFont(cr, kSans, 16, true);
  cairo_move_to(cr, kMargin, kMargin + 16);
  cairo_show_text(cr, sender.c_str());
  SetFont(cr, kSans, 12, false);
  cairo_move_to(cr, kMargin, kMargin + 36);
  cairo_show_text(cr, letter.edition_title.c_str());
  SetFont(cr, kSans, 11, false);
  cairo_move_to(cr, kMargin, 165);
  cairo_show_text(cr, to_resident.c_str());
  if (!letter.address.empty()) DrawParagraph(cr, letter.address, kMargin, 180, width * 0.55, 15);
}

}  // namespace

Result<QrPlacement> DrawLetter(cairo_t* cr, const i18n::Catalog& catalog, std::string_view locale,
                               const LetterContent& letter) {
  ReleaseFontCachesAtExit();
  auto T = [&](std::string_view key, const i18n::Args& args = {}) { return catalog.Format(locale, key, args); };
  const double width = kA4WidthPt - 2 * kMargin;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);

  DrawSenderAndAddress(cr, T("codes.letter.sender", {{"municipality", letter.municipality}}),
                       T("codes.letter.to_resident"), letter, width);

  double y = 285;
  SetFont(cr, kSans, 16, true);
  y = DrawParagraph(cr, T("codes.letter.heading", {{"edition", letter.edition_title}}), kMargin, y, width, 20);
  y += 6;
  SetFont(cr, kSans, 11, false);
  const double line = 15;
  y = DrawParagraph(cr, T("codes.letter.greeting"), kMargin, y, width, line) + 4;
  y = DrawParagraph(cr, T("codes.letter.intro", {{"edition", letter.edition_title}, {"age", letter.min_age}}), kMargin,
                    y, width, line) +
      4;
  y = DrawParagraph(cr, T("codes.letter.closes", {{"date", letter.closes_text}}), kMargin, y, width, line) + 10;

  // The code and the QR code side by side.
  WP_ASSIGN_OR_RETURN(QrMatrix qr, EncodeQr(letter.url));
  QrPlacement place;
  place.modules_with_quiet_zone = qr.width + 2 * kQrQuietZoneModules;
  place.module = 130.0 / place.modules_with_quiet_zone;
  place.x = kMargin + width - place.modules_with_quiet_zone * place.module;
  place.y = y;
  double code_y = y + 18;
  SetFont(cr, kSans, 11, true);
  cairo_move_to(cr, kMargin, code_y);
  cairo_show_text(cr, T("codes.letter.code_label").c_str());
  SetFont(cr, kMono, 26, true);
  cairo_move_to(cr, kMargin, code_y + 34);
  cairo_show_text(cr, FormatGrouped(letter.code).c_str());
  SetFont(cr, kSans, 10, false);
  double after_code = DrawParagraph(cr, T("codes.letter.scan"), kMargin, code_y + 58, width - 150, 13);
  DrawQr(cr, qr, place);
  y = std::max(after_code, place.y + place.modules_with_quiet_zone * place.module) + 14;

  SetFont(cr, kSans, 11, true);
  y = DrawParagraph(cr, T("codes.letter.online_heading"), kMargin, y, width, line);
  SetFont(cr, kSans, 11, false);
  y = DrawParagraph(cr, T("codes.letter.online"), kMargin, y, width, line);
  SetFont(cr, kSans, 10, false);
  y = DrawParagraph(cr, letter.url, kMargin, y, width, 13) + 6;
  SetFont(cr, kSans, 11, false);
  y = DrawParagraph(cr, T("codes.letter.personal"), kMargin, y, width, line) + 6;
  SetFont(cr, kSans, 11, true);
  y = DrawParagraph(cr, T("codes.letter.paper_heading"), kMargin, y, width, line);
  SetFont(cr, kSans, 11, false);
  y = DrawParagraph(cr, T("codes.letter.paper"), kMargin, y, width, line) + 6;
  y = DrawParagraph(cr, T("codes.letter.lost"), kMargin, y, width, line) + 10;
  y = DrawParagraph(cr, T("codes.letter.signoff"), kMargin, y, width, line);
  DrawParagraph(cr, T("codes.letter.sender", {{"municipality", letter.municipality}}), kMargin, y, width, line);

  SetFont(cr, kSans, 8, false);
  cairo_move_to(cr, kMargin, kA4HeightPt - 36);
  cairo_show_text(cr, T("codes.letter.number", {{"number", std::to_string(letter.letter_number)}}).c_str());
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr)));
  }
  return place;
}

LetterPdf::LetterPdf(cairo_surface_t* surface, const i18n::Catalog& catalog, std::string locale)
    : surface_(surface), cr_(cairo_create(surface)), catalog_(catalog), locale_(std::move(locale)) {}

LetterPdf::~LetterPdf() {
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

Result<std::unique_ptr<LetterPdf>> LetterPdf::Create(const std::string& path, const i18n::Catalog& catalog,
                                                     std::string locale) {
  cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), kA4WidthPt, kA4HeightPt);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return Unavailable("cannot write " + path);
  }
  return std::unique_ptr<LetterPdf>(new LetterPdf(s, catalog, std::move(locale)));
}

Result<void> LetterPdf::Add(const LetterContent& letter) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] QrPlacement place, DrawLetter(cr_, catalog_, locale_, letter));
  cairo_show_page(cr_);
  ++pages_;
  if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS) {
    return Unavailable(std::string("writing the letters failed: ") + cairo_status_to_string(cairo_status(cr_)));
  }
  return Ok();
}

Result<void> LetterPdf::Finish() {
  if (finished_) return Ok();
  finished_ = true;
  cairo_surface_finish(surface_);
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
    return Unavailable(std::string("writing the letters failed: ") +
                       cairo_status_to_string(cairo_surface_status(surface_)));
  }
  return Ok();
}

}  // namespace wp::codes
