#include "features/challenges/agreement_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <mutex>

#include "core/i18n/locale_rules.h"
#include "core/time/format.h"

namespace wp::challenges {

namespace {

constexpr double kWidth = 595.276;  // A4 in points
constexpr double kHeight = 841.890;
constexpr double kMargin = 62.0;
constexpr const char* kFont = "DejaVu Sans";

// cairo's toy font API caches fontconfig patterns for the life of the
// process; freeing them at exit keeps leak checkers (ASan builds) quiet.
void FreeFontCachesAtExit() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::atexit([] {
      cairo_debug_reset_static_data();
      FcFini();
    });
  });
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Writes lines top to bottom, wrapping words and starting a new page when full.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  void Heading(const std::string& text, double size) {
    Space(size * 0.6);
    Text(text, size, true);
    Space(size * 0.3);
  }
  void Text(const std::string& text, double size = 10.5, bool bold = false) {
    cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
      size_t space = text.find_first_of(" \n", start);
      if (space == std::string::npos) space = text.size();
      std::string word = text.substr(start, space - start);
      std::string wider = line.empty() ? word : line + " " + word;
      cairo_text_extents_t ext;
      cairo_text_extents(cr_, wider.c_str(), &ext);
      if (!line.empty() && ext.x_advance > kWidth - 2 * kMargin) {
        Line(line, size);
        line = word;
      } else {
        line = wider;
      }
      if (space < text.size() && text[space] == '\n') {
        Line(line, size);
        line.clear();
      }
      start = space + 1;
    }
    if (!line.empty()) Line(line, size);
  }
  void Space(double points) { y_ += points; }

 private:
  void Line(const std::string& line, double size) {
    if (y_ + size * 1.45 > kHeight - kMargin) {
      cairo_show_page(cr_);
      y_ = kMargin;
    }
    y_ += size * 1.45;
    cairo_move_to(cr_, kMargin, y_);
    cairo_show_text(cr_, line.c_str());
  }

  cairo_t* cr_;
  double y_ = kMargin;
};

void DrawTerms(Writer& w, const i18n::Catalog& catalog, const std::string& locale, const AgreementTerms& t) {
  auto T = [&](const std::string& key, const i18n::Args& args = {}) { return catalog.Format(locale, key, args); };
  const Challenge& c = t.challenge;
  w.Heading(T("challenges.agreement.title"), 18);
  w.Text(T("challenges.agreement.parties",
           {{"municipality", t.municipality}, {"group", c.group_name}, {"contact", c.contact_name}}));
  w.Heading(T("challenges.agreement.task"), 13);
  w.Text(c.task);
  w.Text(T("challenges.agreement.area", {{"area", c.area}, {"borough", t.borough_name}}));
  w.Heading(T("challenges.agreement.budget"), 13);
  for (const auto& l : t.business_case.lines) {
    w.Text(l.description + ": " + i18n::FormatMoney(Money{l.amount_cents}, locale));
  }
  w.Text(T("challenges.agreement.total",
           {{"total", Money{t.business_case.total_cents()}}, {"current", Money{t.business_case.current_cost_cents}}}),
         10.5, true);
  w.Heading(T("challenges.agreement.quality"), 13);
  w.Text(t.business_case.quality);
  w.Heading(T("challenges.agreement.risks"), 13);
  w.Text(t.business_case.risks);
  w.Heading(T("challenges.agreement.decisions"), 13);
  for (const auto& d : t.decisions) {
    if (!d.go) continue;
    w.Text(time::FormatDate(t.zone, d.at, locale) + ": " + T("challenges.moment." + std::string(MomentName(d.moment))) +
           " (" + d.actor_name + ")");
  }
  w.Heading(T("challenges.agreement.signatures"), 13);
  w.Text(T("challenges.agreement.sign_municipality", {{"municipality", t.municipality}}));
  w.Space(40);
  w.Text(T("challenges.agreement.sign_group", {{"group", c.group_name}}));
}

}  // namespace

Result<std::string> DrawAgreementPdf(const i18n::Catalog& catalog, const std::string& locale,
                                     const AgreementTerms& terms) {
  FreeFontCachesAtExit();
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &out, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  Writer w(cr);
  DrawTerms(w, catalog, locale, terms);
  cairo_show_page(cr);
  cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    return Unavailable(std::string("drawing the agreement failed: ") +
                       cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));
  }
  return out;
}

}  // namespace wp::challenges
