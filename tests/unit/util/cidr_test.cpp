#include "util/cidr.hpp"

#include <gtest/gtest.h>

namespace hopper::util {
namespace {

Cidr cidr(std::string_view text) {
  auto result = Cidr::parse(text);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().message());
  return result.ok() ? *result : Cidr{};
}

Ipv4 ip(std::string_view text) {
  const auto result = Ipv4::parse(text);
  EXPECT_TRUE(result.has_value()) << text;
  return result.value_or(Ipv4{});
}

std::string parse_error(std::string_view text) {
  auto result = Cidr::parse(text);
  if (result.ok()) return "parsed as " + result->str();
  EXPECT_EQ(result.error().exit_code(), ExitCode::usage);
  return result.error().message();
}

TEST(Ipv4Test, ParsesDottedDecimal) {
  EXPECT_EQ(ip("10.0.0.1").value, 0x0A000001u);
  EXPECT_EQ(ip("0.0.0.0").value, 0u);
  EXPECT_EQ(ip("255.255.255.255").value, 0xFFFFFFFFu);
  EXPECT_EQ(ip("192.168.1.20"), Ipv4::from_octets(192, 168, 1, 20));
}

TEST(Ipv4Test, RejectsEverythingElse) {
  for (const char* bad : {"", "10", "10.0.0", "10.0.0.0.0", "10.0.0.256", "10.0.0.-1", "010.0.0.1",
                          "10.00.0.1", "10.0.0.1 ", " 10.0.0.1", "10.0.0.1/32", "a.b.c.d", "1..2.3",
                          "10.0.0.", ".10.0.0", "1000.0.0.1", "10.0.0.+1", "0x0a.0.0.1"}) {
    EXPECT_FALSE(Ipv4::parse(bad).has_value()) << "'" << bad << "'";
  }
}

TEST(Ipv4Test, PrintsAndOrders) {
  EXPECT_EQ(Ipv4::from_octets(10, 0, 16, 255).str(), "10.0.16.255");
  EXPECT_LT(ip("10.0.0.9"), ip("10.0.0.10"));
  EXPECT_GT(ip("11.0.0.0"), ip("10.255.255.255"));
}

TEST(CidrTest, ParsesAndPrints) {
  const Cidr vpc = cidr("10.0.0.0/16");
  EXPECT_EQ(vpc.network, Ipv4::from_octets(10, 0, 0, 0));
  EXPECT_EQ(vpc.prefix, 16);
  EXPECT_EQ(vpc.str(), "10.0.0.0/16");
  EXPECT_EQ(cidr("0.0.0.0/0").str(), "0.0.0.0/0");
  EXPECT_EQ(cidr("203.0.113.7/32").size(), 1u);
}

TEST(CidrTest, RejectsJunkWithASentence) {
  EXPECT_EQ(parse_error("10.0.0.0"), "'10.0.0.0' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0/16"), "'10.0.0/16' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0.0/"), "'10.0.0.0/' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0.0/x"), "'10.0.0.0/x' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("300.0.0.0/8"), "'300.0.0.0/8' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("010.0.0.0/8"), "'010.0.0.0/8' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0.0/016"), "'10.0.0.0/016' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0.0/16/2"), "'10.0.0.0/16/2' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
  EXPECT_EQ(parse_error("10.0.0.0/33"), "'10.0.0.0/33' is not an IPv4 CIDR: the prefix length must be 0 to 32");
  EXPECT_EQ(parse_error(""), "'' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)");
}

TEST(CidrTest, RejectsHostBitsAndSuggestsTheNetwork) {
  EXPECT_EQ(parse_error("10.0.0.1/16"), "10.0.0.1/16 has host bits set (did you mean 10.0.0.0/16?)");
  EXPECT_EQ(parse_error("10.0.17.0/20"), "10.0.17.0/20 has host bits set (did you mean 10.0.16.0/20?)");
  EXPECT_EQ(parse_error("1.2.3.4/0"), "1.2.3.4/0 has host bits set (did you mean 0.0.0.0/0?)");
}

TEST(CidrTest, ContainsAddresses) {
  const Cidr subnet = cidr("10.0.16.0/20");
  EXPECT_TRUE(subnet.contains(ip("10.0.16.0")));
  EXPECT_TRUE(subnet.contains(ip("10.0.31.255")));
  EXPECT_FALSE(subnet.contains(ip("10.0.32.0")));
  EXPECT_FALSE(subnet.contains(ip("10.0.15.255")));
  EXPECT_TRUE(cidr("0.0.0.0/0").contains(ip("255.255.255.255")));
  EXPECT_TRUE(cidr("10.0.0.10/32").contains(ip("10.0.0.10")));
  EXPECT_FALSE(cidr("10.0.0.10/32").contains(ip("10.0.0.11")));
}

TEST(CidrTest, ContainsBlocks) {
  const Cidr vpc = cidr("10.0.0.0/16");
  EXPECT_TRUE(vpc.contains(cidr("10.0.0.0/20")));
  EXPECT_TRUE(vpc.contains(cidr("10.0.240.0/20")));
  EXPECT_TRUE(vpc.contains(vpc));
  EXPECT_FALSE(vpc.contains(cidr("10.1.0.0/20")));
  EXPECT_FALSE(vpc.contains(cidr("10.0.0.0/8")));  // larger, although it starts at the same address
  EXPECT_FALSE(cidr("10.0.0.0/20").contains(vpc));
}

