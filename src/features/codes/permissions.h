// Who may do what with the voting codes of an edition, and in which phase.
// Pure; see the table tests in permissions_test.cc.
#pragma once

#include <string_view>

#include "core/auth/user.h"
#include "features/budgets/edition.h"

namespace wp::codes {

enum class Action {
  kView,         // see the codes page, counts and runs
  kImport,       // upload the address list
  kGenerate,     // make codes, print file and letters
  kReissue,      // revoke the code of a lost letter and issue a new one
  kErase,        // erase the address list
  kDownload,     // download print files and letters (the print officer, before voting opens)
  kDeleteFiles,  // delete print files and letters after printing
};

inline constexpr Action kAllActions[] = {Action::kView,  Action::kImport,   Action::kGenerate,   Action::kReissue,
                                         Action::kErase, Action::kDownload, Action::kDeleteFiles};

// True when `user` (nullptr: not signed in) may do `action` on the codes of
// `e`: kDownload only the print officer (drukwerkbeheerder) of the edition
// (role scope: the edition's slug; unscoped: every edition), a role apart
// from the edition's managers (issue #11 item 3); everything else the
// officials of the edition's stadsdeel (budgets::IsOfficial, the rule behind
// budgets::EditionDirectory::CanManage: administrators and the
// gebiedsverbinder of the stadsdeel).
bool Can(const auth::User* user, Action action, const budgets::Edition& e);

// True when `action` is possible in phase `p`: no new codes once voting has
// closed (kImplementation); downloads only before voting opens (the files
// are deleted then); everything else any time.
bool PhaseAllows(Action action, budgets::Phase p);

std::string_view ActionName(Action a);

}  // namespace wp::codes
