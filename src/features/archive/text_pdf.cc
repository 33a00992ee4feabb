#include "features/archive/text_pdf.h"

#include <cstdio>

namespace wp::archive {

namespace {

// A PDF string literal: printable ASCII, with \, ( and ) escaped.
std::string Literal(const std::string& line) {
  std::string out = "(";
  for (char c : line) {
    if (c < 0x20 || c > 0x7e) continue;
    if (c == '\\' || c == '(' || c == ')') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
}

std::string Content(const std::vector<std::string>& lines) {
  std::string s = "BT /F1 12 Tf 16 TL 56 780 Td\n";
  for (const auto& line : lines) s += Literal(line) + " Tj T*\n";
  return s + "ET\n";
}

}  // namespace

std::string TextPdf(const std::vector<std::string>& lines) {
  std::string content = Content(lines);
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace wp::archive
