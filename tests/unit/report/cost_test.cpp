// The cost estimate checked against totals computed by hand from the shipped prices (docs/report.md
// lists them and their sources), and its errors.
#include "report/cost.hpp"

#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "report/price_file.hpp"
#include "report_test_support.hpp"
#include "spec/instance_types.hpp"

namespace hopper::report {
namespace {

using test_support::chapter_body;
using test_support::spec_from;

const CostLine* line(const CostEstimate& e, const std::string& item) {
  for (const auto& l : e.lines) {
    if (l.item == item) return &l;
  }
  return nullptr;
}

TEST(CostTest, ChapterClusterInUsEast1NearItsSeventyFiveDollarsPlusTheNatGateway) {
  const auto estimate = estimate_cost(spec_from(chapter_body("us-east-1")), shipped_price_table());
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  // By hand: instances (0.0116 + 0.0464 + 0.0464) $/h x 730 h = 76.212; 24 GiB gp3 x 0.08 = 1.92:
  // the chapter's "about $75 a month" is $78.13 today. It forgot the NAT gateway (0.045 x 730 =
  // 32.85) and, since February 2024, its two public IPv4 addresses (bastion + NAT EIP: 2 x 0.005
  // x 730 = 7.30): $118.28 in all.
  EXPECT_NEAR(line(*estimate, "bastion")->monthly, 0.0116 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "control plane")->monthly, 0.0464 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "workers")->monthly, 0.0464 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "EBS gp3 root volumes")->monthly, 1.92, 1e-9);
  EXPECT_EQ(line(*estimate, "EBS gp3 root volumes")->quantity, 24);
  EXPECT_NEAR(line(*estimate, "NAT gateways")->monthly, 32.85, 1e-9);
  EXPECT_NEAR(line(*estimate, "public IPv4 addresses")->monthly, 7.30, 1e-9);
  EXPECT_EQ(line(*estimate, "public IPv4 addresses")->quantity, 2);
  EXPECT_EQ(line(*estimate, "load balancer (demo app)"), nullptr);
  const double chapter = 76.212 + 1.92;
  EXPECT_NEAR(chapter, 78.13, 0.005);
  EXPECT_NEAR(std::fabs(chapter - 75) / 75, 0.04, 0.01) << "within about 4% of the chapter's $75";
  EXPECT_NEAR(estimate->monthly, chapter + 32.85 + 7.30, 1e-9);
  EXPECT_EQ(format_dollars(estimate->monthly), "$118.28");
  EXPECT_NEAR(estimate->hourly, estimate->monthly / 730, 1e-12);
  EXPECT_EQ(estimate->monthly_at_max, estimate->monthly);
}

