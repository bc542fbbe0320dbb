// IAM role requests checked against botocore's model; decoders fed AWS-shaped answers; the
// Marker/IsTruncated loop driven by scripted pages.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/iam/roles.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::iam {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

using encoding::value_of;

constexpr const char* k_role_xml = R"(<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <GetRoleResult>
    <Role>
      <Path>/hopper/c1/</Path>
      <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22ec2.amazonaws.com%22%5D%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRole%22%5D%7D%5D%7D</AssumeRolePolicyDocument>
      <MaxSessionDuration>3600</MaxSessionDuration>
      <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
      <RoleLastUsed><LastUsedDate>2019-11-20T17:09:20Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>
      <RoleName>c1-nodes</RoleName>
      <Arn>arn:aws:iam::123456789012:role/hopper/c1/c1-nodes</Arn>
      <CreateDate>2019-11-13T16:45:56Z</CreateDate>
      <Description>nodes of c1</Description>
      <Tags>
        <member><Key>kubernetes.io/cluster/c1</Key><Value>owned</Value></member>
        <member><Key>Name</Key><Value>c1-nodes</Value></member>
      </Tags>
    </Role>
  </GetRoleResult>
  <ResponseMetadata><RequestId>df37e965-9967-11e1-a4c3-270EXAMPLE04</RequestId></ResponseMetadata>
</GetRoleResponse>)";

TEST(IamRolesEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("iam");
  (void)get_role(h.client, "c1-nodes");
  EXPECT_EQ(joined(model.check_query("GetRole", h.transport.params())), "");
  (void)create_role(h.client, CreateRoleRequest{"c1-nodes", "/hopper/", R"({"Version":"2012-10-17"})", "nodes",
                                                {{"kubernetes.io/cluster/c1", "owned"}, {"Name", "c1-nodes"}}});
  const auto create = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateRole", create)), "");
  EXPECT_EQ(value_of(create, "AssumeRolePolicyDocument"), R"({"Version":"2012-10-17"})");
  EXPECT_EQ(value_of(create, "Tags.member.2.Key"), "kubernetes.io/cluster/c1");
  (void)create_role(h.client, CreateRoleRequest{"bare", "", "{}", "", {}});
  EXPECT_EQ(joined(model.check_query("CreateRole", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "Path"), "/");
  EXPECT_EQ(value_of(h.transport.params(), "Description"), "<absent>");
  (void)delete_role(h.client, "c1-nodes");
  EXPECT_EQ(joined(model.check_query("DeleteRole", h.transport.params())), "");
  (void)list_roles(h.client, "/hopper/", 50);
  EXPECT_EQ(joined(model.check_query("ListRoles", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "MaxItems"), "50");
  (void)tag_role(h.client, "c1-nodes", {{"a", "b"}});
  EXPECT_EQ(joined(model.check_query("TagRole", h.transport.params())), "");
  (void)untag_role(h.client, "c1-nodes", {"a", "b"});
  EXPECT_EQ(joined(model.check_query("UntagRole", h.transport.params())), "");
}

TEST(IamRolesEncodingTest, SignsForUsEast1OnTheGlobalEndpoint) {
  Harness h;
  (void)get_role(h.client, "x");
  const auto request = h.transport.requests().back();
  EXPECT_EQ(request.url, "https://iam.amazonaws.com");
  std::string authorization;
  for (const auto& [name, value] : request.headers) {
    if (name == "Authorization") authorization = value;
  }
  EXPECT_NE(authorization.find("/us-east-1/iam/aws4_request"), std::string::npos) << authorization;
}

TEST(IamRolesEncodingTest, DecodesAnAwsRole) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(k_role_xml));
  auto role = get_role(h.client, "c1-nodes");
  ASSERT_TRUE(role.ok()) << role.error().message();
  EXPECT_EQ(role->name, "c1-nodes");
  EXPECT_EQ(role->arn, "arn:aws:iam::123456789012:role/hopper/c1/c1-nodes");
  EXPECT_EQ(role->id, "AROADBQP57FF2AEXAMPLE");
  EXPECT_EQ(role->path, "/hopper/c1/");
  EXPECT_EQ(role->assume_role_policy_document,
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},)"
            R"("Action":["sts:AssumeRole"]}]})");
  EXPECT_EQ(role->description, "nodes of c1");
  EXPECT_EQ(role->create_date, "2019-11-13T16:45:56Z");
  EXPECT_EQ(role->max_session_duration, 3600);
  EXPECT_EQ(role->tags, (Tags{{"kubernetes.io/cluster/c1", "owned"}, {"Name", "c1-nodes"}}));
}

TEST(IamRolesEncodingTest, PolicyDocumentKeepsPlusAndDecodesPercent) {
  EXPECT_EQ(decode_policy_document("%7B%22a%22%3A%22x+y%20z%25%22%7D"), R"({"a":"x+y z%"})");
  EXPECT_EQ(decode_policy_document("{\"already\":\"plain\"}"), "{\"already\":\"plain\"}");
}

TEST(IamRolesEncodingTest, FollowsMarkersUntilNotTruncated) {
  Harness h;
  const auto page = [](const std::string& names, bool truncated, const std::string& marker) {
    std::string members;
    for (char c : names) members += std::string("<member><RoleName>r") + c + "</RoleName><Path>/</Path></member>";
    return "<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRolesResult><Roles>" + members +
           "</Roles><IsTruncated>" + (truncated ? "true" : "false") + "</IsTruncated>" +
           (marker.empty() ? "" : "<Marker>" + marker + "</Marker>") + "</ListRolesResult></ListRolesResponse>";
  };
  h.transport.push(test::RecordingTransport::Answer::ok(page("12", true, "m1")));
  h.transport.push(test::RecordingTransport::Answer::ok(page("34", true, "m2")));
  h.transport.push(test::RecordingTransport::Answer::ok(page("5", false, "")));
  auto roles = list_roles(h.client, "/", 2);
  ASSERT_TRUE(roles.ok()) << roles.error().message();
  ASSERT_EQ(roles->size(), 5u);
  EXPECT_EQ(roles->back().name, "r5");
  ASSERT_EQ(h.transport.requests().size(), 3u);
  EXPECT_EQ(value_of(h.transport.params(0), "Marker"), "<absent>");
  EXPECT_EQ(value_of(h.transport.params(1), "Marker"), "m1");
  EXPECT_EQ(value_of(h.transport.params(2), "Marker"), "m2");

  // A server that repeats its marker does not keep us looping.
  Harness stuck;
  stuck.transport.set_fallback([&](const net::HttpRequest&) { return test::RecordingTransport::Answer::ok(page("1", true, "same")); });
  auto bounded = list_roles(stuck.client);
  ASSERT_TRUE(bounded.ok());
  EXPECT_EQ(stuck.transport.requests().size(), 2u);
}

TEST(IamRolesEncodingTest, NoSuchEntityIsNotFound) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>)"
      R"(<Message>The role with name x cannot be found.</Message></Error><RequestId>r-9</RequestId></ErrorResponse>)",
      404));
  auto role = get_role(h.client, "x");
  ASSERT_FALSE(role.ok());
  EXPECT_TRUE(is_not_found(role.error()));
  EXPECT_EQ(api_error(role.error())->request_id, "r-9");
}

}  // namespace
}  // namespace hopper::aws::iam
