// Tag requests checked against botocore's EC2 model; DescribeTags answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/tags.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::ec2 {
namespace {

using encoding::Params;
using Answer = test::RecordingTransport::Answer;

using Harness = encoding::Harness<Client>;

// Every problem botocore's EC2 model finds with `params` (the model is parsed once: it is large).
std::string problems(const std::string& operation, const Params& params) {
  static const test::BotocoreModel model("ec2");
  std::string out;
  for (const auto& p : model.check_query(operation, params)) out += p + "\n";
  return out;
}

std::optional<std::string> param(const Params& params, const std::string& name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string describe_page(const std::string& items, const std::string& token) {
  return R"(<DescribeTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
   <tagSet>)" + items + "</tagSet>" + (token.empty() ? "" : "<nextToken>" + token + "</nextToken>") +
         "</DescribeTagsResponse>";
}

constexpr const char* k_items = R"(
      <item>
         <resourceId>ami-1a2b3c4d</resourceId>
         <resourceType>image</resourceType>
         <key>webserver</key>
         <value/>
      </item>
      <item>
         <resourceId>i-1234567890abcdef0</resourceId>
         <resourceType>instance</resourceType>
         <key>stack</key>
         <value>Production</value>
      </item>)";

TEST(Ec2TagsEncodingTest, MatchesTheModel) {
  Harness h;
  (void)create_tags(h.client, {"vpc-1", "subnet-1"}, {{"Name", "x"}, {"kubernetes.io/cluster/c", "owned"}});
  const auto create = h.transport.params();
  EXPECT_EQ(problems("CreateTags", create), "");
  EXPECT_EQ(param(create, "ResourceId.2"), "subnet-1");
  EXPECT_EQ(param(create, "Tag.2.Key"), "kubernetes.io/cluster/c");
  EXPECT_EQ(param(create, "Tag.2.Value"), "owned");
  (void)delete_tags(h.client, {"vpc-1"}, {"Name", "stale"});
  const auto del = h.transport.params();
  EXPECT_EQ(problems("DeleteTags", del), "");
  EXPECT_EQ(param(del, "Tag.2.Key"), "stale");
  EXPECT_EQ(param(del, "Tag.1.Value"), std::nullopt);  // any value
  (void)describe_tags(h.client, {{"resource-id", {"vpc-1"}}, {"key", {"Name"}}});
  EXPECT_EQ(problems("DescribeTags", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "MaxResults"), "1000");
}

TEST(Ec2TagsEncodingTest, RefusesCallsThatWouldTouchNothingOrEverything) {
  Harness h;
  EXPECT_FALSE(delete_tags(h.client, {"vpc-1"}, {}).ok());  // EC2 would delete every tag
  EXPECT_FALSE(delete_tags(h.client, {}, {"Name"}).ok());
  EXPECT_FALSE(create_tags(h.client, {"vpc-1"}, {}).ok());
  EXPECT_FALSE(create_tags(h.client, {}, {{"a", "b"}}).ok());
  EXPECT_TRUE(h.transport.requests().empty());
}

TEST(Ec2TagsEncodingTest, DecodesAndPaginatesDescribeTags) {
  Harness h;
  h.transport.push(Answer::ok(describe_page(k_items, "next-1")));
  h.transport.push(Answer::ok(describe_page(k_items, "")));
  auto tags = describe_tags(h.client, {{"resource-type", {"instance", "image"}}});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  ASSERT_EQ(tags->size(), 4u);
  EXPECT_EQ(tags->at(0).resource_id, "ami-1a2b3c4d");
  EXPECT_EQ(tags->at(0).resource_type, "image");
  EXPECT_EQ(tags->at(0).key, "webserver");
  EXPECT_EQ(tags->at(0).value, "");
  EXPECT_EQ(tags->at(1).value, "Production");
  ASSERT_EQ(h.transport.requests().size(), 2u);
  EXPECT_EQ(param(h.transport.params(1), "NextToken"), "next-1");
  EXPECT_EQ(problems("DescribeTags", h.transport.params(1)), "");
}

}  // namespace
}  // namespace hopper::aws::ec2
