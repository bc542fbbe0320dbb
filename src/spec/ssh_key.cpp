#include "spec/ssh_key.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "codec/base64.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::spec {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_example = " (expected one line like ssh-ed25519 AAAA... you@host)";

bool is_private_key(std::string_view content) {
  return content.find("PRIVATE KEY-----") != std::string_view::npos ||
         content.find("PuTTY-User-Key-File") != std::string_view::npos;
}

// The key type stored at the start of an SSH key blob (a uint32 length, then the name).
std::string blob_type(std::string_view blob) {
  if (blob.size() < 4) return {};
  const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(blob[i])); };
  const std::uint32_t length = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
  if (length > blob.size() - 4) return {};
  return std::string(blob.substr(4, length));
}

}  // namespace

bool is_supported_key_type(std::string_view type) {
  return type == "ssh-ed25519" || type == "ssh-rsa" || type == "ecdsa-sha2-nistp256" ||
         type == "ecdsa-sha2-nistp384" || type == "ecdsa-sha2-nistp521";
}

bool is_ec2_key_type(std::string_view type) { return type == "ssh-ed25519" || type == "ssh-rsa"; }

fs::path resolve_key_path(const std::string& written, const fs::path& base_dir) {
  const fs::path expanded = util::expand_user(written);
  if (expanded.is_absolute() || base_dir.empty()) return expanded;
  return base_dir / expanded;
}

util::Result<std::string> parse_public_key(std::string_view content, const std::string& display) {
  const auto fail = [&](const std::string& sentence) { return util::Error::usage(sentence); };
  if (is_private_key(content)) {
    const bool has_pub = display.size() > 4 && display.compare(display.size() - 4, 4, ".pub") == 0;
    return fail(display + " is a private key; point sshKey.publicKeyPath at the public key" +
                (has_pub ? std::string() : " (" + display + ".pub)"));
  }
  std::vector<std::string> lines;
  for (const auto& raw : util::split(content, '\n')) {
    const std::string_view line = util::trim(raw);
    if (!line.empty() && line.front() != '#') lines.emplace_back(line);
  }
  if (lines.empty()) return fail(display + " is empty" + std::string(k_example));
  if (content.find("BEGIN SSH2 PUBLIC KEY") != std::string_view::npos) {
    return fail(display + " is an RFC 4716 (SSH2) public key; convert it with: ssh-keygen -i -f " + display);
  }
  const std::vector<std::string> words = util::split_words(lines[0]);
  const bool looks_like_key = words.size() >= 2 && words[1].rfind("AAAA", 0) == 0;
  if (!looks_like_key) return fail(display + " is not an OpenSSH public key" + std::string(k_example));
  if (!is_supported_key_type(words[0])) {
    return fail(display + " holds a " + words[0] +
                " key; use ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521");
  }
  const auto blob = codec::base64_decode(words[1]);
  if (!blob || blob_type(*blob) != words[0]) {
    return fail(display + " is not an OpenSSH public key: its " + words[0] + " key data is damaged");
  }
  if (lines.size() > 1) {
    return fail(display + " holds " + std::to_string(lines.size()) + " keys; expected exactly one");
  }
  return lines[0];
}

util::Result<std::string> read_public_key(const fs::path& resolved, const std::string& display) {
  std::error_code ec;
  const auto status = fs::status(resolved, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return util::Error::usage("cannot read " + display + ": " + ec.message());
  }
  if (!fs::exists(status)) {
    return util::Error::usage(display + " does not exist (create a key with: ssh-keygen -t ed25519)");
  }
  if (fs::is_directory(status)) {
    return util::Error::usage(display + " is a folder, not a public key file");
  }
  std::ifstream in(resolved, std::ios::binary);
  if (!in) return util::Error::usage("cannot read " + display + ": " + std::strerror(errno));
  // A public key is a few hundred bytes; a huge file is not one (and is not worth reading whole).
  constexpr std::size_t k_max_size = 64 * 1024;
  std::string content(k_max_size + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<std::size_t>(in.gcount()));
  if (content.size() > k_max_size) {
    return util::Error::usage(display + " is not an OpenSSH public key" + std::string(k_example));
  }
  return parse_public_key(content, display);
}

}  // namespace hopper::spec
