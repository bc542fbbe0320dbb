// eu-west-1 prices of the table compiled into hopper (see report/price_table.hpp and docs/report.md,
// "Where the prices come from"). Data only, USD, on-demand, Linux, shared tenancy.
//
// Instance prices: SkyPilot's AWS catalog, generated from the AWS Price List API:
// skypilot-org/skypilot-catalog, catalogs/v7/aws/vms.csv at commit
// 27f67dd4e1bc0d35fa0ec075180ad54b230882c4, column Price of the eu-west-1 rows, copied type by type.
// Copied: every instance type of the spec catalog (the same types as prices_us_east_1.cpp), all
// families t2, t3, t3a, c5, c5a, c6i, c6a, c7i, c7a, m5, m5a, m6i, m6a, m7i, m7a, r5, r5a, r6i,
// r6a, r7i, r7a.
//
// NAT gateway: the AWS Price List offer file AmazonEC2/20260925174521/eu-west-1/index.json
// (publicationDate 2026-09-25T17:45:21Z), on-demand rows EU-NatGateway-Hours $0.048 per Hrs and
// EU-NatGateway-Bytes $0.048 per GB, as captured verbatim in a public repository's test data
// (docs/report.md names it).
// EBS gp3 and the Classic Load Balancer: AWS Price List API answers (GetProducts, AmazonEC2
// volumeApiName=gp3 and AWSELB productFamily "Load Balancer") quoted verbatim in a public
// repository's pricing audit of 2026-05-01: "$0.088 per GB-month of General Purpose (gp3)
// provisioned storage - EU (Ireland)" and "$0.028 per LoadBalancer-hour (or partial hour)" (the
// latter beside the same run's eu-west-1 NAT gateway $0.048; docs/report.md says how the region
// was told). Network Load Balancer: no source found, std::nullopt (listed as not priced).
// Public IPv4: $0.005 per address-hour in every region (AWS announcement, docs/report.md).
#include "report/data/regions.hpp"

