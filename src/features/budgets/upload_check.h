// Checks an uploaded photo: the type by its first bytes (magic numbers), not
// by the name or the browser's Content-Type; only JPEG, PNG and WebP; and
// its size. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace wp::budgets {

enum class ImageType { kJpeg, kPng, kWebp };

inline constexpr size_t kMaxPhotoBytes = 5 * 1024 * 1024;  // 5 MiB per photo
inline constexpr int kMaxPhotosPerPlan = 5;

enum class UploadProblem { kEmpty, kTooLarge, kNotAnImage };

// The image type recognised from the first bytes of `data`, or nullopt.
std::optional<ImageType> DetectImageType(std::string_view data);
// nullopt when `data` is an accepted photo of at most `max_bytes`.
std::optional<UploadProblem> CheckPhoto(std::string_view data, size_t max_bytes = kMaxPhotoBytes);

std::string_view ImageContentType(ImageType t);  // "image/jpeg", ...
std::string_view ImageExtension(ImageType t);    // "jpg", "png", "webp"
std::optional<ImageType> ImageTypeFromExtension(std::string_view ext);
std::string_view UploadProblemKey(UploadProblem p);

}  // namespace wp::budgets
