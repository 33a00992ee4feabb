#include "core/image/photo.h"

#include <Magick++.h>

#include <exception>
#include <mutex>

namespace wp::image {

namespace {

void InitialiseOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    Magick::InitializeMagick(nullptr);
    // One decode at a time per call; the server's own threads give the
    // parallelism, and a picture never takes more than a bounded amount of memory.
    Magick::ResourceLimits::thread(1);
    Magick::ResourceLimits::memory(256ULL << 20);
    Magick::ResourceLimits::map(512ULL << 20);
    Magick::ResourceLimits::width(16000);
    Magick::ResourceLimits::height(16000);
  });
}

const char* CoderName(ImageFormat f) {
  switch (f) {
    case ImageFormat::kJpeg:
      return "JPEG";
    case ImageFormat::kPng:
      return "PNG";
    case ImageFormat::kWebp:
      return "WEBP";
  }
  return "JPEG";
}

}  // namespace

std::optional<ImageFormat> DetectFormat(std::string_view d) {
  if (d.size() >= 3 && static_cast<unsigned char>(d[0]) == 0xFF && static_cast<unsigned char>(d[1]) == 0xD8 &&
      static_cast<unsigned char>(d[2]) == 0xFF) {
    return ImageFormat::kJpeg;
  }
  if (d.size() >= 8 && d.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageFormat::kPng;
  if (d.size() >= 12 && d.substr(0, 4) == "RIFF" && d.substr(8, 4) == "WEBP") return ImageFormat::kWebp;
  return std::nullopt;
}

std::string_view PhotoProblemKey(PhotoProblem p) {
  switch (p) {
    case PhotoProblem::kEmpty:
      return "web.photo.empty";
    case PhotoProblem::kTooLarge:
      return "web.photo.too_large";
    case PhotoProblem::kNotAnImage:
      return "web.photo.not_an_image";
  }
  return "web.photo.not_an_image";
}

Expected<Photo, PhotoProblem> ReencodePhoto(std::string_view data, const PhotoLimits& limits) {
  if (data.empty()) return PhotoProblem::kEmpty;
  if (data.size() > limits.max_bytes) return PhotoProblem::kTooLarge;
  std::optional<ImageFormat> format = DetectFormat(data);
  if (!format) return PhotoProblem::kNotAnImage;
  InitialiseOnce();
  try {
    Magick::Blob blob(data.data(), data.size());
    // Read the header first: refuse a huge picture before decoding it.
    Magick::Image header;
    header.magick(CoderName(*format));
    header.ping(blob);
    int64_t pixels = static_cast<int64_t>(header.columns()) * static_cast<int64_t>(header.rows());
    if (header.columns() == 0 || header.rows() == 0) return PhotoProblem::kNotAnImage;
    if (pixels > limits.max_pixels) return PhotoProblem::kTooLarge;

    Magick::Image image;
    image.magick(CoderName(*format));
    image.read(blob);
    image.autoOrient();
    Magick::Geometry box(limits.output_max_side, limits.output_max_side);
    box.greater(true);  // only shrink
    image.resize(box);
    if (image.matte()) {
      // JPEG has no transparency: put the picture on white.
      image.backgroundColor(Magick::Color("white"));
      image.alphaChannel(MagickCore::RemoveAlphaChannel);
    }
    image.strip();  // every profile and comment: EXIF, GPS, XMP, IPTC, ICC
    image.magick("JPEG");
    image.quality(static_cast<size_t>(limits.jpeg_quality));
    image.interlaceType(Magick::PlaneInterlace);
    Magick::Blob out;
    image.write(&out);
    Photo photo;
    photo.jpeg.assign(static_cast<const char*>(out.data()), out.length());
    photo.width = static_cast<int>(image.columns());
    photo.height = static_cast<int>(image.rows());
    return photo;
  } catch (const std::exception&) {
    // Magick++ throws for a corrupt or truncated picture (and for warnings
    // treated as errors): not a picture we can keep.
    return PhotoProblem::kNotAnImage;
  }
}

}  // namespace wp::image