namespace hopper::report::data {

RegionPrices eu_west_1() {
  RegionPrices p;
  p.region = "eu-west-1";
  p.date = "skypilot-catalog@27f67dd";
  p.nat_gateway_hour = 0.048;  // EU-NatGateway-Hours, AWS offer file 20260925174521
  p.nat_gateway_gb = 0.048;    // EU-NatGateway-Bytes, same file
  p.public_ipv4_hour = 0.005;
  p.gp3_gib_month = 0.088;  // "... gp3 provisioned storage - EU (Ireland)", AWS Price List API
  p.clb_hour = 0.028;       // "$0.028 per LoadBalancer-hour (or partial hour)", same audit run
  p.instance_source = "AWS Price List API via SkyPilot's catalog (skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv @ 27f67dd)";
  p.instance_hour = {
    // t2
    {"t2.nano", 0.0063}, {"t2.micro", 0.0126}, {"t2.small", 0.025}, {"t2.medium", 0.05}, {"t2.large", 0.1008},
    {"t2.xlarge", 0.2016}, {"t2.2xlarge", 0.4032},
    // t3
    {"t3.nano", 0.0057}, {"t3.micro", 0.0114}, {"t3.small", 0.0228},
    {"t3.medium", 0.0456}, {"t3.large", 0.0912},
    {"t3.xlarge", 0.1824}, {"t3.2xlarge", 0.3648},
    // t3a
    {"t3a.nano", 0.0051}, {"t3a.micro", 0.0102}, {"t3a.small", 0.0204}, {"t3a.medium", 0.0408},
    {"t3a.large", 0.0816}, {"t3a.xlarge", 0.1632}, {"t3a.2xlarge", 0.3264},
    // c5
    {"c5.large", 0.096}, {"c5.xlarge", 0.192}, {"c5.2xlarge", 0.384}, {"c5.4xlarge", 0.768},
    {"c5.9xlarge", 1.728}, {"c5.12xlarge", 2.304}, {"c5.18xlarge", 3.456}, {"c5.24xlarge", 4.608},
    {"c5.metal", 4.608},
    // c5a
    {"c5a.large", 0.086}, {"c5a.xlarge", 0.172}, {"c5a.2xlarge", 0.344}, {"c5a.4xlarge", 0.688},
    {"c5a.8xlarge", 1.376}, {"c5a.12xlarge", 2.064}, {"c5a.16xlarge", 2.752}, {"c5a.24xlarge", 4.128},
    // c6i
    {"c6i.large", 0.0912}, {"c6i.xlarge", 0.1824}, {"c6i.2xlarge", 0.3648}, {"c6i.4xlarge", 0.7296},
    {"c6i.8xlarge", 1.4592}, {"c6i.12xlarge", 2.1888}, {"c6i.16xlarge", 2.9184}, {"c6i.24xlarge", 4.3776},
    {"c6i.32xlarge", 5.8368}, {"c6i.metal", 5.8368},
    // c6a
    {"c6a.large", 0.08208}, {"c6a.xlarge", 0.16416}, {"c6a.2xlarge", 0.32832}, {"c6a.4xlarge", 0.65664},
    {"c6a.8xlarge", 1.31328}, {"c6a.12xlarge", 1.96992}, {"c6a.16xlarge", 2.62656}, {"c6a.24xlarge", 3.93984},
    {"c6a.32xlarge", 5.25312}, {"c6a.48xlarge", 7.87968}, {"c6a.metal", 7.87968},
    // c7i
    {"c7i.large", 0.09576}, {"c7i.xlarge", 0.19152}, {"c7i.2xlarge", 0.38304}, {"c7i.4xlarge", 0.76608},
    {"c7i.8xlarge", 1.53216}, {"c7i.12xlarge", 2.29824}, {"c7i.16xlarge", 3.06432}, {"c7i.24xlarge", 4.59648},
    {"c7i.48xlarge", 9.19296}, {"c7i.metal-24xl", 4.59648}, {"c7i.metal-48xl", 9.19296},
    // c7a
    {"c7a.medium", 0.05506}, {"c7a.large", 0.11012}, {"c7a.xlarge", 0.22024}, {"c7a.2xlarge", 0.44048},
    {"c7a.4xlarge", 0.88096}, {"c7a.8xlarge", 1.76192}, {"c7a.12xlarge", 2.64288}, {"c7a.16xlarge", 3.52384},
    {"c7a.24xlarge", 5.28576}, {"c7a.32xlarge", 7.04768}, {"c7a.48xlarge", 10.57152},
    {"c7a.metal-48xl", 10.57152},
    // m5
    {"m5.large", 0.107}, {"m5.xlarge", 0.214}, {"m5.2xlarge", 0.428}, {"m5.4xlarge", 0.856},
    {"m5.8xlarge", 1.712}, {"m5.12xlarge", 2.568}, {"m5.16xlarge", 3.424}, {"m5.24xlarge", 5.136},
    {"m5.metal", 5.136},
    // m5a
    {"m5a.large", 0.096}, {"m5a.xlarge", 0.192}, {"m5a.2xlarge", 0.384}, {"m5a.4xlarge", 0.768},
    {"m5a.8xlarge", 1.536}, {"m5a.12xlarge", 2.304}, {"m5a.16xlarge", 3.072}, {"m5a.24xlarge", 4.608},
    // m6i
    {"m6i.large", 0.107}, {"m6i.xlarge", 0.214}, {"m6i.2xlarge", 0.428}, {"m6i.4xlarge", 0.856},
    {"m6i.8xlarge", 1.712}, {"m6i.12xlarge", 2.568}, {"m6i.16xlarge", 3.424}, {"m6i.24xlarge", 5.136},
    {"m6i.32xlarge", 6.848}, {"m6i.metal", 6.848},
    // m6a
    {"m6a.large", 0.0963}, {"m6a.xlarge", 0.1926}, {"m6a.2xlarge", 0.3852}, {"m6a.4xlarge", 0.7704},
    {"m6a.8xlarge", 1.5408}, {"m6a.12xlarge", 2.3112}, {"m6a.16xlarge", 3.0816}, {"m6a.24xlarge", 4.6224},
    {"m6a.32xlarge", 6.1632}, {"m6a.48xlarge", 9.2448}, {"m6a.metal", 9.2448},
    // m7i
    {"m7i.large", 0.11235}, {"m7i.xlarge", 0.2247}, {"m7i.2xlarge", 0.4494}, {"m7i.4xlarge", 0.8988},
    {"m7i.8xlarge", 1.7976}, {"m7i.12xlarge", 2.6964}, {"m7i.16xlarge", 3.5952}, {"m7i.24xlarge", 5.3928},
    {"m7i.48xlarge", 10.7856}, {"m7i.metal-24xl", 5.3928}, {"m7i.metal-48xl", 10.7856},
    // m7a
    {"m7a.medium", 0.0646}, {"m7a.large", 0.1292}, {"m7a.xlarge", 0.2584}, {"m7a.2xlarge", 0.5168},
    {"m7a.4xlarge", 1.0336}, {"m7a.8xlarge", 2.0672}, {"m7a.12xlarge", 3.1008}, {"m7a.16xlarge", 4.1344},
    {"m7a.24xlarge", 6.2016}, {"m7a.32xlarge", 8.2688}, {"m7a.48xlarge", 12.4032}, {"m7a.metal-48xl", 12.4032},
    // r6a
    {"r6a.large", 0.1269}, {"r6a.xlarge", 0.2538}, {"r6a.2xlarge", 0.5076}, {"r6a.4xlarge", 1.0152},
    {"r6a.8xlarge", 2.0304}, {"r6a.12xlarge", 3.0456}, {"r6a.16xlarge", 4.0608}, {"r6a.24xlarge", 6.0912},
    {"r6a.32xlarge", 8.1216}, {"r6a.48xlarge", 12.1824}, {"r6a.metal", 12.1824},
    // r5
    {"r5.large", 0.141}, {"r5.xlarge", 0.282}, {"r5.2xlarge", 0.564}, {"r5.4xlarge", 1.128},
    {"r5.8xlarge", 2.256}, {"r5.12xlarge", 3.384}, {"r5.16xlarge", 4.512}, {"r5.24xlarge", 6.768},
    {"r5.metal", 6.768},
    // r5a
    {"r5a.large", 0.127}, {"r5a.xlarge", 0.254}, {"r5a.2xlarge", 0.508}, {"r5a.4xlarge", 1.016},
    {"r5a.8xlarge", 2.032}, {"r5a.12xlarge", 3.048}, {"r5a.16xlarge", 4.064}, {"r5a.24xlarge", 6.096},
    // r6i
    {"r6i.large", 0.141}, {"r6i.xlarge", 0.282}, {"r6i.2xlarge", 0.564}, {"r6i.4xlarge", 1.128},
    {"r6i.8xlarge", 2.256}, {"r6i.12xlarge", 3.384}, {"r6i.16xlarge", 4.512}, {"r6i.24xlarge", 6.768},
    {"r6i.32xlarge", 9.024}, {"r6i.metal", 9.024},
    // r7i
    {"r7i.large", 0.14805}, {"r7i.xlarge", 0.2961}, {"r7i.2xlarge", 0.5922}, {"r7i.4xlarge", 1.1844},
    {"r7i.8xlarge", 2.3688}, {"r7i.12xlarge", 3.5532}, {"r7i.16xlarge", 4.7376}, {"r7i.24xlarge", 7.1064},
    {"r7i.48xlarge", 14.2128}, {"r7i.metal-24xl", 7.1064}, {"r7i.metal-48xl", 14.2128},
    // r7a
    {"r7a.medium", 0.08513}, {"r7a.large", 0.17026}, {"r7a.xlarge", 0.34052}, {"r7a.2xlarge", 0.68104},
    {"r7a.4xlarge", 1.36208}, {"r7a.8xlarge", 2.72416}, {"r7a.12xlarge", 4.08624}, {"r7a.16xlarge", 5.44832},
    {"r7a.24xlarge", 8.17248}, {"r7a.32xlarge", 10.89664}, {"r7a.48xlarge", 16.34496}, {"r7a.metal-48xl", 16.34496},
  };
  return p;
}

}  // namespace hopper::report::data
