#include "features/budgets/upload_check.h"

namespace wp::budgets {

std::optional<ImageType> DetectImageType(std::string_view d) {
  auto starts = [&](size_t at, std::string_view magic) { return d.size() >= at + magic.size() && d.substr(at, magic.size()) == magic; };
  if (starts(0, std::string_view("\xFF\xD8\xFF", 3))) return ImageType::kJpeg;
  if (starts(0, std::string_view("\x89PNG\r\n\x1A\n", 8))) return ImageType::kPng;
  if (starts(0, "RIFF") && starts(8, "WEBP")) return ImageType::kWebp;
  return std::nullopt;
}

std::optional<UploadProblem> CheckPhoto(std::string_view data, size_t max_bytes) {
  if (data.empty()) return UploadProblem::kEmpty;
  if (data.size() > max_bytes) return UploadProblem::kTooLarge;
  if (!DetectImageType(data)) return UploadProblem::kNotAnImage;
  return std::nullopt;
}

std::string_view ImageContentType(ImageType t) {
  switch (t) {
    case ImageType::kJpeg: return "image/jpeg";
    case ImageType::kPng: return "image/png";
    case ImageType::kWebp: return "image/webp";
  }
  return "application/octet-stream";
}

std::string_view ImageExtension(ImageType t) {
  switch (t) {
    case ImageType::kJpeg: return "jpg";
    case ImageType::kPng: return "png";
    case ImageType::kWebp: return "webp";
  }
  return "bin";
}

std::optional<ImageType> ImageTypeFromExtension(std::string_view ext) {
  if (ext == "jpg") return ImageType::kJpeg;
  if (ext == "png") return ImageType::kPng;
  if (ext == "webp") return ImageType::kWebp;
  return std::nullopt;
}

std::string_view UploadProblemKey(UploadProblem p) {
  switch (p) {
    case UploadProblem::kEmpty: return "budgets.photo.error.empty";
    case UploadProblem::kTooLarge: return "budgets.photo.error.too_large";
    case UploadProblem::kNotAnImage: return "budgets.photo.error.type";
  }
  return "budgets.photo.error.type";
}

}  // namespace wp::budgets
