// A small valid PDF (one A4 page, Helvetica) holding lines of text: the
// demo documents and the tests are made with it, so search finds their
// words. Only printable ASCII is kept. Pure.
#pragma once

#include <string>
#include <vector>

namespace wp::archive {

// The PDF bytes, with a correct cross-reference table.
std::string TextPdf(const std::vector<std::string>& lines);

}  // namespace wp::archive
