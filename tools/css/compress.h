// Precompression of static files at build time: gzip (zlib, level 9, no
// name or time in the header, so builds are reproducible) and brotli
// (libbrotli, quality 11). Both throw std::runtime_error on failure.
#pragma once

#include <string>
#include <string_view>

namespace wp::css {

std::string Gzip(std::string_view data);
std::string Brotli(std::string_view data);

// The inverses, for tests.
std::string Gunzip(std::string_view data);
std::string Unbrotli(std::string_view data);

}  // namespace wp::css
