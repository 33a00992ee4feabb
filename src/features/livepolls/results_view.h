// What the presenter's screen, the results page and the JSON endpoint share:
// the results of a poll as template data, with SVG bars for choices and
// scales and an SVG word cloud for open answers (markup made here, every
// text escaped). Thread-safe.
#pragma once

#include <string>

#include "core/web/web.h"
#include "features/livepolls/commands.h"

namespace wp::livepolls {

// Horizontal bars with the labels and numbers as text too.
std::string BarsSvg(const std::vector<std::string>& labels, const std::vector<int64_t>& counts,
                    const std::string& title);
// The word cloud of LayoutCloud, 800 px wide.
std::string WordCloudSvg(const std::vector<WordCount>& words, const std::string& title);
// One question's results: text, kind, "bars_html" or "cloud_html", rows of
// label and count, and (with `moderate`) the open answers with hide buttons.
nlohmann::json QuestionJson(const web::Context& ctx, const QuestionResult& r, bool moderate);
// The poll's results: the active question only while it runs (the others
// when closed), and only when the presenter shows them.
nlohmann::json ResultsJson(const web::Context& ctx, const PollResults& r, bool moderate);

}  // namespace wp::livepolls
