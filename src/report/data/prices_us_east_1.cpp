// us-east-1 prices of the table compiled into hopper (see report/price_table.hpp and docs/report.md,
// "Where the prices come from"). Data only: one line per instance type of the spec catalog
// (spec/instance_types.cpp), USD per hour, on-demand, Linux, shared tenancy.
//
// Instance prices: the AWS Price List API snapshot that Karpenter generates and ships
// (aws/karpenter-provider-aws, pkg/providers/pricing/zz_generated.pricing_aws.go, "generated at
// 2026-01-19T13:23:24Z for us-east-1"). SkyPilot's catalog (skypilot-org/skypilot-catalog
// catalogs/v7/aws/vms.csv @ 27f67dd) agrees on every type it was compared on except
// c7i.metal-24xl (Karpenter $4.7124, SkyPilot $4.284), m7i.metal-24xl ($5.32224 vs $4.8384) and
// r7i.metal-24xl ($6.98544 vs $6.3504); docs/report.md. Other prices: AWS's pricing
// pages as quoted by the sources listed in docs/report.md.
#include "report/data/regions.hpp"

namespace hopper::report::data {

RegionPrices us_east_1() {
  RegionPrices p;
  p.region = "us-east-1";
  p.date = "2026-01-19";
  p.region = "us-east-1";
  p.gp3_gib_month = 0.08;
  p.nat_gateway_hour = 0.045;
  p.nat_gateway_gb = 0.045;
  p.public_ipv4_hour = 0.005;
  p.nlb_hour = 0.0225;
  p.clb_hour = 0.025;
  p.instance_source = "AWS Price List API via Karpenter's zz_generated.pricing_aws.go (2026-01-19)";
  p.instance_hour = {
      // t2
      {"t2.nano", 0.0058}, {"t2.micro", 0.0116}, {"t2.small", 0.023}, {"t2.medium", 0.0464},
      {"t2.large", 0.0928}, {"t2.xlarge", 0.1856}, {"t2.2xlarge", 0.3712},
      // t3
      {"t3.nano", 0.0052}, {"t3.micro", 0.0104}, {"t3.small", 0.0208}, {"t3.medium", 0.0416},
      {"t3.large", 0.0832}, {"t3.xlarge", 0.1664}, {"t3.2xlarge", 0.3328},
      // t3a
      {"t3a.nano", 0.0047}, {"t3a.micro", 0.0094}, {"t3a.small", 0.0188}, {"t3a.medium", 0.0376},
      {"t3a.large", 0.0752}, {"t3a.xlarge", 0.1504}, {"t3a.2xlarge", 0.3008},
      // m5
      {"m5.large", 0.096}, {"m5.xlarge", 0.192}, {"m5.2xlarge", 0.384}, {"m5.4xlarge", 0.768},
      {"m5.8xlarge", 1.536}, {"m5.12xlarge", 2.304}, {"m5.16xlarge", 3.072}, {"m5.24xlarge", 4.608},
      {"m5.metal", 4.608},
      // m5a
      {"m5a.large", 0.086}, {"m5a.xlarge", 0.172}, {"m5a.2xlarge", 0.344}, {"m5a.4xlarge", 0.688},
      {"m5a.8xlarge", 1.376}, {"m5a.12xlarge", 2.064}, {"m5a.16xlarge", 2.752}, {"m5a.24xlarge", 4.128},
      // m6i
      {"m6i.large", 0.096}, {"m6i.xlarge", 0.192}, {"m6i.2xlarge", 0.384}, {"m6i.4xlarge", 0.768},
      {"m6i.8xlarge", 1.536}, {"m6i.12xlarge", 2.304}, {"m6i.16xlarge", 3.072}, {"m6i.24xlarge", 4.608},
      {"m6i.32xlarge", 6.144}, {"m6i.metal", 6.144},
      // m6a
      {"m6a.large", 0.0864}, {"m6a.xlarge", 0.1728}, {"m6a.2xlarge", 0.3456}, {"m6a.4xlarge", 0.6912},
      {"m6a.8xlarge", 1.3824}, {"m6a.12xlarge", 2.0736}, {"m6a.16xlarge", 2.7648}, {"m6a.24xlarge", 4.1472},
      {"m6a.32xlarge", 5.5296}, {"m6a.48xlarge", 8.2944}, {"m6a.metal", 8.2944},
      // m7i
      {"m7i.large", 0.1008}, {"m7i.xlarge", 0.2016}, {"m7i.2xlarge", 0.4032}, {"m7i.4xlarge", 0.8064},
      {"m7i.8xlarge", 1.6128}, {"m7i.12xlarge", 2.4192}, {"m7i.16xlarge", 3.2256}, {"m7i.24xlarge", 4.8384},
      {"m7i.48xlarge", 9.6768}, {"m7i.metal-24xl", 5.32224}, {"m7i.metal-48xl", 9.6768},
      // m7a
      {"m7a.medium", 0.05796}, {"m7a.large", 0.11592}, {"m7a.xlarge", 0.23184}, {"m7a.2xlarge", 0.46368},
      {"m7a.4xlarge", 0.92736}, {"m7a.8xlarge", 1.85472}, {"m7a.12xlarge", 2.78208}, {"m7a.16xlarge", 3.70944},
      {"m7a.24xlarge", 5.56416}, {"m7a.32xlarge", 7.41888}, {"m7a.48xlarge", 11.12832}, {"m7a.metal-48xl", 11.12832},
      // c5
      {"c5.large", 0.085}, {"c5.xlarge", 0.17}, {"c5.2xlarge", 0.34}, {"c5.4xlarge", 0.68},
      {"c5.9xlarge", 1.53}, {"c5.12xlarge", 2.04}, {"c5.18xlarge", 3.06}, {"c5.24xlarge", 4.08},
      {"c5.metal", 4.08},
      // c5a
      {"c5a.large", 0.077}, {"c5a.xlarge", 0.154}, {"c5a.2xlarge", 0.308}, {"c5a.4xlarge", 0.616},
      {"c5a.8xlarge", 1.232}, {"c5a.12xlarge", 1.848}, {"c5a.16xlarge", 2.464}, {"c5a.24xlarge", 3.696},
      // c6i
      {"c6i.large", 0.085}, {"c6i.xlarge", 0.17}, {"c6i.2xlarge", 0.34}, {"c6i.4xlarge", 0.68},
      {"c6i.8xlarge", 1.36}, {"c6i.12xlarge", 2.04}, {"c6i.16xlarge", 2.72}, {"c6i.24xlarge", 4.08},
      {"c6i.32xlarge", 5.44}, {"c6i.metal", 5.44},
      // c6a
      {"c6a.large", 0.0765}, {"c6a.xlarge", 0.153}, {"c6a.2xlarge", 0.306}, {"c6a.4xlarge", 0.612},
      {"c6a.8xlarge", 1.224}, {"c6a.12xlarge", 1.836}, {"c6a.16xlarge", 2.448}, {"c6a.24xlarge", 3.672},
      {"c6a.32xlarge", 4.896}, {"c6a.48xlarge", 7.344}, {"c6a.metal", 7.344},
      // c7i
      {"c7i.large", 0.08925}, {"c7i.xlarge", 0.1785}, {"c7i.2xlarge", 0.357}, {"c7i.4xlarge", 0.714},
      {"c7i.8xlarge", 1.428}, {"c7i.12xlarge", 2.142}, {"c7i.16xlarge", 2.856}, {"c7i.24xlarge", 4.284},
      {"c7i.48xlarge", 8.568}, {"c7i.metal-24xl", 4.7124}, {"c7i.metal-48xl", 8.568},
      // c7a
      {"c7a.medium", 0.05132}, {"c7a.large", 0.10264}, {"c7a.xlarge", 0.20528}, {"c7a.2xlarge", 0.41056},
      {"c7a.4xlarge", 0.82112}, {"c7a.8xlarge", 1.64224}, {"c7a.12xlarge", 2.46336}, {"c7a.16xlarge", 3.28448},
      {"c7a.24xlarge", 4.92672}, {"c7a.32xlarge", 6.56896}, {"c7a.48xlarge", 9.85344}, {"c7a.metal-48xl", 9.85344},
      // r5
      {"r5.large", 0.126}, {"r5.xlarge", 0.252}, {"r5.2xlarge", 0.504}, {"r5.4xlarge", 1.008},
      {"r5.8xlarge", 2.016}, {"r5.12xlarge", 3.024}, {"r5.16xlarge", 4.032}, {"r5.24xlarge", 6.048},
      {"r5.metal", 6.048},
      // r5a
      {"r5a.large", 0.113}, {"r5a.xlarge", 0.226}, {"r5a.2xlarge", 0.452}, {"r5a.4xlarge", 0.904},
      {"r5a.8xlarge", 1.808}, {"r5a.12xlarge", 2.712}, {"r5a.16xlarge", 3.616}, {"r5a.24xlarge", 5.424},
      // r6i
      {"r6i.large", 0.126}, {"r6i.xlarge", 0.252}, {"r6i.2xlarge", 0.504}, {"r6i.4xlarge", 1.008},
      {"r6i.8xlarge", 2.016}, {"r6i.12xlarge", 3.024}, {"r6i.16xlarge", 4.032}, {"r6i.24xlarge", 6.048},
      {"r6i.32xlarge", 8.064}, {"r6i.metal", 8.064},
      // r6a
      {"r6a.large", 0.1134}, {"r6a.xlarge", 0.2268}, {"r6a.2xlarge", 0.4536}, {"r6a.4xlarge", 0.9072},
      {"r6a.8xlarge", 1.8144}, {"r6a.12xlarge", 2.7216}, {"r6a.16xlarge", 3.6288}, {"r6a.24xlarge", 5.4432},
      {"r6a.32xlarge", 7.2576}, {"r6a.48xlarge", 10.8864}, {"r6a.metal", 10.8864},
      // r7i
      {"r7i.large", 0.1323}, {"r7i.xlarge", 0.2646}, {"r7i.2xlarge", 0.5292}, {"r7i.4xlarge", 1.0584},
      {"r7i.8xlarge", 2.1168}, {"r7i.12xlarge", 3.1752}, {"r7i.16xlarge", 4.2336}, {"r7i.24xlarge", 6.3504},
      {"r7i.48xlarge", 12.7008}, {"r7i.metal-24xl", 6.98544}, {"r7i.metal-48xl", 12.7008},
      // r7a
      {"r7a.medium", 0.07608}, {"r7a.large", 0.15215}, {"r7a.xlarge", 0.3043}, {"r7a.2xlarge", 0.6086},
      {"r7a.4xlarge", 1.2172}, {"r7a.8xlarge", 2.4344}, {"r7a.12xlarge", 3.6516}, {"r7a.16xlarge", 4.8688},
      {"r7a.24xlarge", 7.3032}, {"r7a.32xlarge", 9.7376}, {"r7a.48xlarge", 14.6064}, {"r7a.metal-48xl", 14.6064},
  };
  return p;
}

}  // namespace hopper::report::data
