// Who may change what in the geography feature. Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"

namespace wp::geography {

enum class GeoAction { kImport, kEditBoroughContact };

// Administrators may do everything; a gebiedsverbinder may edit the contact
// of his or her own stadsdeel (grant scope = borough slug).
bool Can(const auth::User& user, GeoAction action, std::string_view borough_slug = {});

}  // namespace wp::geography