TEST(CostTest, ChapterClusterInEuWest1ItsRegionIsPricedByHand) {
  // The chapter's own region. eu-west-1 instance prices come from SkyPilot's catalog, the NAT
  // gateway's from AWS's offer file, gp3's from an AWS Price List answer (docs/report.md). By hand:
  //   instances (t2.micro 0.0126 + 2 x t2.medium 0.05) $/h x 730 h = 82.198
  //   EBS gp3 3 x 8 = 24 GiB x 0.088 = 2.112
  //   NAT gateway 0.048 x 730 = 35.04
  //   public IPv4 (bastion + NAT EIP) 2 x 0.005 x 730 = 7.30
  //   126.65 $/month. The book's "about $75 a month" (2018 prices) is below the instances alone:
  //   it had no NAT gateway and AWS did not charge for public IPv4 addresses yet.
  const PriceTable& table = shipped_price_table();
  const auto prices = region_prices(table, "eu-west-1");
  ASSERT_TRUE(prices.ok()) << prices.error().message();
  EXPECT_EQ((*prices)->instance_hour.at("t2.micro"), 0.0126);
  EXPECT_EQ((*prices)->instance_hour.at("t2.medium"), 0.05);
  EXPECT_EQ((*prices)->gp3_gib_month, 0.088);
  EXPECT_EQ((*prices)->nat_gateway_hour, 0.048);
  EXPECT_EQ((*prices)->nat_gateway_gb, 0.048);
  EXPECT_EQ((*prices)->public_ipv4_hour, 0.005);
  EXPECT_EQ((*prices)->clb_hour, 0.028);
  EXPECT_FALSE((*prices)->nlb_hour.has_value());

  const auto estimate = estimate_cost(spec_from(chapter_body("eu-west-1")), table);
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  EXPECT_NEAR(line(*estimate, "bastion")->monthly, 0.0126 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "control plane")->monthly, 0.05 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "workers")->monthly, 0.05 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "EBS gp3 root volumes")->monthly, 2.112, 1e-9);
  EXPECT_EQ(line(*estimate, "EBS gp3 root volumes")->quantity, 24);
  EXPECT_NEAR(line(*estimate, "NAT gateways")->monthly, 35.04, 1e-9);
  EXPECT_NEAR(line(*estimate, "public IPv4 addresses")->monthly, 7.30, 1e-9);
  EXPECT_EQ(line(*estimate, "public IPv4 addresses")->quantity, 2);
  const double instances = (0.0126 + 2 * 0.05) * 730;
  EXPECT_NEAR(instances, 82.198, 1e-9);
  EXPECT_GT(instances, 75) << "the instances alone are above the book's about $75";
  EXPECT_NEAR(estimate->monthly, instances + 2.112 + 35.04 + 7.30, 1e-9);
  EXPECT_EQ(format_dollars(estimate->monthly), "$126.65");
  EXPECT_NEAR(estimate->hourly, estimate->monthly / 730, 1e-12);
  EXPECT_TRUE(estimate->complete());
  EXPECT_EQ(estimate->table_date, "skypilot-catalog@27f67dd");

  const std::string summary = spec_cost_line(spec_from(chapter_body("eu-west-1")));
  EXPECT_NE(summary.find("Estimated cost: $126.65/month"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("at least"), std::string::npos) << summary;
  EXPECT_EQ(cost_json(*estimate)["complete"], true);
}

TEST(CostTest, ChapterClusterInEuCentral1IsAtLeastItsPricedItemsWithTheRestListed) {
  // eu-central-1 ships instance prices (SkyPilot's catalog) and the public IPv4 price, but no
  // sourced gp3 or NAT gateway price: those are listed as not priced and the total is a lower
  // bound. By hand: instances (t2.micro 0.0134 + 2 x t2.medium 0.0536) x 730 = 88.038; IPv4
  // 2 x 0.005 x 730 = 7.30; at least 95.338 $/month; not priced: EBS gp3 24 GiB, 1 NAT gateway.
  const PriceTable& table = shipped_price_table();
  const auto estimate = estimate_cost(spec_from(chapter_body("eu-central-1")), table);
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  EXPECT_NEAR(line(*estimate, "bastion")->monthly, 0.0134 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "workers")->monthly, 0.0536 * 730, 1e-9);
  EXPECT_EQ(line(*estimate, "EBS gp3 root volumes"), nullptr) << "not priced, so not a line";
  EXPECT_EQ(line(*estimate, "NAT gateways"), nullptr) << "not priced, so not a line";
  EXPECT_NEAR(estimate->monthly, (0.0134 + 2 * 0.0536) * 730 + 7.30, 1e-9);
  EXPECT_EQ(format_dollars(estimate->monthly), "$95.34");

  EXPECT_FALSE(estimate->complete());
  ASSERT_EQ(estimate->unpriced.size(), 2u);
  EXPECT_EQ(estimate->unpriced[0].item, "EBS gp3 root volumes");
  EXPECT_EQ(estimate->unpriced[0].what, "EBS gp3 24 GiB");
  EXPECT_EQ(estimate->unpriced[0].quantity, 24);
  EXPECT_EQ(estimate->unpriced[0].unit, "GiB-month");
  EXPECT_EQ(estimate->unpriced[0].reason, "no sourced price for eu-central-1");
  EXPECT_EQ(estimate->unpriced[1].what, "1 NAT gateway");

  const std::string summary = spec_cost_line(spec_from(chapter_body("eu-central-1")));
  EXPECT_NE(summary.find("Estimated cost: at least $95.34/month"), std::string::npos) << summary;
  EXPECT_NE(summary.find("not priced: EBS gp3 24 GiB (no sourced price for eu-central-1)"), std::string::npos)
      << summary;

  std::ostringstream out;
  print_cost(out, *estimate);
  const std::string text = out.str();
  for (const char* expected : {"total, at least", "At least $95.34/month; not priced",
                               "  - EBS gp3 24 GiB: no sourced price for eu-central-1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from\n" << text;
  }
  const auto json = cost_json(*estimate);
  EXPECT_EQ(json["complete"], false);
  ASSERT_EQ(json["unpriced"].size(), 2u);
  EXPECT_EQ(json["unpriced"][0]["what"], "EBS gp3 24 GiB");
  EXPECT_EQ(json["unpriced"][0]["quantity"], 24);
  EXPECT_NEAR(json["monthly"].get<double>(), 95.338, 1e-9);
}

