#include "core/image/photo.h"

#include <Magick++.h>
#include <gtest/gtest.h>

#include <string>

#include "testing/photos.h"

namespace wp::image {
namespace {

using testing::MakePicture;
using testing::WithExif;

Magick::Image Decode(const std::string& bytes) {
  Magick::Image img;
  img.read(Magick::Blob(bytes.data(), bytes.size()));
  return img;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(PhotoTest, ExifAndGpsAreGoneAndTheOrientationIsApplied) {
  std::string original = WithExif(MakePicture("JPEG", 40, 20));
  Magick::Image before = Decode(original);
  ASSERT_EQ(before.attribute("EXIF:Make"), "TestCam") << "the test picture really carries EXIF";
  ASSERT_FALSE(before.attribute("EXIF:GPSLatitude").empty()) << "and a GPS position";

  auto photo = ReencodePhoto(original);
  ASSERT_TRUE(photo.has_value());
  EXPECT_EQ(DetectFormat(photo->jpeg), ImageFormat::kJpeg);
  EXPECT_FALSE(Contains(photo->jpeg, "Exif"));
  EXPECT_FALSE(Contains(photo->jpeg, "TestCam"));
  Magick::Image after = Decode(photo->jpeg);
  EXPECT_TRUE(after.attribute("EXIF:Make").empty());
  EXPECT_TRUE(after.attribute("EXIF:GPSLatitude").empty());
  EXPECT_EQ(photo->width, 20) << "orientation 6: turned upright";
  EXPECT_EQ(photo->height, 40);
  EXPECT_EQ(after.columns(), 20u);
}

TEST(PhotoTest, PngAndWebpBecomeJpegWithoutTheirText) {
  for (const char* format : {"PNG", "WEBP"}) {
    std::string original = MakePicture(format, 30, 10, "GPS 52.38 4.64 bij mijn huis");
    auto photo = ReencodePhoto(original);
    ASSERT_TRUE(photo.has_value()) << format;
    EXPECT_EQ(DetectFormat(photo->jpeg), ImageFormat::kJpeg) << format;
    EXPECT_FALSE(Contains(photo->jpeg, "bij mijn huis")) << format;
    EXPECT_EQ(photo->width, 30) << format;
  }
}

TEST(PhotoTest, LargePicturesAreScaledDownNeverUp) {
  PhotoLimits limits;
  limits.output_max_side = 600;
  auto big = ReencodePhoto(MakePicture("PNG", 3000, 1000), limits);
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->width, 600);
  EXPECT_EQ(big->height, 200);
  auto small = ReencodePhoto(MakePicture("PNG", 50, 40), limits);
  ASSERT_TRUE(small.has_value());
  EXPECT_EQ(small->width, 50);
}

TEST(PhotoTest, RefusesWhatIsNotAPhotoOrTooBig) {
  std::string jpeg = MakePicture("JPEG", 40, 20);
  struct Case {
    const char* what;
    std::string data;
    PhotoLimits limits;
    PhotoProblem want;
  } cases[] = {
      {"empty", "", {}, PhotoProblem::kEmpty},
      {"text", "hallo, dit is geen foto", {}, PhotoProblem::kNotAnImage},
      {"svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", {}, PhotoProblem::kNotAnImage},
      {"gif", "GIF89a\x01\x00\x01\x00", {}, PhotoProblem::kNotAnImage},
      {"a JPEG start and nothing else", "\xFF\xD8\xFF\xE0 rest is garbage", {}, PhotoProblem::kNotAnImage},
      {"truncated JPEG", jpeg.substr(0, jpeg.size() / 3), {}, PhotoProblem::kNotAnImage},
      {"over the byte limit", jpeg, PhotoLimits{.max_bytes = 100}, PhotoProblem::kTooLarge},
      {"over the pixel limit", MakePicture("PNG", 2000, 1000), PhotoLimits{.max_pixels = 1'000'000},
       PhotoProblem::kTooLarge},
  };
  for (const auto& c : cases) {
    auto r = ReencodePhoto(c.data, c.limits);
    ASSERT_FALSE(r.has_value()) << c.what;
    EXPECT_EQ(r.error(), c.want) << c.what;
  }
  EXPECT_EQ(PhotoProblemKey(PhotoProblem::kTooLarge), "web.photo.too_large");
}

}  // namespace
}  // namespace wp::image
