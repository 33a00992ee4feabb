// Every URL of the platforms feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/platforms/admin_pages.h"
#include "features/platforms/invitation_pages.h"
#include "features/platforms/kernteam_pages.h"
#include "features/platforms/member_pages.h"
#include "features/platforms/public_pages.h"
#include "features/platforms/recognition_pages.h"
#include "features/platforms/registration_pages.h"
#include "features/platforms/subsidy_pages.h"

namespace wp::platforms {

struct PlatformPages {
  PublicPages& public_pages;
  RegistrationPages& registration;
  MemberPages& members;
  KernteamPages& kernteam;
  RecognitionPages& recognition;
  SubsidyPages& subsidy;
  AdminPages& admin;
  InvitationPages& invitations;
};

void AddPlatformRoutes(http::Router& router, const web::Web& web, const PlatformPages& pages);

}  // namespace wp::platforms
