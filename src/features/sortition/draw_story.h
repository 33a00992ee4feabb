// The draw report a resident can follow: what a draw of a forum or panel did,
// told as plain sentences from the sortition catalogs (who could be chosen,
// which quotas held and how many people each got, how equal the chances were,
// how anyone can replay the draw). The technical report (draw_report.h) stays
// next to it for whoever checks the numbers. Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/message_format.h"
#include "features/sortition/selection/draw.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

struct DrawStory {
  std::string title;
  std::vector<std::string> paragraphs;  // in reading order
  std::vector<std::string> quotas;      // one line per quota value, in file order
};

// Looks a message up in the reader's language.
using Translate = std::function<std::string(std::string_view key, const i18n::Args& args)>;

// The story of a first draw.
DrawStory TellDraw(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                   const Translate& t);

// The story of a replacement draw: who left, how many were drawn again, and
// the new panel against the quotas.
DrawStory TellReplacement(const Instance& instance, const DrawOptions& options, const ReplacementOutcome& outcome,
                          const std::vector<int>& dropouts, const Translate& t);

// Plain text: the title, the paragraphs, the quota lines as a list.
std::string DrawStoryText(const DrawStory& story);

// A draw error's problems (selection/draw_error.h) in the reader's language,
// one sentence group each; empty if the error carries none.
std::vector<std::string> TellDrawError(const Error& error, const Translate& t);

}  // namespace wp::sortition
