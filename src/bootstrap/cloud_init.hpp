// cloud-init user data: a #cloud-config document with write_files (each file's path, owner,
// permissions and content) and runcmd (argv lists), written as YAML by hand so that the same input
// always gives the same bytes. Content goes in as a literal block when it is plain text, else
// base64; when the whole document would exceed EC2's 16 KB, the larger files are gzipped
// (cloud-init's `encoding: gz+b64`), and when even that does not fit, the whole document is
// gzipped (cloud-init recognises gzip's magic bytes and inflates it before parsing). Deterministic
// either way: no timestamp in the gzip header.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "util/result.hpp"

namespace hopper::bootstrap {

struct NodeFile {
  std::string path;  // absolute on the node
  std::string content;
  std::string permissions = "0644";
  std::string owner = "root:root";
};

struct CloudConfig {
  std::string comment;  // one line, after #cloud-config
  std::vector<NodeFile> files;
  std::vector<std::vector<std::string>> runcmd;  // each an argv
  std::vector<std::string> settings;             // extra top-level lines, e.g. "ssh_pwauth: false"
};

enum class Compression { none, large_files };

// The document. With Compression::large_files every file over k_compress_threshold bytes is
// gzipped and base64-encoded.
std::string to_user_data(const CloudConfig& config, Compression compression);
inline constexpr std::size_t k_compress_threshold = 512;

// The plain document when it fits in `limit` bytes, else the one with its larger files gzipped,
// else the gzip of the whole plain document; an error when even that does not fit.
util::Result<std::string> render_user_data(const CloudConfig& config, std::size_t limit);

// gzip (RFC 1952) of `data` at level 9 with a zero timestamp: the same input, the same bytes.
std::string gzip(std::string_view data);
// The inverse, for tests and `hopper render`; an error on corrupt input.
util::Result<std::string> gunzip(std::string_view data);
// True when `user_data` is a gzipped document (starts with gzip's magic bytes 1f 8b).
bool is_gzipped(std::string_view user_data);
// The #cloud-config text of `user_data`: inflated when it is gzipped as a whole, else unchanged
// (also when it does not inflate: the caller then sees the bytes as they are).
std::string readable_user_data(const std::string& user_data);

}  // namespace hopper::bootstrap
