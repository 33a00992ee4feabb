#include "features/forums/invitation_letters.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <mutex>

#include "features/codes/code_format.h"
#include "features/codes/letters.h"

namespace wp::forums {

namespace {

constexpr double kMargin = 64;
constexpr double kWidth = codes::kA4WidthPt - 2 * kMargin;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Font caches of cairo's toy API live as long as the process; freed at exit
// so leak checkers see a clean exit.
void FreeFontsAtExit() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::atexit([] {
      cairo_debug_reset_static_data();
      FcFini();
    });
  });
}

// Writes `text` in lines that fit the width; returns the next baseline.
double Wrapped(cairo_t* cr, const std::string& text, double y, double size) {
  cairo_set_font_size(cr, size);
  std::string line;
  auto emit = [&] {
    cairo_move_to(cr, kMargin, y);
    cairo_show_text(cr, line.c_str());
    y += size * 1.4;
    line.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t space = text.find(' ', start);
    std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    std::string longer = line.empty() ? word : line + " " + word;
    cairo_text_extents_t ext;
    cairo_text_extents(cr, longer.c_str(), &ext);
    if (ext.x_advance > kWidth && !line.empty()) {
      emit();
      line = word;
    } else {
      line = longer;
    }
    if (space == std::string::npos) break;
    start = space + 1;
  }
  if (!line.empty()) emit();
  return y + size * 0.6;
}

Result<void> DrawQr(cairo_t* cr, const std::string& link, double x, double y) {
  WP_ASSIGN_OR_RETURN(codes::QrMatrix qr, codes::EncodeQr(link));
  double module = 3.2;
  double origin = codes::kQrQuietZoneModules * module;
  for (int row = 0; row < qr.width; ++row) {
    for (int col = 0; col < qr.width; ++col) {
      if (qr.at(col, row)) cairo_rectangle(cr, x + origin + col * module, y + origin + row * module, module, module);
    }
  }
  cairo_fill(cr);
  return Ok();
}

Result<void> DrawLetterPage(cairo_t* cr, const Forum& forum, const Invitation& inv, const LetterFacts& facts,
                            const i18n::Catalog& catalog, const std::string& locale) {
  auto t = [&](std::string_view key, const i18n::Args& args = {}) { return catalog.Format(locale, key, args); };
  std::string link = facts.base_url + "/aanmelden?code=" + inv.code;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  double y = Wrapped(cr, t("forums.letter.sender", {{"municipality", facts.municipality}}), kMargin + 20, 10);
  y = Wrapped(cr, t("forums.letter.to_resident"), y, 11);
  y = Wrapped(cr, inv.address, y, 11) + 40;
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  y = Wrapped(cr, t("forums.letter.heading", {{"name", forum.setup.name}}), y, 16);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  y = Wrapped(cr, t("forums.letter.why", {{"wijk", forum.district_name}}), y, 11);
  y = Wrapped(cr, forum.setup.purpose, y, 11);
  y = Wrapped(cr, t("forums.letter.how", {{"seats", int64_t{forum.setup.seats}}, {"date", facts.register_until}}), y,
              11);
  y = Wrapped(cr, t("forums.letter.code_label"), y + 10, 11);
  cairo_select_font_face(cr, "monospace", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  y = Wrapped(cr, codes::FormatGrouped(inv.code), y, 18);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  y = Wrapped(cr, t("forums.letter.link", {{"link", facts.base_url + "/aanmelden"}}), y, 11);
  WP_TRY_VOID(DrawQr(cr, link, kMargin - 12, y));
  y += 200;
  y = Wrapped(cr, t("forums.letter.privacy"), y, 9);
  Wrapped(cr, t("forums.letter.number", {{"number", int64_t{inv.letter_number}}}), y, 8);
  return Ok();
}

}  // namespace

Result<std::string> InvitationLettersPdf(const Forum& forum, const std::vector<Invitation>& invitations,
                                         const LetterFacts& facts, const i18n::Catalog& catalog,
                                         const std::string& locale) {
  FreeFontsAtExit();
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &bytes, codes::kA4WidthPt, codes::kA4HeightPt);
  cairo_t* cr = cairo_create(surface);
  Result<void> drawn = Ok();
  for (const auto& inv : invitations) {
    drawn = DrawLetterPage(cr, forum, inv, facts, catalog, locale);
    if (!drawn.has_value()) break;
    cairo_show_page(cr);
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (!drawn.has_value()) return drawn.error();
  if (status != CAIRO_STATUS_SUCCESS) return Internal(std::string("cairo: ") + cairo_status_to_string(status));
  return bytes;
}

}  // namespace wp::forums
