// The counting report a resident can follow: the facts of a count
// (budgets::counting::Explanation) told as plain sentences from the voting
// catalogs, in the order the count made its choices. The technical report
// stays available next to it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/message_format.h"
#include "features/budgets/counting/explanation.h"

namespace wp::voting {

struct CountStory {
  std::vector<std::string> intro;   // how the rule works, with the budget
  std::vector<std::string> chosen;  // one sentence group per chosen plan, in order
  std::vector<std::string> others;  // one per plan not chosen, most votes first
  std::string leftover;             // what happened with the money left
};

// Looks a message up in the reader's language (web::Context::T).
using Translate = std::function<std::string(std::string_view key, const i18n::Args& args)>;

CountStory TellCount(const budgets::counting::Explanation& explanation, const Translate& t);

}  // namespace wp::voting
