#include "core/image/photo.h"

#include <Magick++.h>
#include <gtest/gtest.h>

#include <string>

namespace wp::image {
namespace {

// A picture of `w` x `h` pixels in `format` ("JPEG", "PNG", "WEBP"), with an
// optional comment.
std::string MakePicture(const char* format, int w, int h, const std::string& comment = "") {
  Magick::InitializeMagick(nullptr);
  Magick::Image img(Magick::Geometry(w, h), Magick::Color("orange"));
  img.magick(format);
  if (!comment.empty()) img.comment(comment);
  Magick::Blob b;
  img.write(&b);
  return std::string(static_cast<const char*>(b.data()), b.length());
}

void Put16(std::string& s, int v) {
  s.push_back(static_cast<char>((v >> 8) & 0xff));
  s.push_back(static_cast<char>(v & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, static_cast<int>(v >> 16));
  Put16(s, static_cast<int>(v & 0xffff));
}
void Entry(std::string& s, int tag, int type, uint32_t count, uint32_t value) {
  Put16(s, tag);
  Put16(s, type);
  Put32(s, count);
  Put32(s, value);
}

// An EXIF block (APP1 segment) written byte by byte: camera make "TestCam",
// orientation 6 (turn 90 degrees clockwise to show upright) and a GPS
// latitude N 52 23 12.34.
std::string ExifSegment() {
  std::string tiff = "MM";
  Put16(tiff, 42);
  Put32(tiff, 8);                 // IFD0 right after the header
  Put16(tiff, 3);                 // IFD0: 3 entries, ends at 8 + 2 + 36 + 4 = 50
  Entry(tiff, 0x010F, 2, 8, 50);  // Make -> "TestCam\0" at 50
  Put16(tiff, 0x0112);            // Orientation, SHORT, value 6 in the first half
  Put16(tiff, 3);
  Put32(tiff, 1);
  Put16(tiff, 6);
  Put16(tiff, 0);
  Entry(tiff, 0x8825, 4, 1, 58);        // GPS IFD at 58
  Put32(tiff, 0);                       // no next IFD
  tiff += std::string("TestCam\0", 8);  // 50..58
  Put16(tiff, 2);                       // GPS IFD: 2 entries, ends at 58 + 2 + 24 + 4 = 88
  Put16(tiff, 0x0001);                  // GPSLatitudeRef "N"
  Put16(tiff, 2);
  Put32(tiff, 2);
  tiff += std::string("N\0\0\0", 4);
  Entry(tiff, 0x0002, 5, 3, 88);  // GPSLatitude, 3 rationals at 88
  Put32(tiff, 0);
  for (uint32_t v : {52u, 1u, 23u, 1u, 1234u, 100u}) Put32(tiff, v);
  std::string app1 = "\xFF\xE1";
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  Put16(app1, static_cast<int>(payload.size() + 2));
  return app1 + payload;
}

// `jpeg` with the EXIF block inserted right after its start marker.
std::string WithExif(const std::string& jpeg) { return jpeg.substr(0, 2) + ExifSegment() + jpeg.substr(2); }

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
