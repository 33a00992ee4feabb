#include "testing/photos.h"

#include <Magick++.h>

#include <cstdint>

namespace wp::testing {

namespace {

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

}  // namespace

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

std::string MakePicture(const char* format, int w, int h, const std::string& comment) {
  Magick::InitializeMagick(nullptr);
  Magick::Image img(Magick::Geometry(w, h), Magick::Color("orange"));
  img.magick(format);
  if (!comment.empty()) img.comment(comment);
  Magick::Blob b;
  img.write(&b);
  return std::string(static_cast<const char*>(b.data()), b.length());
}

std::string WithExif(const std::string& jpeg) { return jpeg.substr(0, 2) + ExifSegment() + jpeg.substr(2); }

}  // namespace wp::testing