TEST(CostTest, EveryUnsourcedNonInstancePriceIsListedNotGuessedAndTheTotalsExcludeIt) {
  // A region with instance prices only: gp3, NAT gateway, public IPv4 and the Classic Load
  // Balancer all go to `unpriced` with their quantities; the totals are the instances alone, and
  // at max the extra workers add their instance-hours only (their volumes are unpriced too).
  PriceTable table = shipped_price_table();
  RegionPrices& r = table.regions.front();
  ASSERT_EQ(r.region, "us-east-1");
  r.gp3_gib_month.reset();
  r.nat_gateway_hour.reset();
  r.nat_gateway_gb.reset();
  r.public_ipv4_hour.reset();
  r.clb_hour.reset();
  r.nlb_hour.reset();
  const auto estimate = estimate_cost(
      spec_from("name: big\nregion: us-east-1\n"
                "network:\n  nat: gateway\n  zones: [{name: us-east-1a}, {name: us-east-1b}]\n"
                "bastion:\n  instanceType: t3.micro\n  sshAllowedCIDRs: [203.0.113.7/32]\n  rootVolumeGiB: 10\n"
                "controlPlane:\n  instanceType: m6i.large\n  rootVolumeGiB: 50\n"
                "workers:\n  instanceType: c7i.xlarge\n  min: 1\n  max: 4\n  desired: 2\n  rootVolumeGiB: 40\n"
                "addons:\n  demoApp: true\n"),
      table);
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  EXPECT_FALSE(estimate->complete());
  std::vector<std::string> what;
  for (const auto& u : estimate->unpriced) what.push_back(u.what);
  EXPECT_EQ(what, (std::vector<std::string>{"EBS gp3 140 GiB", "2 NAT gateways", "3 public IPv4 addresses",
                                            "1 Classic Load Balancer (demo app)"}));
  EXPECT_EQ(estimate->lines.size(), 3u) << "bastion, control plane, workers";
  // By hand: (0.0104 + 0.096 + 2 x 0.1785) x 730 = 338.282; at max 2 more workers: + 2 x 0.1785 x 730.
  EXPECT_NEAR(estimate->monthly, 338.282, 1e-9);
  EXPECT_NEAR(estimate->monthly_at_max, 338.282 + 260.61, 1e-9);
  const std::string summary = cost_summary_line(*estimate);
  EXPECT_NE(summary.find("at least $338.28/month"), std::string::npos) << summary;
  EXPECT_NE(summary.find("up to at least $598.89/month with 4 workers"), std::string::npos) << summary;
  bool says_unsourced = false;
  for (const auto& note : estimate->notes) says_unsourced |= note.find("an unsourced amount") != std::string::npos;
  EXPECT_TRUE(says_unsourced);
  EXPECT_EQ(cost_json(*estimate)["unpriced"].size(), 4u);
}

TEST(CostTest, RegionNotInTheTableIsAnErrorNamingIt) {
  const auto estimate = estimate_cost(spec_from(chapter_body("ap-south-1")), shipped_price_table());
  ASSERT_FALSE(estimate.ok());
  EXPECT_NE(estimate.error().message().find("no prices for region ap-south-1"), std::string::npos) << estimate.error().message();
  EXPECT_NE(estimate.error().message().find("it lists us-east-1, eu-west-1, us-west-2, eu-central-1"), std::string::npos)
      << estimate.error().message();
}

