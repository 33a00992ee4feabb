// The questionnaire as a form without JavaScript, shared by respondents and
// by officials typing in a paper questionnaire: reading the answers from the
// posted fields, and the view data of each question that is shown now.
// A conditional question appears after the page is sent once more.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "core/web/forms.h"
#include "core/web/web.h"
#include "features/surveys/questionnaire.h"

namespace wp::surveys {

// Answers as typed: "q<id>" (single, scale, open; multiple repeated),
// "q<id>_<option>" = place 1..n (ranking). Unreadable values are left out.
Answers ReadAnswers(const Questionnaire& qn, const http::FormData& form);

// The ids of the questions the page showed (hidden field "shown").
std::set<int64_t> ReadShown(const http::FormData& form);

// True when a question is shown now that the page did not show (the
// respondent has to see it before sending).
bool HasNewQuestions(const Questionnaire& qn, const Answers& answers, const std::set<int64_t>& shown);

// Adds "questions" (those shown now, with values and errors) and "shown" to `data`.
void AddQuestions(const web::Context& ctx, const Questionnaire& qn, const Answers& answers, const web::FormView& form,
                  nlohmann::json& data);

}  // namespace wp::surveys
