// Pictures for tests of photo uploads, made with Magick++: plain ones and a
// JPEG carrying EXIF (camera make "TestCam", orientation 6) and a GPS position.
#pragma once

#include <string>

namespace wp::testing {

// A picture of `w` x `h` pixels in `format` ("JPEG", "PNG", "WEBP"), with an
// optional comment.
std::string MakePicture(const char* format, int w, int h, const std::string& comment = "");
// An EXIF block (APP1 segment) written byte by byte: camera make "TestCam",
// orientation 6 (turn 90 degrees clockwise to show upright) and a GPS
// latitude N 52 23 12.34.
std::string ExifSegment();
// `jpeg` with the EXIF block inserted right after its start marker.
std::string WithExif(const std::string& jpeg);

}  // namespace wp::testing
