#include "bootstrap/cloud_init.hpp"

#include <zlib.h>

#include "codec/base64.hpp"

namespace hopper::bootstrap {
namespace {

// Content a YAML literal block (`|`) reproduces exactly: printable ASCII lines (tabs allowed), a
// final newline and no extra ones, no line starting with a space before the first non-space
// line... kept simple: the first line must not start with a space.
bool is_literal_safe(const std::string& text) {
  if (text.empty() || text.back() != '\n' || text.front() == ' ' || text.front() == '\n') return false;
  if (text.size() >= 2 && text[text.size() - 2] == '\n') return false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u == '\n' || u == '\t') continue;
    if (u < 0x20 || u >= 0x7f) return false;
  }
  // Trailing spaces survive a literal block, but a line of only spaces followed by more
  // indentation confuses readers: refuse lines that end with a space.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\n' && text[i - 1] == ' ') return false;
  }
  return true;
}

// A YAML single-quoted scalar.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

void append_file(std::string& out, const NodeFile& file, Compression compression) {
  out += "- path: " + quoted(file.path) + "\n";
  out += "  owner: " + quoted(file.owner) + "\n";
  out += "  permissions: " + quoted(file.permissions) + "\n";
  if (compression == Compression::large_files && file.content.size() > k_compress_threshold) {
    out += "  encoding: gz+b64\n";
    out += "  content: " + quoted(codec::base64_encode(gzip(file.content))) + "\n";
  } else if (is_literal_safe(file.content)) {
    out += "  content: |\n";
    std::size_t start = 0;
    while (start < file.content.size()) {
      const std::size_t end = file.content.find('\n', start);
      const std::string line = file.content.substr(start, end - start);
      out += line.empty() ? "\n" : "    " + line + "\n";
      start = end + 1;
    }
  } else {
    out += "  encoding: b64\n";
    out += "  content: " + quoted(codec::base64_encode(file.content)) + "\n";
  }
}

}  // namespace

std::string to_user_data(const CloudConfig& config, Compression compression) {
  std::string out = "#cloud-config\n";
  if (!config.comment.empty()) out += "# " + config.comment + "\n";
  for (const auto& line : config.settings) out += line + "\n";
  if (!config.files.empty()) {
    out += "write_files:\n";
    for (const auto& file : config.files) append_file(out, file, compression);
  }
  if (!config.runcmd.empty()) {
    out += "runcmd:\n";
    for (const auto& argv : config.runcmd) {
      out += "-";
      const char* sep = " [";
      for (const auto& arg : argv) {
        out += sep + quoted(arg);
        sep = ", ";
      }
      out += "]\n";
    }
  }
  return out;
}

util::Result<std::string> render_user_data(const CloudConfig& config, std::size_t limit) {
  std::string plain = to_user_data(config, Compression::none);
  if (plain.size() <= limit) return plain;
  std::string compressed = to_user_data(config, Compression::large_files);
  if (compressed.size() <= limit) return compressed;
  std::string whole = gzip(plain);
  if (!whole.empty() && whole.size() <= limit) return whole;
  return util::Error::failed("user data (" + config.comment + ") is " + std::to_string(whole.size()) +
                             " bytes even gzipped as a whole; EC2 takes at most " + std::to_string(limit));
}

std::string gzip(std::string_view data) {
  z_stream stream{};
  // 15 + 16: a gzip wrapper; zlib writes a header with mtime 0 and no name.
  if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return status == Z_STREAM_END ? out : std::string();
}

util::Result<std::string> gunzip(std::string_view data) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return util::Error::failed("gunzip: zlib failed to start");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return util::Error::failed("gunzip: corrupt or truncated data");
  return out;
}

bool is_gzipped(std::string_view user_data) {
  return user_data.size() >= 2 && static_cast<unsigned char>(user_data[0]) == 0x1f &&
         static_cast<unsigned char>(user_data[1]) == 0x8b;
}

std::string readable_user_data(const std::string& user_data) {
  if (!is_gzipped(user_data)) return user_data;
  auto text = gunzip(user_data);
  return text ? *text : user_data;
}

}  // namespace hopper::bootstrap
