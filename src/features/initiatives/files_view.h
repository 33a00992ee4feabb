// The photos and attachments section of the initiative pages
// (views/files.html). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/initiatives/initiative.h"

namespace wp::initiatives {

// {photos: [{url, remove, number, alt}], documents: [{url, remove, name,
// size}], has_photos, has_documents, has_files}: files are served under
// `file_base`/{id}; with a `remove_base`, each has a remove action there.
nlohmann::json FilesJson(const web::Context& ctx, const std::vector<InitiativeFile>& files, const std::string& title,
                         const std::string& file_base, const std::string& remove_base);
// {can_upload, files_error, files_hint}: the initiator's upload form.
nlohmann::json UploadJson(const web::Context& ctx, const std::string& files_error);

}  // namespace wp::initiatives
