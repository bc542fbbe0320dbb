#include "png_check.hpp"

#include <zlib.h>

#include <cstdlib>

namespace hopper::test {
namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

}  // namespace

PngImage read_png(const std::string& bytes) {
  PngImage image;
  if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    image.error = "no PNG signature";
    return image;
  }
  std::string compressed;
  int bit_depth = 0;
  int interlace = 0;
  for (std::size_t at = 8; at + 8 <= bytes.size();) {
    const std::uint32_t length = be32(bytes, at);
    const std::string type = bytes.substr(at + 4, 4);
    if (at + 12 + length > bytes.size()) {
      image.error = "truncated chunk " + type;
      return image;
    }
    if (type == "IHDR") {
      image.width = static_cast<int>(be32(bytes, at + 8));
      image.height = static_cast<int>(be32(bytes, at + 12));
      bit_depth = static_cast<unsigned char>(bytes[at + 16]);
      image.color_type = static_cast<unsigned char>(bytes[at + 17]);
      interlace = static_cast<unsigned char>(bytes[at + 20]);
    } else if (type == "IDAT") {
      compressed += bytes.substr(at + 8, length);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + length;
  }
  image.idat_bytes = compressed.size();
  const int channels = image.color_type == 6 ? 4 : image.color_type == 2 ? 3 : 0;
  if (bit_depth != 8 || channels == 0 || interlace != 0 || image.width <= 0 || image.height <= 0) {
    image.error = "unsupported PNG layout (depth " + std::to_string(bit_depth) + ", colour type " +
                  std::to_string(image.color_type) + ")";
    return image;
  }
  const std::size_t stride = static_cast<std::size_t>(image.width) * channels;
  std::string raw((stride + 1) * static_cast<std::size_t>(image.height), '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()),
                 static_cast<uLong>(compressed.size())) != Z_OK ||
      raw_size != raw.size()) {
    image.error = "pixel data does not inflate to the image size";
    return image;
  }
  std::vector<unsigned char> previous(stride, 0), current(stride, 0);
  image.pixels.reserve(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const std::size_t row = static_cast<std::size_t>(y) * (stride + 1);
    const int filter = static_cast<unsigned char>(raw[row]);
    for (std::size_t x = 0; x < stride; ++x) {
      const int value = static_cast<unsigned char>(raw[row + 1 + x]);
      const int a = x >= static_cast<std::size_t>(channels) ? current[x - channels] : 0;
      const int b = previous[x];
      const int c = x >= static_cast<std::size_t>(channels) ? previous[x - channels] : 0;
      int out = value;
      switch (filter) {
        case 1: out = value + a; break;
        case 2: out = value + b; break;
        case 3: out = value + (a + b) / 2; break;
        case 4: out = value + paeth(a, b, c); break;
        default: break;
      }
      current[x] = static_cast<unsigned char>(out & 0xff);
    }
    for (int x = 0; x < image.width; ++x) {
      const std::size_t p = static_cast<std::size_t>(x) * channels;
      image.pixels.push_back((static_cast<std::uint32_t>(current[p]) << 16) | (static_cast<std::uint32_t>(current[p + 1]) << 8) |
                             current[p + 2]);
    }
    previous.swap(current);
  }
  return image;
}

}  // namespace hopper::test
