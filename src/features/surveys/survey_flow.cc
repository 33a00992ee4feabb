#include "features/surveys/survey_flow.h"

#include <utility>

namespace wp::surveys {

namespace {

constexpr std::pair<Status, std::string_view> kStatusNames[] = {{Status::kConcept, "concept"},
                                                                {Status::kOpen, "open"},
                                                                {Status::kClosed, "closed"},
                                                                {Status::kPublished, "published"}};
constexpr std::pair<Mode, std::string_view> kModeNames[] = {
    {Mode::kOpen, "open"}, {Mode::kCode, "code"}, {Mode::kPanel, "panel"}};

struct Rule {
  Status status;
  Action action;
};
constexpr Rule kAllowed[] = {
    {Status::kConcept, Action::kEditQuestions}, {Status::kConcept, Action::kOpen},
    {Status::kConcept, Action::kMakeLetters},   {Status::kOpen, Action::kClose},
    {Status::kOpen, Action::kAnswer},           {Status::kOpen, Action::kEnterPaper},
    {Status::kOpen, Action::kModerate},         {Status::kClosed, Action::kPublish},
    {Status::kClosed, Action::kModerate},       {Status::kClosed, Action::kSeeResults},
    {Status::kPublished, Action::kSeeResults},  {Status::kPublished, Action::kSeeResultsPublic},
    {Status::kOpen, Action::kSendPanelCodes},
};

}  // namespace

std::string_view StatusName(Status s) {
  for (const auto& [v, n] : kStatusNames) {
    if (v == s) return n;
  }
  return "concept";
}

std::optional<Status> ParseStatus(std::string_view name) {
  for (const auto& [v, n] : kStatusNames) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::string_view ModeName(Mode m) {
  for (const auto& [v, n] : kModeNames) {
    if (v == m) return n;
  }
  return "open";
}

std::optional<Mode> ParseMode(std::string_view name) {
  for (const auto& [v, n] : kModeNames) {
    if (n == name) return v;
  }
  return std::nullopt;
}

bool Allows(Status status, Action action) {
  for (const auto& r : kAllowed) {
    if (r.status == status && r.action == action) return true;
  }
  return false;
}

Result<Status> Next(Status status, Action action) {
  if (!Allows(status, action)) return Conflict("not allowed in this status", "surveys.error.wrong_status");
  switch (action) {
    case Action::kOpen:
      return Status::kOpen;
    case Action::kClose:
      return Status::kClosed;
    case Action::kPublish:
      return Status::kPublished;
    default:
      return InvalidInput("not a status change");
  }
}

bool CanManage(const std::optional<auth::User>& user) {
  if (!user) return false;
  if (user->IsAdministrator()) return true;
  for (const auto& g : user->grants) {
    if (g.role == auth::Role::kAreaLiaison) return true;
  }
  return false;
}

}  // namespace wp::surveys
