// SSH host keys and hopper's known_hosts: how hopper knows, before it connects, which key each
// machine of the cluster must present.
//
// The keys come from the instances' console output (EC2 GetConsoleOutput), where cloud-init's
// keys-to-console module prints them between
//   -----BEGIN SSH HOST KEY KEYS-----
//   -----END SSH HOST KEY KEYS-----
// The console is written by the instance and read through the AWS API with the operator's
// credentials, so it is a channel an attacker on the network path cannot forge: never trust on
// first use. hopper keeps what it read in a known_hosts file of its own (in the cluster's state
// folder), one line per key, keyed by instance id (ssh's HostKeyAlias): an address reused by a
// new instance never matches the old instance's key.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::access {

struct HostKey {
  std::string type;     // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
  std::string base64;   // the key blob as OpenSSH writes it
  std::string comment;  // e.g. "root@ip-10-0-1-10"; may be empty

  // "<type> <base64>" (no comment).
  std::string str() const { return type + " " + base64; }
  bool operator==(const HostKey& other) const { return type == other.type && base64 == other.base64; }
};

// True for the public key algorithms OpenSSH host keys use.
bool is_host_key_type(std::string_view type);

// One key from "<type> <base64> [comment]", checked: a known type and a blob that decodes and
// names that same type inside (so a key cut in two by console noise is refused). Leading words
// that are not a key type (an "ec2:" prefix, a "[ 12.3] cloud-init[811]:" stamp) are skipped.
// nullopt when the line holds no such key.
std::optional<HostKey> find_host_key(std::string_view line);

// The same for a key given by the user ("<type> <base64> [comment]", or a known_hosts line
// "<host> <type> <base64>"). Error (usage) says what is wrong with `text`.
util::Result<HostKey> parse_host_key(std::string_view text);

// The host keys in `console` (EC2 console output): those of the last complete
// BEGIN/END SSH HOST KEY KEYS block that holds at least one valid key, one per type, in the
// order printed. Empty when there is no such block yet (the boot has not reached cloud-init's
// final stage, or the output scrolled past it). Lines may carry prefixes and carriage returns;
// lines of other output interleaved inside the block are skipped.
std::vector<HostKey> parse_console_host_keys(std::string_view console);

// hopper's known_hosts: alias (an instance id, or the name of an override) -> keys.
using KnownHosts = std::map<std::string, std::vector<HostKey>>;

// The file's text: a comment line, then "<alias> <type> <base64>" per key, sorted by alias.
std::string render_known_hosts(const KnownHosts& hosts);
// Reads text written by render_known_hosts (comments and lines it cannot read are skipped).
KnownHosts parse_known_hosts(std::string_view text);

// The last `lines` lines of `console`, without carriage returns and trailing blank lines, for
// showing a failed boot.
std::string console_tail(std::string_view console, std::size_t lines);

}  // namespace hopper::access