TEST(CostTest, UsWest2EqualsUsEast1ExceptTheThreeMetal24xlTypes) {
  // eu-west-1, us-west-2 and eu-central-1 come from SkyPilot's catalog, us-east-1 from Karpenter's
  // table (docs/report.md). Cross-check: every us-west-2 price equals the us-east-1 one, except the
  // three *.metal-24xl types, where Karpenter has 1.1 times the 24xlarge price and SkyPilot the
  // 24xlarge price itself.
  const auto us_east = region_prices(shipped_price_table(), "us-east-1");
  const auto us_west = region_prices(shipped_price_table(), "us-west-2");
  ASSERT_TRUE(us_east.ok());
  ASSERT_TRUE(us_west.ok());
  const std::set<std::string> metal_24xl = {"c7i.metal-24xl", "m7i.metal-24xl", "r7i.metal-24xl"};
  for (const auto& [type, price] : (*us_east)->instance_hour) {
    ASSERT_TRUE((*us_west)->instance_hour.count(type)) << type;
    if (!metal_24xl.count(type)) {
      EXPECT_EQ((*us_west)->instance_hour.at(type), price) << type;
      continue;
    }
    const std::string family = type.substr(0, type.find('.'));
    EXPECT_EQ((*us_west)->instance_hour.at(type), (*us_west)->instance_hour.at(family + ".24xlarge")) << type;
    EXPECT_LT((*us_west)->instance_hour.at(type), price) << type;
  }
}

TEST(CostTest, ThreeZonesNatGatewaysDemoAppAndWorkersAtMax) {
  const auto spec = spec_from(
      "name: big\nregion: us-east-1\n"
      "network:\n  nat: gateway\n  zones: [{name: us-east-1a}, {name: us-east-1b}, {name: us-east-1c}]\n"
      "bastion:\n  instanceType: t3.micro\n  sshAllowedCIDRs: [203.0.113.7/32]\n  rootVolumeGiB: 10\n"
      "controlPlane:\n  instanceType: m6i.large\n  rootVolumeGiB: 50\n"
      "workers:\n  instanceType: c7i.xlarge\n  min: 2\n  max: 6\n  desired: 3\n  rootVolumeGiB: 40\n"
      "addons:\n  demoApp: true\n");
  const auto estimate = estimate_cost(spec, shipped_price_table());
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  // By hand, $/hour: t3.micro 0.0104 + m6i.large 0.096 + 3 x c7i.xlarge 0.1785 = 0.6419
  //   instances/month 0.6419 x 730 = 468.587
  //   EBS (10 + 50 + 3 x 40 = 180 GiB) x 0.08 = 14.40
  //   NAT gateways 3 x 0.045 x 730 = 98.55
  //   public IPv4 (bastion + 3 EIPs) 4 x 0.005 x 730 = 14.60
  //   Classic Load Balancer 0.025 x 730 = 18.25
  //   total 614.387
  EXPECT_NEAR(line(*estimate, "workers")->quantity, 3, 0);
  EXPECT_NEAR(line(*estimate, "EBS gp3 root volumes")->quantity, 180, 0);
  EXPECT_NEAR(line(*estimate, "NAT gateways")->monthly, 98.55, 1e-9);
  EXPECT_NEAR(line(*estimate, "public IPv4 addresses")->monthly, 14.60, 1e-9);
  EXPECT_NEAR(line(*estimate, "load balancer (demo app)")->monthly, 18.25, 1e-9);
  EXPECT_NEAR(estimate->monthly, 614.387, 1e-6);
  // Three more workers at the maximum: 3 x (0.1785 x 730 + 40 x 0.08) = 3 x 133.505 = 400.515.
  EXPECT_NEAR(estimate->monthly_at_max, 614.387 + 400.515, 1e-6);
  EXPECT_EQ(format_dollars(estimate->monthly_at_max), "$1,014.90");
  EXPECT_NE(cost_summary_line(*estimate).find("up to $1,014.90/month with 6 workers"), std::string::npos)
      << cost_summary_line(*estimate);
}

