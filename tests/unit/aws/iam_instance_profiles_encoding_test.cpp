// IAM instance profile requests checked against botocore's model, and an AWS answer decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include <algorithm>

#include "aws/iam/instance_profiles.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::iam {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

TEST(IamInstanceProfilesEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("iam");
  (void)create_instance_profile(h.client, "p", "/hopper/", {{"kubernetes.io/cluster/c1", "owned"}});
  EXPECT_EQ(joined(model.check_query("CreateInstanceProfile", h.transport.params())), "");
  (void)get_instance_profile(h.client, "p");
  EXPECT_EQ(joined(model.check_query("GetInstanceProfile", h.transport.params())), "");
  (void)add_role_to_instance_profile(h.client, "p", "r");
  EXPECT_EQ(joined(model.check_query("AddRoleToInstanceProfile", h.transport.params())), "");
  (void)remove_role_from_instance_profile(h.client, "p", "r");
  EXPECT_EQ(joined(model.check_query("RemoveRoleFromInstanceProfile", h.transport.params())), "");
  (void)delete_instance_profile(h.client, "p");
  EXPECT_EQ(joined(model.check_query("DeleteInstanceProfile", h.transport.params())), "");
  (void)list_instance_profiles(h.client, "/hopper/", 100);
  EXPECT_EQ(joined(model.check_query("ListInstanceProfiles", h.transport.params())), "");
  (void)list_instance_profiles_for_role(h.client, "r", 100);
  EXPECT_EQ(joined(model.check_query("ListInstanceProfilesForRole", h.transport.params())), "");
  (void)tag_instance_profile(h.client, "p", {{"a", "b"}});
  EXPECT_EQ(joined(model.check_query("TagInstanceProfile", h.transport.params())), "");
}

TEST(IamInstanceProfilesEncodingTest, DecodesAnAwsProfile) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<GetInstanceProfileResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <GetInstanceProfileResult>
    <InstanceProfile>
      <InstanceProfileId>AIPAD5ARO2C5EXAMPLE3G</InstanceProfileId>
      <Roles>
        <member>
          <Path>/hopper/</Path>
          <Arn>arn:aws:iam::123456789012:role/hopper/c1-nodes</Arn>
          <RoleName>c1-nodes</RoleName>
          <AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument>
          <CreateDate>2012-05-09T15:45:35Z</CreateDate>
          <RoleId>AROACVYKSVTSZFEXAMPLE</RoleId>
        </member>
      </Roles>
      <InstanceProfileName>c1-nodes</InstanceProfileName>
      <Path>/hopper/</Path>
      <Arn>arn:aws:iam::123456789012:instance-profile/hopper/c1-nodes</Arn>
      <CreateDate>2012-05-09T16:11:10Z</CreateDate>
      <Tags><member><Key>kubernetes.io/cluster/c1</Key><Value>owned</Value></member></Tags>
    </InstanceProfile>
  </GetInstanceProfileResult>
  <ResponseMetadata><RequestId>37289fda-99f2-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
</GetInstanceProfileResponse>)"));
  auto profile = get_instance_profile(h.client, "c1-nodes");
  ASSERT_TRUE(profile.ok()) << profile.error().message();
  EXPECT_EQ(profile->name, "c1-nodes");
  EXPECT_EQ(profile->id, "AIPAD5ARO2C5EXAMPLE3G");
  EXPECT_EQ(profile->arn, "arn:aws:iam::123456789012:instance-profile/hopper/c1-nodes");
  EXPECT_EQ(profile->path, "/hopper/");
  EXPECT_EQ(profile->create_date, "2012-05-09T16:11:10Z");
  EXPECT_EQ(profile->role_names, std::vector<std::string>{"c1-nodes"});
  EXPECT_EQ(profile->tags, (Tags{{"kubernetes.io/cluster/c1", "owned"}}));
}

TEST(IamInstanceProfilesEncodingTest, FollowsMarkersWhereMotoDoesNotPage) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      "<ListInstanceProfilesForRoleResponse><ListInstanceProfilesForRoleResult><InstanceProfiles>"
      "<member><InstanceProfileName>a</InstanceProfileName></member></InstanceProfiles>"
      "<IsTruncated>true</IsTruncated><Marker>next</Marker></ListInstanceProfilesForRoleResult>"
      "</ListInstanceProfilesForRoleResponse>"));
  h.transport.push(test::RecordingTransport::Answer::ok(
      "<ListInstanceProfilesForRoleResponse><ListInstanceProfilesForRoleResult><InstanceProfiles>"
      "<member><InstanceProfileName>b</InstanceProfileName></member></InstanceProfiles>"
      "<IsTruncated>false</IsTruncated></ListInstanceProfilesForRoleResult></ListInstanceProfilesForRoleResponse>"));
  auto profiles = list_instance_profiles_for_role(h.client, "r", 1);
  ASSERT_TRUE(profiles.ok()) << profiles.error().message();
  ASSERT_EQ(profiles->size(), 2u);
  EXPECT_EQ(profiles->at(1).name, "b");
  const auto second = h.transport.params(1);
  EXPECT_NE(std::find(second.begin(), second.end(), std::pair<std::string, std::string>{"Marker", "next"}), second.end());
}

}  // namespace
}  // namespace hopper::aws::iam
