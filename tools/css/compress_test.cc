#include "compress.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace wp::css {
namespace {

std::string SampleCss() {
  std::string css;
  for (int i = 0; i < 200; ++i)
    css += ".utrecht-button--" + std::to_string(i) + "{color:var(--utrecht-color-red-40)}\n";
  return css;
}

TEST(Compress, GzipRoundTripsAndIsReproducible) {
  std::string css = SampleCss();
  std::string gz = Gzip(css);
  ASSERT_GE(gz.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f) << "gzip magic";
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
  EXPECT_EQ(gz.substr(4, 4), std::string(4, '\0')) << "no modification time: the same build, the same bytes";
  EXPECT_LT(gz.size(), css.size() / 4);
  EXPECT_EQ(Gunzip(gz), css);
  EXPECT_EQ(Gzip(css), gz);
  EXPECT_EQ(Gunzip(Gzip("")), "");
}

TEST(Compress, BrotliRoundTripsAndBeatsGzip) {
  std::string css = SampleCss();
  std::string br = Brotli(css);
  EXPECT_EQ(Unbrotli(br), css);
  EXPECT_LT(br.size(), Gzip(css).size());
  EXPECT_EQ(Unbrotli(Brotli("")), "");
}

TEST(Compress, DamagedInputIsRefused) {
  std::string gz = Gzip(SampleCss());
  EXPECT_THROW(Gunzip(gz.substr(0, gz.size() / 2)), std::runtime_error);
  std::string br = Brotli(SampleCss());
  EXPECT_THROW(Unbrotli(br.substr(0, br.size() / 2)), std::runtime_error);
}

}  // namespace
}  // namespace wp::css
