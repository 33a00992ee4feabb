// DrawReportPdf: the evaluation report on A4 pages with cairo (as the codes
// feature draws its letters), headings, wrapped paragraphs and tables.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "core/time/time_zone.h"
#include "features/dashboards/report.h"

namespace wp::dashboards {

namespace {

constexpr double kPageWidth = 595.276;  // A4, points
constexpr double kPageHeight = 841.890;
constexpr double kSide = 56.0;
constexpr const char* kFace = "DejaVu Sans";

cairo_status_t Collect(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Page {
 public:
  explicit Page(cairo_t* cr) : cr_(cr) {}

  void Block(const ReportBlock& b) {
    switch (b.kind) {
      case ReportBlock::Kind::kHeading:
        y_ += 10;
        Wrapped(b.text, 14, true, kSide, kPageWidth - 2 * kSide);
        y_ += 4;
        break;
      case ReportBlock::Kind::kParagraph:
        Wrapped(b.text, 10, false, kSide, kPageWidth - 2 * kSide);
        y_ += 6;
        break;
      case ReportBlock::Kind::kTable:
        Table(b.table);
        break;
    }
  }
  void Title(const std::string& text) { Wrapped(text, 18, true, kSide, kPageWidth - 2 * kSide); }

 private:
  void Font(double size, bool bold) {
    cairo_select_font_face(cr_, kFace, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
  }
  double Width(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr_, s.c_str(), &e);
    return e.x_advance;
  }
  void NeedRoom(double height) {
    if (y_ + height <= kPageHeight - kSide) return;
    cairo_show_page(cr_);
    y_ = kSide;
  }
  // Draws `text` from `x` within `width`, breaking lines between words.
  void Wrapped(const std::string& text, double size, bool bold, double x, double width) {
    Font(size, bold);
    std::vector<std::string> lines{""};
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = std::min(text.find(' ', at), text.size());
      std::string word = text.substr(at, end - at);
      std::string longer = lines.back().empty() ? word : lines.back() + " " + word;
      if (!lines.back().empty() && Width(longer) > width) {
        lines.push_back(word);
      } else {
        lines.back() = longer;
      }
      at = end + 1;
    }
    for (const auto& line : lines) {
      NeedRoom(size * 1.4);
      y_ += size * 1.4;
      cairo_move_to(cr_, x, y_);
      cairo_show_text(cr_, line.c_str());
    }
  }
  void Table(const ReportTable& t) {
    Wrapped(t.caption, 10, true, kSide, kPageWidth - 2 * kSide);
    size_t cols = std::max<size_t>(1, t.headings.size());
    double col = (kPageWidth - 2 * kSide) / static_cast<double>(cols);
    auto row = [&](const std::vector<std::string>& cells, bool bold) {
      NeedRoom(30);
      double top = y_, bottom = y_;
      for (size_t c = 0; c < cells.size() && c < cols; ++c) {
        y_ = top;
        Wrapped(cells[c], 8.5, bold, kSide + col * static_cast<double>(c), col - 6);
        bottom = std::max(bottom, y_);
      }
      y_ = bottom + 3;
      cairo_set_line_width(cr_, 0.4);
      cairo_move_to(cr_, kSide, y_);
      cairo_line_to(cr_, kPageWidth - kSide, y_);
      cairo_stroke(cr_);
    };
    row(t.headings, true);
    for (const auto& r : t.rows) row(r, false);
    y_ += 8;
  }

  cairo_t* cr_;
  double y_ = kSide;
};

std::string PdfDate(int64_t unix_seconds) {
  time::LocalDateTime t = time::CivilFromUnix(unix_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

}  // namespace

Result<std::string> DrawReportPdf(const Report& report, int64_t dated) {
  static std::once_flag cleanup;
  std::call_once(cleanup, [] {
    std::atexit([] {
      cairo_debug_reset_static_data();
      FcFini();
    });
  });
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Collect, &bytes, kPageWidth, kPageHeight);
  std::string date = PdfDate(dated);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  Page page(cr);
  page.Title(report.title);
  for (const auto& b : report.blocks) page.Block(b);
  cairo_show_page(cr);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return Unavailable(std::string("cairo: ") + cairo_status_to_string(status));
  return bytes;
}

}  // namespace wp::dashboards