TEST(CostTest, NatInstancesAndNoBastion) {
  const auto spec = spec_from(
      "name: lean\nregion: us-east-1\n"
      "network:\n  nat: instance\n  zones: [{name: us-east-1a}, {name: us-east-1b}]\n"
      "bastion:\n  enabled: false\n"
      "controlPlane:\n  instanceType: t3a.medium\n  rootVolumeGiB: 20\n"
      "workers:\n  instanceType: t3a.large\n  min: 1\n  max: 2\n  desired: 2\n  rootVolumeGiB: 20\n");
  const auto estimate = estimate_cost(spec, shipped_price_table());
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  // By hand: t3a.medium 0.0376 + 2 x t3a.large 0.0752 + 2 NAT t3.micro x 0.0104 = 0.2088 $/h
  //   x 730 = 152.424; EBS 20 + 2 x 20 + 2 x 8 = 76 GiB x 0.08 = 6.08; IPv4: the 2 NAT
  //   instances 2 x 0.005 x 730 = 7.30; no NAT gateway, no bastion: 165.804.
  EXPECT_EQ(line(*estimate, "bastion"), nullptr);
  EXPECT_EQ(line(*estimate, "NAT gateways"), nullptr);
  EXPECT_NEAR(line(*estimate, "NAT instances")->monthly, 2 * 0.0104 * 730, 1e-9);
  EXPECT_NEAR(line(*estimate, "EBS gp3 root volumes")->quantity, 76, 0);
  EXPECT_NEAR(line(*estimate, "public IPv4 addresses")->quantity, 2, 0);
  EXPECT_NEAR(estimate->monthly, 165.804, 1e-6);
}

TEST(CostTest, NatNoneHasNoGatewayNorAddressesButTheBastions) {
  const auto spec = spec_from(
      "name: closed\nregion: us-east-1\nnetwork:\n  nat: none\n  zones: [{name: us-east-1a}]\n"
      "bastion:\n  sshAllowedCIDRs: [203.0.113.7/32]\n");
  const auto estimate = estimate_cost(spec, shipped_price_table());
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  EXPECT_EQ(line(*estimate, "NAT gateways"), nullptr);
  EXPECT_EQ(line(*estimate, "public IPv4 addresses")->quantity, 1);
  // Defaults: t3.micro bastion (8 GiB), t3.medium control plane and worker (30 GiB each).
  EXPECT_NEAR(estimate->monthly, (0.0104 + 0.0416 * 2 + 0.005) * 730 + 68 * 0.08, 1e-9);
}

TEST(CostTest, UnpricedTypeIsAnErrorNamingTypeAndRegion) {
  PriceTable table = shipped_price_table();
  table.regions.front().instance_hour.erase("t3.medium");
  const auto estimate = estimate_cost(spec_from("name: x\nregion: us-east-1\nbastion:\n  sshAllowedCIDRs: [203.0.113.7/32]\n"), table);
  ASSERT_FALSE(estimate.ok());
  EXPECT_EQ(estimate.error().message(), "hopper's price table (2026-01-19) has no price for t3.medium in us-east-1");
}

TEST(CostTest, ShippedTablePricesEveryCatalogTypeInEveryRegion) {
  for (const char* region : {"us-east-1", "eu-west-1", "us-west-2", "eu-central-1"}) {
    const auto prices = region_prices(shipped_price_table(), region);
    ASSERT_TRUE(prices.ok()) << region;
    for (const auto& type : spec::all_instance_types()) {
      EXPECT_TRUE((*prices)->instance_hour.count(type.name)) << type.name << " has no " << region << " price";
    }
    for (const auto& [type, price] : (*prices)->instance_hour) {
      EXPECT_TRUE(spec::find_instance_type(type).ok()) << type << " is priced in " << region << " but not in the catalog";
      EXPECT_GT(price, 0) << type;
    }
    EXPECT_EQ((*prices)->public_ipv4_hour, 0.005) << region;
  }
}

TEST(CostTest, NatInstancesOfTheSpecsType) {
  const auto spec = spec_from(
      "name: lean\nregion: us-east-1\n"
      "network:\n  nat: instance\n  natInstanceType: t3.small\n  zones: [{name: us-east-1a}]\n"
      "bastion:\n  enabled: false\n");
  EXPECT_EQ(spec.network.nat_instance_type, "t3.small");
  const auto estimate = estimate_cost(spec, shipped_price_table());
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  // By hand: one t3.small NAT instance, 0.0208 $/h x 730 = 15.184.
  EXPECT_NEAR(line(*estimate, "NAT instances")->monthly, 0.0208 * 730, 1e-9);
  EXPECT_EQ(line(*estimate, "NAT instances")->detail, "t3.small x 1");
}