TEST(CidrTest, OverlapIsSymmetric) {
  const Cidr a = cidr("10.0.0.0/20");
  const Cidr b = cidr("10.0.8.0/21");
  const Cidr c = cidr("10.0.16.0/20");
  EXPECT_TRUE(a.overlaps(b));
  EXPECT_TRUE(b.overlaps(a));
  EXPECT_FALSE(a.overlaps(c));
  EXPECT_FALSE(c.overlaps(a));
  EXPECT_TRUE(cidr("10.96.0.0/12").overlaps(cidr("10.100.0.0/16")));
  EXPECT_FALSE(cidr("10.96.0.0/12").overlaps(cidr("10.0.0.0/16")));
  EXPECT_TRUE(cidr("0.0.0.0/0").overlaps(c));
}

TEST(CidrTest, SizesAndAwsUsableAddresses) {
  EXPECT_EQ(cidr("10.0.0.0/20").size(), 4096u);
  EXPECT_EQ(cidr("10.0.0.0/20").usable_addresses(), 4091u);  // the book chapter's subnet
  EXPECT_EQ(cidr("10.0.0.0/16").usable_addresses(), 65531u);
  EXPECT_EQ(cidr("10.0.0.0/28").usable_addresses(), 11u);    // AWS's smallest subnet
  EXPECT_EQ(cidr("10.0.0.0/29").usable_addresses(), 3u);
  EXPECT_EQ(cidr("10.0.0.0/30").usable_addresses(), 0u);
  EXPECT_EQ(cidr("10.0.0.0/32").usable_addresses(), 0u);
  EXPECT_EQ(cidr("0.0.0.0/0").size(), 4294967296u);
}

TEST(CidrTest, AwsReservesFirstFourAndLast) {
  const Cidr subnet = cidr("10.0.0.0/20");
  EXPECT_TRUE(subnet.is_aws_reserved(ip("10.0.0.0")));   // network
  EXPECT_TRUE(subnet.is_aws_reserved(ip("10.0.0.1")));   // VPC router
  EXPECT_TRUE(subnet.is_aws_reserved(ip("10.0.0.2")));   // DNS
  EXPECT_TRUE(subnet.is_aws_reserved(ip("10.0.0.3")));   // future use
  EXPECT_TRUE(subnet.is_aws_reserved(ip("10.0.15.255")));  // broadcast
  EXPECT_FALSE(subnet.is_aws_reserved(ip("10.0.0.4")));
  EXPECT_FALSE(subnet.is_aws_reserved(ip("10.0.0.10")));
  EXPECT_FALSE(subnet.is_aws_reserved(ip("10.0.15.254")));
  EXPECT_FALSE(subnet.is_aws_reserved(ip("10.0.16.0")));  // outside
  int reserved = 0;
  const Cidr small = cidr("10.0.0.16/28");
  for (std::uint64_t i = 0; i < small.size(); ++i) reserved += small.is_aws_reserved(small.at(i)) ? 1 : 0;
  EXPECT_EQ(reserved, 5);
  EXPECT_EQ(static_cast<std::uint64_t>(reserved), small.size() - small.usable_addresses());
}

TEST(CidrTest, FirstLastAndOffsets) {
  const Cidr subnet = cidr("10.0.16.0/20");
  EXPECT_EQ(subnet.first().str(), "10.0.16.0");
  EXPECT_EQ(subnet.last().str(), "10.0.31.255");
  EXPECT_EQ(subnet.at(10).str(), "10.0.16.10");
  EXPECT_EQ(subnet.at(subnet.size() - 1), subnet.last());
  EXPECT_EQ(cidr("0.0.0.0/0").last().str(), "255.255.255.255");
  EXPECT_EQ(cidr("10.0.0.7/32").last().str(), "10.0.0.7");
}

TEST(CidrTest, SplitsIntoConsecutiveBlocks) {
  const auto parts = cidr("10.0.0.0/16").split(20);
  ASSERT_EQ(parts.size(), 16u);
  EXPECT_EQ(parts[0].str(), "10.0.0.0/20");
  EXPECT_EQ(parts[1].str(), "10.0.16.0/20");
  EXPECT_EQ(parts[15].str(), "10.0.240.0/20");
  for (std::size_t i = 1; i < parts.size(); ++i) {
    EXPECT_FALSE(parts[i].overlaps(parts[i - 1]));
    EXPECT_EQ(parts[i].first().value, parts[i - 1].last().value + 1);
  }
  EXPECT_EQ(cidr("10.0.0.0/24").split(24), std::vector<Cidr>{cidr("10.0.0.0/24")});
  EXPECT_EQ(cidr("255.255.255.254/31").split(32).back().str(), "255.255.255.255/32");
  EXPECT_TRUE(cidr("10.0.0.0/16").split(15).empty());
  EXPECT_TRUE(cidr("10.0.0.0/16").split(33).empty());
}

TEST(CidrTest, ContainingClearsHostBits) {
  EXPECT_EQ(Cidr::containing(ip("10.0.17.5"), 20).str(), "10.0.16.0/20");
  EXPECT_EQ(Cidr::containing(ip("10.0.17.5"), 0).str(), "0.0.0.0/0");
  EXPECT_EQ(Cidr::containing(ip("10.0.17.5"), 32).str(), "10.0.17.5/32");
}

}  // namespace
}  // namespace hopper::util
