#include "features/codes/permissions.h"

#include "features/budgets/permissions.h"

namespace wp::codes {

bool Can(const auth::User* user, Action action, const budgets::Edition& e) {
  if (user == nullptr) return false;
  if (action == Action::kDownload) return user->HasRole(auth::Role::kPrintOfficer, e.slug);
  return budgets::IsOfficial(*user, e.borough_slug);
}

bool PhaseAllows(Action action, budgets::Phase p) {
  switch (action) {
    case Action::kImport:
    case Action::kGenerate:
    case Action::kReissue:
      return p != budgets::Phase::kImplementation;
    case Action::kDownload:
      return p < budgets::Phase::kVoting;
    case Action::kView:
    case Action::kErase:
    case Action::kDeleteFiles:
      return true;
  }
  return false;
}

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kView:
      return "view";
    case Action::kImport:
      return "import";
    case Action::kGenerate:
      return "generate";
    case Action::kReissue:
      return "reissue";
    case Action::kErase:
      return "erase";
    case Action::kDownload:
      return "download";
    case Action::kDeleteFiles:
      return "delete_files";
  }
  return "?";
}

}  // namespace wp::codes
