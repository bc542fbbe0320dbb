#include "util/cidr.hpp"

#include <charconv>

namespace hopper::util {
namespace {

// 0xFFFFFFFF << (32 - prefix), without the undefined shift by 32.
std::uint32_t mask_of(int prefix) {
  return prefix == 0 ? 0u : ~std::uint32_t{0} << (32 - prefix);
}

// A decimal number of 1..`max_digits` digits without leading zeros; nullopt otherwise.
std::optional<unsigned> parse_decimal(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  if (text.size() > 1 && text.front() == '0') return std::nullopt;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Ipv4> Ipv4::parse(std::string_view text) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t dot = text.find('.');
    const bool last = i == 3;
    if (last != (dot == std::string_view::npos)) return std::nullopt;
    const auto octet = parse_decimal(text.substr(0, dot), 3);
    if (!octet || *octet > 255) return std::nullopt;
    value = (value << 8) | *octet;
    if (!last) text.remove_prefix(dot + 1);
  }
  return Ipv4{value};
}

std::string Ipv4::str() const {
  return std::to_string(value >> 24) + "." + std::to_string((value >> 16) & 0xff) + "." +
         std::to_string((value >> 8) & 0xff) + "." + std::to_string(value & 0xff);
}

Result<Cidr> Cidr::parse(std::string_view text) {
  // (Built with append: GCC 12 -O3 warns falsely, -Wrestrict, on "literal" + std::string.)
  const std::string quoted = std::string("'").append(text).append("'");
  const auto junk = [&] {
    return Error::usage(quoted + " is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  };
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return junk();
  const auto address = Ipv4::parse(text.substr(0, slash));
  if (!address) return junk();
  const auto prefix = parse_decimal(text.substr(slash + 1), 2);
  if (!prefix) return junk();
  if (*prefix > 32) {
    return Error::usage(quoted + " is not an IPv4 CIDR: the prefix length must be 0 to 32");
  }
  const Cidr cidr = containing(*address, static_cast<int>(*prefix));
  if (cidr.network != *address) {
    return Error::usage(std::string(text) + " has host bits set (did you mean " + cidr.str() + "?)");
  }
  return cidr;
}

Cidr Cidr::containing(Ipv4 address, int prefix) {
  return Cidr{Ipv4{address.value & mask_of(prefix)}, prefix};
}

bool Cidr::contains(Ipv4 address) const {
  return (address.value & mask_of(prefix)) == network.value;
}

bool Cidr::contains(const Cidr& other) const {
  return other.prefix >= prefix && contains(other.network);
}

bool Cidr::overlaps(const Cidr& other) const {
  // Two aligned blocks overlap exactly when the larger one holds the smaller one.
  return contains(other) || other.contains(*this);
}

std::uint64_t Cidr::size() const { return std::uint64_t{1} << (32 - prefix); }

std::uint64_t Cidr::usable_addresses() const {
  const std::uint64_t n = size();
  return n > 5 ? n - 5 : 0;
}

bool Cidr::is_aws_reserved(Ipv4 address) const {
  if (!contains(address)) return false;
  const std::uint64_t offset = address.value - network.value;
  return offset <= 3 || address == last();
}

Ipv4 Cidr::last() const { return Ipv4{network.value | ~mask_of(prefix)}; }

Ipv4 Cidr::at(std::uint64_t offset) const {
  return Ipv4{network.value + static_cast<std::uint32_t>(offset)};
}

std::vector<Cidr> Cidr::split(int new_prefix) const {
  std::vector<Cidr> out;
  if (new_prefix < prefix || new_prefix > 32) return out;
  const std::uint64_t count = std::uint64_t{1} << (new_prefix - prefix);
  const std::uint64_t step = std::uint64_t{1} << (32 - new_prefix);
  out.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    out.push_back(Cidr{Ipv4{network.value + static_cast<std::uint32_t>(i * step)}, new_prefix});
  }
  return out;
}

std::string Cidr::str() const { return network.str() + "/" + std::to_string(prefix); }

}  // namespace hopper::util
