// eu-central-1 prices of the table compiled into hopper (see report/price_table.hpp and docs/report.md,
// "Where the prices come from"). Data only, USD, on-demand, Linux, shared tenancy.
//
// Instance prices: SkyPilot's AWS catalog, generated from the AWS Price List API:
// skypilot-org/skypilot-catalog, catalogs/v7/aws/vms.csv at commit
// 27f67dd4e1bc0d35fa0ec075180ad54b230882c4, column Price of the eu-central-1 rows, copied type by type.
// Copied: every instance type of the spec catalog (the same types as prices_us_east_1.cpp), all
// families t2, t3, t3a, c5, c5a, c6i, c6a, c7i, c7a, m5, m5a, m6i, m6a, m7i, m7a, r5, r5a, r6i,
// r6a, r7i, r7a.
//
// Other prices (EBS gp3, NAT gateway, load balancers): no source for eu-central-1 was found when this
// table was made, so they are std::nullopt and an estimate lists them as not priced.
// Public IPv4: $0.005 per address-hour in every region (AWS announcement, docs/report.md).
#include "report/data/regions.hpp"

namespace hopper::report::data {

RegionPrices eu_central_1() {
  RegionPrices p;
  p.region = "eu-central-1";
  p.date = "skypilot-catalog@27f67dd";
  p.public_ipv4_hour = 0.005;
  p.instance_source = "AWS Price List API via SkyPilot's catalog (skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv @ 27f67dd)";
  p.instance_hour = {
    // t2
    {"t2.nano", 0.0067}, {"t2.micro", 0.0134}, {"t2.small", 0.0268}, {"t2.medium", 0.0536}, {"t2.large", 0.1072},
    {"t2.xlarge", 0.2144}, {"t2.2xlarge", 0.4288},
    // t3
    {"t3.nano", 0.006}, {"t3.micro", 0.012}, {"t3.small", 0.024},
    {"t3.medium", 0.048}, {"t3.large", 0.096}, {"t3.xlarge", 0.192},
    {"t3.2xlarge", 0.384},
    // t3a
    {"t3a.nano", 0.0054}, {"t3a.micro", 0.0108}, {"t3a.small", 0.0216}, {"t3a.medium", 0.0432},
    {"t3a.large", 0.0864}, {"t3a.xlarge", 0.1728}, {"t3a.2xlarge", 0.3456},
    // c5
    {"c5.large", 0.097}, {"c5.xlarge", 0.194}, {"c5.2xlarge", 0.388}, {"c5.4xlarge", 0.776},
    {"c5.9xlarge", 1.746}, {"c5.12xlarge", 2.328}, {"c5.18xlarge", 3.492}, {"c5.24xlarge", 4.656},
    {"c5.metal", 4.656},
    // c5a
    {"c5a.large", 0.087}, {"c5a.xlarge", 0.174}, {"c5a.2xlarge", 0.348}, {"c5a.4xlarge", 0.696},
    {"c5a.8xlarge", 1.392}, {"c5a.12xlarge", 2.088}, {"c5a.16xlarge", 2.784}, {"c5a.24xlarge", 4.176},
    // c6i
    {"c6i.large", 0.097}, {"c6i.xlarge", 0.194}, {"c6i.2xlarge", 0.388}, {"c6i.4xlarge", 0.776},
    {"c6i.8xlarge", 1.552}, {"c6i.12xlarge", 2.328}, {"c6i.16xlarge", 3.104}, {"c6i.24xlarge", 4.656},
    {"c6i.32xlarge", 6.208}, {"c6i.metal", 6.208},
    // c6a
    {"c6a.large", 0.0873}, {"c6a.xlarge", 0.1746}, {"c6a.2xlarge", 0.3492}, {"c6a.4xlarge", 0.6984},
    {"c6a.8xlarge", 1.3968}, {"c6a.12xlarge", 2.0952}, {"c6a.16xlarge", 2.7936}, {"c6a.24xlarge", 4.1904},
    {"c6a.32xlarge", 5.5872}, {"c6a.48xlarge", 8.3808}, {"c6a.metal", 8.3808},
    // c7i
    {"c7i.large", 0.10185}, {"c7i.xlarge", 0.2037}, {"c7i.2xlarge", 0.4074}, {"c7i.4xlarge", 0.8148},
    {"c7i.8xlarge", 1.6296}, {"c7i.12xlarge", 2.4444}, {"c7i.16xlarge", 3.2592}, {"c7i.24xlarge", 4.8888},
    {"c7i.48xlarge", 9.7776}, {"c7i.metal-24xl", 4.8888}, {"c7i.metal-48xl", 9.7776},
    // c7a
    {"c7a.medium", 0.05857}, {"c7a.large", 0.11713}, {"c7a.xlarge", 0.23426}, {"c7a.2xlarge", 0.46852},
    {"c7a.4xlarge", 0.93704}, {"c7a.8xlarge", 1.87408}, {"c7a.12xlarge", 2.81112}, {"c7a.16xlarge", 3.74816},
    {"c7a.24xlarge", 5.62224}, {"c7a.32xlarge", 7.49632}, {"c7a.48xlarge", 11.24448},
    {"c7a.metal-48xl", 11.24448},
    // m5
    {"m5.large", 0.115}, {"m5.xlarge", 0.23}, {"m5.2xlarge", 0.46}, {"m5.4xlarge", 0.92},
    {"m5.8xlarge", 1.84}, {"m5.12xlarge", 2.76}, {"m5.16xlarge", 3.68}, {"m5.24xlarge", 5.52},
    {"m5.metal", 5.52},
    // m5a
    {"m5a.large", 0.104}, {"m5a.xlarge", 0.208}, {"m5a.2xlarge", 0.416}, {"m5a.4xlarge", 0.832},
    {"m5a.8xlarge", 1.664}, {"m5a.12xlarge", 2.496}, {"m5a.16xlarge", 3.328}, {"m5a.24xlarge", 4.992},
    // m6i
    {"m6i.large", 0.115}, {"m6i.xlarge", 0.23}, {"m6i.2xlarge", 0.46}, {"m6i.4xlarge", 0.92},
    {"m6i.8xlarge", 1.84}, {"m6i.12xlarge", 2.76}, {"m6i.16xlarge", 3.68}, {"m6i.24xlarge", 5.52},
    {"m6i.32xlarge", 7.36}, {"m6i.metal", 7.36},
    // m6a
    {"m6a.large", 0.1035}, {"m6a.xlarge", 0.207}, {"m6a.2xlarge", 0.414}, {"m6a.4xlarge", 0.828},
    {"m6a.8xlarge", 1.656}, {"m6a.12xlarge", 2.484}, {"m6a.16xlarge", 3.312}, {"m6a.24xlarge", 4.968},
    {"m6a.32xlarge", 6.624}, {"m6a.48xlarge", 9.936}, {"m6a.metal", 9.936},
    // m7i
    {"m7i.large", 0.12075}, {"m7i.xlarge", 0.2415}, {"m7i.2xlarge", 0.483}, {"m7i.4xlarge", 0.966},
    {"m7i.8xlarge", 1.932}, {"m7i.12xlarge", 2.898}, {"m7i.16xlarge", 3.864}, {"m7i.24xlarge", 5.796},
    {"m7i.48xlarge", 11.592}, {"m7i.metal-24xl", 5.796}, {"m7i.metal-48xl", 11.592},
    // m7a
    {"m7a.medium", 0.06943}, {"m7a.large", 0.13886}, {"m7a.xlarge", 0.27772}, {"m7a.2xlarge", 0.55544},
    {"m7a.4xlarge", 1.11088}, {"m7a.8xlarge", 2.22176}, {"m7a.12xlarge", 3.33264}, {"m7a.16xlarge", 4.44352},
    {"m7a.24xlarge", 6.66528}, {"m7a.32xlarge", 8.88704}, {"m7a.48xlarge", 13.33056}, {"m7a.metal-48xl", 13.33056},
    // r6a
    {"r6a.large", 0.1368}, {"r6a.xlarge", 0.2736}, {"r6a.2xlarge", 0.5472}, {"r6a.4xlarge", 1.0944},
    {"r6a.8xlarge", 2.1888}, {"r6a.12xlarge", 3.2832}, {"r6a.16xlarge", 4.3776}, {"r6a.24xlarge", 6.5664},
    {"r6a.32xlarge", 8.7552}, {"r6a.48xlarge", 13.1328}, {"r6a.metal", 13.1328},
    // r5
    {"r5.large", 0.152}, {"r5.xlarge", 0.304}, {"r5.2xlarge", 0.608}, {"r5.4xlarge", 1.216},
    {"r5.8xlarge", 2.432}, {"r5.12xlarge", 3.648}, {"r5.16xlarge", 4.864}, {"r5.24xlarge", 7.296},
    {"r5.metal", 7.296},
    // r5a
    {"r5a.large", 0.137}, {"r5a.xlarge", 0.274}, {"r5a.2xlarge", 0.548}, {"r5a.4xlarge", 1.096},
    {"r5a.8xlarge", 2.192}, {"r5a.12xlarge", 3.288}, {"r5a.16xlarge", 4.384}, {"r5a.24xlarge", 6.576},
    // r6i
    {"r6i.large", 0.152}, {"r6i.xlarge", 0.304}, {"r6i.2xlarge", 0.608}, {"r6i.4xlarge", 1.216},
    {"r6i.8xlarge", 2.432}, {"r6i.12xlarge", 3.648}, {"r6i.16xlarge", 4.864}, {"r6i.24xlarge", 7.296},
    {"r6i.32xlarge", 9.728}, {"r6i.metal", 9.728},
    // r7i
    {"r7i.large", 0.1596}, {"r7i.xlarge", 0.3192}, {"r7i.2xlarge", 0.6384}, {"r7i.4xlarge", 1.2768},
    {"r7i.8xlarge", 2.5536}, {"r7i.12xlarge", 3.8304}, {"r7i.16xlarge", 5.1072}, {"r7i.24xlarge", 7.6608},
    {"r7i.48xlarge", 15.3216}, {"r7i.metal-24xl", 7.6608}, {"r7i.metal-48xl", 15.3216},
    // r7a
    {"r7a.medium", 0.09177}, {"r7a.large", 0.18354}, {"r7a.xlarge", 0.36708}, {"r7a.2xlarge", 0.73416},
    {"r7a.4xlarge", 1.46832}, {"r7a.8xlarge", 2.93664}, {"r7a.12xlarge", 4.40496}, {"r7a.16xlarge", 5.87328},
    {"r7a.24xlarge", 8.80992}, {"r7a.32xlarge", 11.74656}, {"r7a.48xlarge", 17.61984}, {"r7a.metal-48xl", 17.61984},
  };
  return p;
}

}  // namespace hopper::report::data
