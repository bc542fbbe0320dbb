// A minimal PNG reader for the diagram test: the header, and the pixels of 8-bit RGB/RGBA
// non-interlaced images (what Chromium's --screenshot writes), decoded with zlib.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hopper::test {

struct PngImage {
  int width = 0;
  int height = 0;
  int color_type = 0;          // 2 RGB, 6 RGBA
  std::size_t idat_bytes = 0;  // compressed size of the pixel data
  std::vector<std::uint32_t> pixels;  // 0xRRGGBB, row by row
  std::string error;           // why decoding stopped, "" when it did not
};

PngImage read_png(const std::string& bytes);

}  // namespace hopper::test
