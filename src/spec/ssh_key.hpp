// The SSH public key named by sshKey.publicKeyPath: where it is, and whether the file really
// holds one OpenSSH public key (and not, say, the private key).
//
// Thread-safety: pure functions, except read_public_key which reads one file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace hopper::spec {

// The key types accepted: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521.
bool is_supported_key_type(std::string_view type);
// True for ssh-ed25519 and ssh-rsa, the only types EC2 ImportKeyPair accepts.
bool is_ec2_key_type(std::string_view type);

// Where `written` points: "~/" expanded to the home folder, a relative path taken from
// `base_dir` (the spec file's folder), an absolute path unchanged.
std::filesystem::path resolve_key_path(const std::string& written, const std::filesystem::path& base_dir);

// The one public-key line of an authorized_keys-style file `content` ("type base64 [comment]",
// trimmed), or an Error (ExitCode::usage) whose message is one sentence about `display` (the
// path as the user wrote it). Never quotes the content: a private key must not reach a log.
//   "key.pub is empty (expected one line like ssh-ed25519 AAAA... you@host)"
//   "~/.ssh/id_ed25519 is a private key; point sshKey.publicKeyPath at the public key (~/.ssh/id_ed25519.pub)"
//   "key.pub is not an OpenSSH public key (expected one line like ssh-ed25519 AAAA... you@host)"
//   "key.pub holds a ssh-dss key; use ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521"
//   "key.pub holds 2 keys; expected exactly one"
// The base64 part must decode to a key blob whose embedded type matches the first word.
util::Result<std::string> parse_public_key(std::string_view content, const std::string& display);

// Reads `resolved` and parses it as above. Errors name `display`:
//   "~/.ssh/id_ed25519.pub does not exist (create a key with: ssh-keygen -t ed25519)"
//   "cannot read key.pub: Permission denied"
util::Result<std::string> read_public_key(const std::filesystem::path& resolved, const std::string& display);

}  // namespace hopper::spec
