// What of advice the archive's search holds (#14 item 8), as index entries:
// a published request that is not confidential (in the archive of every
// platform it asks), a submitted advice with its points, and the answer with
// each point's reason. Drafts, confidential threads and withdrawn requests
// give none, so they leave the index. Pure.
#pragma once

#include <vector>

#include "core/search/entry.h"
#include "features/advice/advice.h"

namespace wp::advice {

inline constexpr const char* kRequestSource = "advice_request";
inline constexpr const char* kAdviceSource = "advice";
inline constexpr const char* kAnswerSource = "advice_answer";

// One entry per platform asked (kind "adviesaanvraag": subject and
// questions) when `r` is open, advised, answered or closed and not confidential.
std::vector<search::Entry> RequestEntries(const AdviceRequest& r);
// The advice (kind "advies": title, addressee, points, how input was
// gathered) once submitted, when not confidential.
std::vector<search::Entry> AdviceEntries(const Advice& a);
// The municipality's answer (kind "antwoord": each point with its reason)
// once answered, when not confidential.
std::vector<search::Entry> AnswerEntries(const Advice& a);

}  // namespace wp::advice
