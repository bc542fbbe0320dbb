#include "access/host_keys.hpp"

#include <algorithm>
#include <array>

#include "codec/base64.hpp"
#include "util/strings.hpp"

namespace hopper::access {
namespace {

constexpr std::string_view k_begin_keys = "-----BEGIN SSH HOST KEY KEYS-----";
constexpr std::string_view k_end_keys = "-----END SSH HOST KEY KEYS-----";

constexpr std::array<std::string_view, 7> k_types = {
    "ssh-ed25519",         "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",           "ecdsa-sha2-nistp521",
    "ssh-rsa",             "ssh-dss",             "sk-ssh-ed25519@openssh.com",
};

bool is_base64_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
  });
}

// The algorithm name inside an SSH public key blob (RFC 4253 section 6.6: string, then fields).
std::optional<std::string> blob_type(std::string_view base64) {
  if (!is_base64_text(base64)) return std::nullopt;
  const auto blob = codec::base64_decode(base64);
  if (!blob || blob->size() < 4) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>((*blob)[i])); };
  const std::uint32_t length = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
  if (length == 0 || length > 64 || blob->size() < 4 + length + 4) return std::nullopt;  // the type and at least one more field
  return blob->substr(4, length);
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out = util::split(text, '\n');
  for (auto& line : out) line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
  return out;
}

}  // namespace

bool is_host_key_type(std::string_view type) {
  return std::find(k_types.begin(), k_types.end(), type) != k_types.end();
}

std::optional<HostKey> find_host_key(std::string_view line) {
  const std::vector<std::string> words = util::split_words(line);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!is_host_key_type(words[i])) continue;
    const auto inner = blob_type(words[i + 1]);
    if (!inner || *inner != words[i]) continue;
    HostKey key{words[i], words[i + 1], ""};
    if (i + 2 < words.size()) key.comment = util::join({words.begin() + static_cast<std::ptrdiff_t>(i) + 2, words.end()}, " ");
    return key;
  }
  return std::nullopt;
}

util::Result<HostKey> parse_host_key(std::string_view text) {
  const std::string trimmed(util::trim(text));
  if (trimmed.empty()) return util::Error::usage("empty host key: give \"<type> <base64>\" as in a .pub file");
  if (const auto key = find_host_key(trimmed)) return *key;
  return util::Error::usage("not an SSH host key: \"" + trimmed.substr(0, 60) +
                            "\" (give \"<type> <base64>\" as in /etc/ssh/ssh_host_ed25519_key.pub)");
}

std::vector<HostKey> parse_console_host_keys(std::string_view console) {
  std::vector<HostKey> last;
  std::vector<HostKey> current;
  bool inside = false;
  for (const std::string& line : lines_of(console)) {
    if (line.find(k_begin_keys) != std::string::npos) {
      inside = true;  // a new block (a second boot prints the keys again): start over
      current.clear();
      continue;
    }
    if (!inside) continue;
    if (line.find(k_end_keys) != std::string::npos) {
      inside = false;
      if (!current.empty()) last = std::move(current);
      current.clear();
      continue;
    }
    const auto key = find_host_key(line);
    if (!key) continue;  // noise printed between the markers (kernel messages, other units)
    const bool seen = std::any_of(current.begin(), current.end(), [&](const HostKey& k) { return k.type == key->type; });
    if (!seen) current.push_back(*key);
  }
  return last;
}

std::string render_known_hosts(const KnownHosts& hosts) {
  std::string out =
      "# hopper: host keys of the cluster's instances, read from their console output (GetConsoleOutput).\n"
      "# Keyed by instance id (ssh HostKeyAlias). Rewritten by hopper; do not edit.\n";
  for (const auto& [alias, keys] : hosts) {
    for (const auto& key : keys) out += alias + " " + key.str() + "\n";
  }
  return out;
}

KnownHosts parse_known_hosts(std::string_view text) {
  KnownHosts out;
  for (const std::string& line : lines_of(text)) {
    const std::string_view trimmed = util::trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const std::vector<std::string> words = util::split_words(trimmed);
    if (words.size() < 3) continue;
    const auto key = find_host_key(util::join({words.begin() + 1, words.end()}, " "));
    if (!key || key->type != words[1]) continue;
    auto& keys = out[words[0]];
    if (std::find(keys.begin(), keys.end(), *key) == keys.end()) keys.push_back(HostKey{key->type, key->base64, ""});
  }
  return out;
}

std::string console_tail(std::string_view console, std::size_t lines) {
  std::vector<std::string> all = lines_of(console);
  while (!all.empty() && util::trim(all.back()).empty()) all.pop_back();
  const std::size_t from = all.size() > lines ? all.size() - lines : 0;
  return util::join({all.begin() + static_cast<std::ptrdiff_t>(from), all.end()}, "\n");
}

}  // namespace hopper::access
