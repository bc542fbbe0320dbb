#include <random>

#include "harness.hpp"
#include "util/fs.hpp"
#include "support/temp_dir.hpp"

namespace hopper::sim::test {
namespace {

using aws::Service;

TEST(SimAuthTest, GoodSignatureIsServed) {
  Harness h;
  const auto response = h.call(Service::sts, "GetCallerIdentity");
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(Harness::find(response.body, "Account"), "123456789012");
}

TEST(SimAuthTest, WrongSecretIsSignatureDoesNotMatchOrAuthFailure) {
  Harness h;
  SignOptions wrong;
  wrong.secret_key = "not-test";
  auto sts = h.call(Service::sts, "GetCallerIdentity", {}, wrong);
  EXPECT_EQ(sts.status, 403);
  EXPECT_EQ(Harness::find(sts.body, "Code"), "SignatureDoesNotMatch");
  auto ec2 = h.call(Service::ec2, "DescribeVpcs", {}, wrong);
  EXPECT_EQ(ec2.status, 401);
  EXPECT_EQ(Harness::find(ec2.body, "Code"), "AuthFailure");
}

TEST(SimAuthTest, TamperedBodyIsRejected) {
  Harness h;
  SignOptions tamper;
  tamper.tamper_body = "Action=DeleteVpc&Version=2016-11-15&VpcId=vpc-1";
  auto response = h.call(Service::ec2, "DescribeVpcs", {}, tamper);
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(Harness::find(response.body, "Code"), "AuthFailure");
}

TEST(SimAuthTest, UnsignedAndUnknownKey) {
  Harness h;
  SignOptions unsigned_request;
  unsigned_request.sign = false;
  auto response = h.call(Service::iam, "ListRoles", {}, unsigned_request);
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(Harness::find(response.body, "Code"), "MissingAuthenticationToken");
  SignOptions other_key;
  other_key.access_key = "AKIAOTHER";
  response = h.call(Service::iam, "ListRoles", {}, other_key);
  EXPECT_EQ(Harness::find(response.body, "Code"), "InvalidClientTokenId");
}

TEST(SimErrorsTest, Ec2QueryAndJsonErrorBodiesHaveAwsShapes) {
  Harness h;
  auto ec2 = h.ec2("DescribeVpcs", {{"VpcId.1", "vpc-0123456789abcdef0"}});
  EXPECT_EQ(ec2.status, 400);
  EXPECT_NE(ec2.body.find("<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>"), std::string::npos) << ec2.body;
  EXPECT_NE(ec2.body.find("<RequestID>"), std::string::npos);
  auto iam = h.call(Service::iam, "GetRole", {{"RoleName", "nope"}});
  EXPECT_EQ(iam.status, 404);
  EXPECT_NE(iam.body.find("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"),
            std::string::npos) << iam.body;
  auto ssm = h.frontend->handle(json_request("GetParameter", {{"Name", "/nope"}}));
  EXPECT_EQ(ssm.status, 400);
  EXPECT_EQ(nlohmann::json::parse(ssm.body)["__type"], "ParameterNotFound");
  auto unknown = h.ec2("FlyToTheMoon");
  EXPECT_EQ(Harness::find(unknown.body, "Code"), "InvalidAction");
  auto missing = h.ec2("CreateVpc");
  EXPECT_EQ(Harness::find(missing.body, "Code"), "MissingParameter");
  auto ssm_unknown = h.frontend->handle(json_request("FlyToTheMoon", nlohmann::json::object()));
  EXPECT_EQ(nlohmann::json::parse(ssm_unknown.body)["__type"], "UnknownOperationException");
}

TEST(SimRulesTest, SubnetCidrMustBeInsideTheVpcAndNotOverlap) {
  Harness h;
  const std::string vpc = Harness::find(h.ec2("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}}).body, "vpcId");
  ASSERT_FALSE(vpc.empty());
  EXPECT_EQ(h.ec2("CreateSubnet", {{"VpcId", vpc}, {"CidrBlock", "10.0.0.0/20"}}).status, 200);
  EXPECT_EQ(Harness::find(h.ec2("CreateSubnet", {{"VpcId", vpc}, {"CidrBlock", "10.1.0.0/24"}}).body, "Code"), "InvalidSubnet.Range");
  EXPECT_EQ(Harness::find(h.ec2("CreateSubnet", {{"VpcId", vpc}, {"CidrBlock", "10.0.8.0/24"}}).body, "Code"), "InvalidSubnet.Conflict");
  EXPECT_EQ(Harness::find(h.ec2("DeleteVpc", {{"VpcId", vpc}}).body, "Code"), "DependencyViolation");
}

TEST(SimRulesTest, SecurityGroupRulesAndDependencies) {
  Harness h;
  const std::string vpc = Harness::find(h.ec2("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}}).body, "vpcId");
  const std::string a = Harness::find(h.ec2("CreateSecurityGroup", {{"GroupName", "a"}, {"GroupDescription", "a"}, {"VpcId", vpc}}).body, "groupId");
  const std::string b = Harness::find(h.ec2("CreateSecurityGroup", {{"GroupName", "b"}, {"GroupDescription", "b"}, {"VpcId", vpc}}).body, "groupId");
  EXPECT_EQ(Harness::find(h.ec2("CreateSecurityGroup", {{"GroupName", "a"}, {"GroupDescription", "a"}, {"VpcId", vpc}}).body, "Code"),
            "InvalidGroup.Duplicate");
  const Pairs rule = {{"GroupId", b}, {"IpPermissions.1.IpProtocol", "tcp"}, {"IpPermissions.1.FromPort", "22"},
                      {"IpPermissions.1.ToPort", "22"}, {"IpPermissions.1.Groups.1.GroupId", a}};
  EXPECT_EQ(h.ec2("AuthorizeSecurityGroupIngress", rule).status, 200);
  EXPECT_EQ(Harness::find(h.ec2("AuthorizeSecurityGroupIngress", rule).body, "Code"), "InvalidPermission.Duplicate");
  EXPECT_EQ(Harness::find(h.ec2("DeleteSecurityGroup", {{"GroupId", a}}).body, "Code"), "DependencyViolation");
  EXPECT_EQ(h.ec2("RevokeSecurityGroupIngress", rule).status, 200);
  EXPECT_EQ(h.ec2("DeleteSecurityGroup", {{"GroupId", a}}).status, 200);
}

TEST(SimFiltersTest, TagsWildcardsAndUnknownFilters) {
  Harness h;
  h.ec2("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}, {"TagSpecification.1.ResourceType", "vpc"},
                      {"TagSpecification.1.Tag.1.Key", "kubernetes.io/cluster/x"}, {"TagSpecification.1.Tag.1.Value", "owned"}});
  h.ec2("CreateVpc", {{"CidrBlock", "10.1.0.0/16"}});
  auto tagged = h.ec2("DescribeVpcs", {{"Filter.1.Name", "tag:kubernetes.io/cluster/x"}, {"Filter.1.Value.1", "owned"}});
  EXPECT_EQ(Harness::count(tagged.body, "vpcId"), 1);
  auto keyed = h.ec2("DescribeVpcs", {{"Filter.1.Name", "tag-key"}, {"Filter.1.Value.1", "kubernetes.io/*"}});
  EXPECT_EQ(Harness::count(keyed.body, "vpcId"), 1);
  auto defaults = h.ec2("DescribeVpcs", {{"Filter.1.Name", "is-default"}, {"Filter.1.Value.1", "true"}});
  EXPECT_EQ(Harness::find(defaults.body, "cidrBlock"), "172.31.0.0/16");
  auto images = h.ec2("DescribeImages", {{"Owner.1", "099720109477"}, {"Filter.1.Name", "name"},
                                          {"Filter.1.Value.1", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"}});
  EXPECT_EQ(Harness::count(images.body, "imageId"), 1) << images.body;
  EXPECT_EQ(Harness::find(h.ec2("DescribeVpcs", {{"Filter.1.Name", "colour"}, {"Filter.1.Value.1", "x"}}).body, "Code"),
            "InvalidParameterValue");
}

TEST(SimPaginationTest, NextTokenWalksEveryPage) {
  Harness h;
  for (int i = 0; i < 7; ++i) h.ec2("CreateVpc", {{"CidrBlock", "10." + std::to_string(i) + ".0.0/16"}});
  auto first = h.ec2("DescribeVpcs", {{"MaxResults", "5"}});
  EXPECT_EQ(Harness::count(first.body, "vpcId"), 5);
  const std::string token = Harness::find(first.body, "nextToken");
  ASSERT_FALSE(token.empty());
  auto second = h.ec2("DescribeVpcs", {{"MaxResults", "5"}, {"NextToken", token}});
  EXPECT_EQ(Harness::count(second.body, "vpcId"), 3);  // 7 + the default VPC
  EXPECT_TRUE(Harness::find(second.body, "nextToken").empty());
  EXPECT_EQ(Harness::find(h.ec2("DescribeVpcs", {{"NextToken", "garbage"}}).body, "Code"), "InvalidNextToken");
}

TEST(SimInstancesTest, ClientTokenAnswersTheOriginalReservation) {
  Harness h;
  const std::string image = Harness::find(h.ec2("DescribeImages", {{"Owner.1", "099720109477"}}).body, "imageId");
  const Pairs run = {{"ImageId", image}, {"InstanceType", "t3.micro"}, {"MinCount", "1"}, {"MaxCount", "1"}, {"ClientToken", "tok-1"}};
  const std::string first = Harness::find(h.ec2("RunInstances", run).body, "instanceId");
  const std::string again = Harness::find(h.ec2("RunInstances", run).body, "instanceId");
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, again);
  auto all = h.ec2("DescribeInstances");
  EXPECT_EQ(Harness::count(all.body, "instanceId"), 2);  // the instance, and its interface's attachment
}

TEST(SimFaultsTest, SameSeedSameFaults) {
  const auto statuses = [](std::uint64_t seed) {
    FrontendOptions options;
    options.faults.throttle_rate = 0.3;
    options.faults.error_rate = 0.2;
    options.faults.seed = seed;
    Harness h(options);
    std::string out;
    for (int i = 0; i < 40; ++i) out += std::to_string(h.ec2("DescribeVpcs").status) + ",";
    return out;
  };
  EXPECT_EQ(statuses(7), statuses(7));
  EXPECT_NE(statuses(7), statuses(8));
  EXPECT_NE(statuses(7).find("503"), std::string::npos);
}

TEST(SimPersistenceTest, StateSurvivesARestartAndCorruptFilesAreNamed) {
  hopper::test::TempDir dir;
  FrontendOptions options;
  options.state_file = dir.path() / "state.json";
  std::string vpc;
  {
    Harness h(options);
    vpc = Harness::find(h.ec2("CreateVpc", {{"CidrBlock", "10.9.0.0/16"}}).body, "vpcId");
  }
  {
    Harness h(options);
    EXPECT_EQ(h.ec2("DescribeVpcs", {{"VpcId.1", vpc}}).status, 200);
  }
  const auto corrupt = dir.write("bad.json", "{not json");
  FrontendOptions bad;
  bad.state_file = corrupt;
  auto created = Frontend::create(bad);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.error().message().find(corrupt.string()), std::string::npos) << created.error().message();
}

TEST(SimRobustnessTest, RandomAndMalformedRequestsAlwaysGetAnAnswer) {
  Harness h;
  std::mt19937 rng(3);
  const std::vector<std::string> pieces = {"Action=", "Version=2016-11-15", "&", "Filter.1.Name=", "VpcId.1=", "%", "%zz",
                                           "MaxResults=-1", "NextToken=", "CreateVpc", "RunInstances", "=", "..", "\xff"};
  for (int i = 0; i < 300; ++i) {
    std::string body;
    for (int n = static_cast<int>(rng() % 12); n-- > 0;) body += pieces[rng() % pieces.size()];
    RawRequest request = query_request(aws::Service::ec2, "DescribeVpcs", {});
    if (i % 3 == 0) request.body = body;  // tampered: signature must fail cleanly
    if (i % 3 == 1) request.headers.emplace_back("X-Amz-Target", "AmazonSSM." + body);
    if (i % 3 == 2) request = RawRequest{"POST", "/?" + body, {{"Authorization", body}}, body};
    const RawResponse response = h.frontend->handle(request);
    EXPECT_GE(response.status, 200);
    EXPECT_LT(response.status, 600);
  }
  EXPECT_EQ(h.ec2("DescribeVpcs").status, 200);
}

}  // namespace
}  // namespace hopper::sim::test
