// Uploaded photos made safe to keep and show: the type is recognised by the
// first bytes (JPEG, PNG or WebP only, never by name or Content-Type), the
// size and pixel count are limited before decoding, and the picture is
// decoded, turned upright by its EXIF orientation, scaled down and encoded
// again as a JPEG without any metadata: no EXIF (camera, GPS position, time),
// XMP, IPTC, ICC profile or comment survives. Decoding uses ImageMagick
// (Magick++) with only its JPEG, PNG and WebP readers reached. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::image {

enum class ImageFormat { kJpeg, kPng, kWebp };

// The format recognised from the first bytes of `data`, or nullopt.
std::optional<ImageFormat> DetectFormat(std::string_view data);

struct PhotoLimits {
  size_t max_bytes = 8 * 1024 * 1024;  // the upload itself
  int64_t max_pixels = 40'000'000;     // width x height of the upload, checked before decoding
  int output_max_side = 2048;          // the longer side of the result, in pixels (never enlarged)
  int jpeg_quality = 85;               // 1-100
};

enum class PhotoProblem {
  kEmpty,
  kTooLarge,    // more than max_bytes, or more than max_pixels
  kNotAnImage,  // not JPEG, PNG or WebP, or it does not decode
};
// The i18n key of a problem: "web.photo.empty", "web.photo.too_large",
// "web.photo.not_an_image".
std::string_view PhotoProblemKey(PhotoProblem p);

struct Photo {
  std::string jpeg;  // the new file
  int width = 0;
  int height = 0;
};

// Re-encodes an uploaded photo as described above. The result is a new JPEG
// whose only content is the pixels.
Expected<Photo, PhotoProblem> ReencodePhoto(std::string_view data, const PhotoLimits& limits = {});

}  // namespace wp::image
