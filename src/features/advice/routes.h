// AddAdviceRoutes: every URL of advice, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/advice/attachment_pages.h"
#include "features/advice/input_pages.h"
#include "features/advice/kernteam_pages.h"
#include "features/advice/official_pages.h"
#include "features/advice/public_pages.h"

namespace wp::advice {

// The page classes of advice.
struct AdvicePages {
  PublicPages& open;
  KernteamPages& kernteam;
  OfficialPages& official;
  InputPages& input;
  AttachmentPages& attachments;
};

void AddAdviceRoutes(http::Router& router, const web::Web& web, const AdvicePages& pages);

}  // namespace wp::advice