TEST(CostTest, PriceFileGivesARegionHopperDoesNotShip) {
  const auto table = parse_price_table(R"({"date": "2026-05-01", "source": "test",
      "regions": [{"region": "eu-west-1", "gp3_gib_month": 0.1, "nat_gateway_hour": 0.05, "nat_gateway_gb": 0.05,
                   "public_ipv4_hour": 0.005, "nlb_hour": 0.03, "clb_hour": 0.03,
                   "instances": {"t2.micro": 0.01, "t2.medium": 0.05}}]})");
  ASSERT_TRUE(table.ok()) << table.error().message();
  const auto estimate = estimate_cost(spec_from(chapter_body("eu-west-1")), *table);
  ASSERT_TRUE(estimate.ok()) << estimate.error().message();
  // (0.01 + 0.05 + 0.05) x 730 = 80.30; 24 x 0.1 = 2.40; NAT 36.50; IPv4 7.30.
  EXPECT_NEAR(estimate->monthly, 80.30 + 2.40 + 36.50 + 7.30, 1e-9);
  EXPECT_EQ(estimate->table_date, "2026-05-01");
}

TEST(CostTest, PriceFileProblemsAreAllNamed) {
  const auto table = parse_price_table(R"({"regions": [{"region": "eu-west-1", "gp3_gib_month": -1,
      "nat_gateway_hour": "cheap", "instances": {"t3.micro": 0.01}}]})");
  ASSERT_FALSE(table.ok());
  const std::string& m = table.error().message();
  EXPECT_NE(m.find("price table.date: missing"), std::string::npos) << m;
  EXPECT_NE(m.find("regions[0].gp3_gib_month: expected a non-negative number"), std::string::npos) << m;
  EXPECT_NE(m.find("regions[0].nat_gateway_hour: expected a non-negative number"), std::string::npos) << m;
  EXPECT_NE(m.find("regions[0].clb_hour: missing"), std::string::npos) << m;
  EXPECT_FALSE(parse_price_table("[1,2]").ok());
}

TEST(CostTest, PriceTableRoundTripsThroughJson) {
  const auto again = parse_price_table(price_table_json(shipped_price_table()).dump());
  ASSERT_TRUE(again.ok()) << again.error().message();
  ASSERT_EQ(again->regions.size(), shipped_price_table().regions.size());
  for (std::size_t i = 0; i < again->regions.size(); ++i) {
    const RegionPrices& shipped = shipped_price_table().regions[i];
    EXPECT_EQ(again->regions[i].instance_hour, shipped.instance_hour);
    EXPECT_EQ(again->regions[i].date, shipped.date);
    EXPECT_EQ(again->regions[i].gp3_gib_month, shipped.gp3_gib_month) << shipped.region;  // null stays null
  }
}

TEST(CostTest, FormatsDollars) {
  EXPECT_EQ(format_dollars(0), "$0.00");
  EXPECT_EQ(format_dollars(3.654), "$3.65");
  EXPECT_EQ(format_dollars(1234567.891), "$1,234,567.89");
  EXPECT_EQ(format_dollars(999.999), "$1,000.00");
}

TEST(CostTest, TableAndJsonShowEveryLineAndWhatIsNotCounted) {
  const auto estimate = estimate_cost(spec_from(chapter_body("us-east-1")), shipped_price_table());
  ASSERT_TRUE(estimate.ok());
  std::ostringstream out;
  print_cost(out, *estimate);
  const std::string text = out.str();
  for (const char* expected : {"bastion", "t2.micro", "control plane", "NAT gateways", "public IPv4", "$118.28",
                               "data transfer", "NAT gateway data processing", "EBS snapshots", "load balancer capacity units",
                               "2026-01-19", "730 hours"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from\n" << text;
  }
  const auto json = cost_json(*estimate);
  EXPECT_EQ(json["region"], "us-east-1");
  EXPECT_NEAR(json["monthly"].get<double>(), 118.282, 1e-9);
  EXPECT_EQ(json["lines"].size(), estimate->lines.size());
  EXPECT_FALSE(json["not_counted"].empty());
  EXPECT_EQ(json["complete"], true);
  EXPECT_TRUE(json["unpriced"].empty());
  EXPECT_TRUE(estimate->complete());
  EXPECT_EQ(text.find("at least"), std::string::npos) << text;
  EXPECT_EQ(text.find("not priced"), std::string::npos) << text;
}

}  // namespace
}  // namespace hopper::report
