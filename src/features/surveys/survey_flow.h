// The life of a survey: concept -> open -> closed -> published, as a table,
// what each status allows, how people take part, and who may run surveys.
// Pure: no I/O; safe to call from any thread.
#pragma once

#include <optional>
#include <string_view>

#include "core/auth/user.h"
#include "core/result.h"

namespace wp::surveys {

enum class Status { kConcept, kOpen, kClosed, kPublished };
std::string_view StatusName(Status s);
std::optional<Status> ParseStatus(std::string_view name);

// Open: anyone, once per browser or account. Code: a personal code on a
// letter to a sample of addresses. Panel: the members of a forum or panel,
// each with a personal code by e-mail.
enum class Mode { kOpen, kCode, kPanel };
std::string_view ModeName(Mode m);
std::optional<Mode> ParseMode(std::string_view name);

enum class Action {
  kEditQuestions,  // add, change, reorder, remove questions; change the settings
  kOpen,
  kClose,
  kPublish,
  kAnswer,      // respondents answer online
  kEnterPaper,  // an official types in a paper questionnaire
  kModerate,    // accept or reject open answers
  kSeeResults,  // the official: only once closed, so no two tables differ by a few answers
  kSeeResultsPublic,
  kMakeLetters,     // code surveys: draw the sample and make the letters (before opening)
  kSendPanelCodes,  // panel surveys: codes by e-mail to new members (opening sends the first ones)
};

// True when `action` may happen in `status`. The table:
//   concept:   edit, open, make letters
//   open:      close, answer, enter paper, moderate, send panel codes
//   closed:    publish, moderate, see results
//   published: see results (also the public)
bool Allows(Status status, Action action);

// The status after `action` (kOpen, kClose, kPublish). Errors: kConflict
// (surveys.error.wrong_status) when the status does not allow it.
Result<Status> Next(Status status, Action action);

// Administrators and gebiedsverbinders (any stadsdeel) run surveys.
bool CanManage(const std::optional<auth::User>& user);

}  // namespace wp::surveys
