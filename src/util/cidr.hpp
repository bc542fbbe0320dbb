// IPv4 addresses and CIDR blocks: parse, print, contain, overlap, split, and count addresses the
// way AWS does. Pure value types with no project knowledge; thread-safe (no shared state).
//
//   auto vpc = util::Cidr::parse("10.0.0.0/16");     // Result<Cidr>
//   vpc->split(20)[1].str()                           // "10.0.16.0/20"
//   util::Cidr::parse("10.0.0.0/20")->usable_addresses()   // 4091 (AWS keeps 5 per subnet)
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::util {

struct Ipv4 {
  std::uint32_t value = 0;  // host byte order: 10.0.0.1 is 0x0A000001

  // The address a.b.c.d.
  static constexpr Ipv4 from_octets(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d);
  // Dotted decimal "a.b.c.d": exactly four decimal octets 0..255, no leading zeros ("010" is
  // rejected because other tools read it as octal), no spaces, no prefix. nullopt otherwise.
  static std::optional<Ipv4> parse(std::string_view text);
  // "a.b.c.d".
  std::string str() const;

  auto operator<=>(const Ipv4&) const = default;
};

struct Cidr {
  Ipv4 network;    // the first address; host bits are always zero
  int prefix = 0;  // 0..32

  // "a.b.c.d/n" with a valid Ipv4 address and n in 0..32 written without leading zeros.
  // Errors (ExitCode::usage), each one sentence that quotes the input:
  //   "'10.0.0/16' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)"
  //   "'10.0.0.0/33' is not an IPv4 CIDR: the prefix length must be 0 to 32"
  //   "10.0.0.1/16 has host bits set (did you mean 10.0.0.0/16?)"
  static Result<Cidr> parse(std::string_view text);
  // The block of `prefix` bits that holds `address` (host bits cleared). REQUIRES: 0 <= prefix <= 32.
  static Cidr containing(Ipv4 address, int prefix);

  bool contains(Ipv4 address) const;
  // True when every address of `other` is in this block.
  bool contains(const Cidr& other) const;
  // True when the two blocks share at least one address.
  bool overlaps(const Cidr& other) const;

  // Number of addresses: 2^(32 - prefix).
  std::uint64_t size() const;
  // Addresses an instance can use when the block is an AWS subnet: size() - 5, because AWS keeps
  // the network address, +1 (VPC router), +2 (DNS), +3 (reserved for future use) and the last
  // (broadcast). A /20 has 4091. 0 for blocks of 5 addresses or fewer.
  std::uint64_t usable_addresses() const;
  // True when `address` is one of the five addresses AWS keeps in this block taken as a subnet
  // (see usable_addresses). False for addresses outside the block.
  bool is_aws_reserved(Ipv4 address) const;

  Ipv4 first() const { return network; }
  Ipv4 last() const;
  // The address `offset` positions after first(). REQUIRES: offset < size().
  Ipv4 at(std::uint64_t offset) const;

  // Splits the block into its 2^(new_prefix - prefix) consecutive sub-blocks of `new_prefix`
  // bits, lowest first. Empty when new_prefix < prefix or new_prefix > 32. The caller bounds the
  // count (splitting a /0 into /32s would allocate 2^32 entries).
  std::vector<Cidr> split(int new_prefix) const;

  // "a.b.c.d/n".
  std::string str() const;

  bool operator==(const Cidr&) const = default;
};

// --- Inline implementations ---

constexpr Ipv4 Ipv4::from_octets(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  return Ipv4{(std::uint32_t{a} << 24) | (std::uint32_t{b} << 16) | (std::uint32_t{c} << 8) |
              std::uint32_t{d}};
}

}  // namespace hopper::util
