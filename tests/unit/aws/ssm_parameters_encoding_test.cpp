// SSM parameter requests (JSON 1.1) checked against botocore's model; AWS answers decoded;
// NextToken pages and DeleteParameters batches driven by scripted answers.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ssm/parameters.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::ssm {
namespace {

using Answer = test::RecordingTransport::Answer;

struct Harness {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  Session session;
  Client client{session};
  Harness()
      : session(AwsConfig{}, "eu-west-1", static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}), transport,
                clock, random) {
    transport.set_fallback([](const net::HttpRequest&) { return Answer::ok("{}"); });
  }
  nlohmann::json body(int index = -1) const {
    const auto requests = transport.requests();
    const std::size_t i = index < 0 ? requests.size() - 1 : static_cast<std::size_t>(index);
    return nlohmann::json::parse(requests.at(i).body);
  }
  std::string target() const {
    const auto requests = transport.requests();
    for (const auto& [name, value] : requests.back().headers) {
      if (name == "X-Amz-Target") return value;
    }
    return "";
  }
};

using encoding::joined;

TEST(SsmParametersEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("ssm");
  PutParameterRequest put;
  put.name = "/hopper/c1/join-token";
  put.value = "s3cret";
  put.description = "join token";
  put.tags = {{"kubernetes.io/cluster/c1", "owned"}};
  put.key_id = "alias/hopper";
  put.tier = "Standard";
  (void)put_parameter(h.client, put);
  EXPECT_EQ(joined(model.check_json("PutParameter", h.body())), "");
  EXPECT_EQ(h.target(), "AmazonSSM.PutParameter");
  EXPECT_EQ(h.body()["Type"], "SecureString");
  EXPECT_EQ(h.body()["Tags"][0]["Key"], "kubernetes.io/cluster/c1");
  EXPECT_FALSE(h.body().contains("Overwrite"));
  // AWS rejects Tags with Overwrite: they are dropped on overwrite.
  put.overwrite = true;
  (void)put_parameter(h.client, put);
  EXPECT_EQ(joined(model.check_json("PutParameter", h.body())), "");
  EXPECT_EQ(h.body()["Overwrite"], true);
  EXPECT_FALSE(h.body().contains("Tags"));

  (void)get_parameter(h.client, "/hopper/c1/join-token", true);
  EXPECT_EQ(joined(model.check_json("GetParameter", h.body())), "");
  EXPECT_EQ(h.target(), "AmazonSSM.GetParameter");
  EXPECT_EQ(h.body(), (nlohmann::json{{"Name", "/hopper/c1/join-token"}, {"WithDecryption", true}}));
  (void)get_parameters_by_path(h.client, "/hopper/c1", true, true);
  EXPECT_EQ(joined(model.check_json("GetParametersByPath", h.body())), "");
  EXPECT_EQ(h.body()["MaxResults"], 10);
  (void)delete_parameter(h.client, "/hopper/c1/join-token");
  EXPECT_EQ(joined(model.check_json("DeleteParameter", h.body())), "");
  (void)delete_parameters(h.client, {"/a", "/b"});
  EXPECT_EQ(joined(model.check_json("DeleteParameters", h.body())), "");
  (void)describe_parameters(h.client, {{"Name", "BeginsWith", {"/hopper/"}}, {"tag:kubernetes.io/cluster/c1", "", {"owned"}}});
  EXPECT_EQ(joined(model.check_json("DescribeParameters", h.body())), "");
  EXPECT_FALSE(h.body()["ParameterFilters"][1].contains("Option"));
  (void)list_parameter_tags(h.client, "/hopper/c1/join-token");
  EXPECT_EQ(joined(model.check_json("ListTagsForResource", h.body())), "");
  (void)add_parameter_tags(h.client, "/hopper/c1/join-token", {{"a", "b"}});
  EXPECT_EQ(joined(model.check_json("AddTagsToResource", h.body())), "");
}

TEST(SsmParametersEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"({"Parameter":{"ARN":"arn:aws:ssm:eu-west-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    "DataType":"aws:ec2:image","LastModifiedDate":1.700473218839E9,"Name":"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    "Type":"String","Value":"ami-0d5eff06f840b45e9","Version":88}})"));
  auto parameter = get_parameter(h.client, "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", false);
  ASSERT_TRUE(parameter.ok()) << parameter.error().message();
  EXPECT_EQ(parameter->value, "ami-0d5eff06f840b45e9");
  EXPECT_EQ(parameter->type, "String");
  EXPECT_EQ(parameter->version, 88);
  EXPECT_EQ(parameter->data_type, "aws:ec2:image");
  EXPECT_EQ(parameter->last_modified, "2023-11-20T09:40:18Z");
  EXPECT_NE(parameter->arn.find(":parameter/aws/service/"), std::string::npos);

  h.transport.push(Answer::ok(R"({"Tier":"Standard","Version":3})"));
  auto version = put_parameter(h.client, {"/x", "v", "String", "", true});
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 3);

  h.transport.push(Answer::ok(R"({"Parameters":[{"ARN":"arn:aws:ssm:eu-west-1:123456789012:parameter/hopper/c1/ca-key",
    "DataType":"text","Description":"CA key","KeyId":"alias/aws/ssm","LastModifiedDate":1.582657288787E9,
    "LastModifiedUser":"arn:aws:iam::123456789012:user/admin","Name":"/hopper/c1/ca-key","Policies":[],
    "Tier":"Standard","Type":"SecureString","Version":2}]})"));
  auto described = describe_parameters(h.client);
  ASSERT_TRUE(described.ok()) << described.error().message();
  ASSERT_EQ(described->size(), 1u);
  const ParameterMetadata& m = described->front();
  EXPECT_EQ(m.name, "/hopper/c1/ca-key");
  EXPECT_EQ(m.type, "SecureString");
  EXPECT_EQ(m.key_id, "alias/aws/ssm");
  EXPECT_EQ(m.description, "CA key");
  EXPECT_EQ(m.last_modified, "2020-02-25T19:01:28Z");
  EXPECT_EQ(m.last_modified_user, "arn:aws:iam::123456789012:user/admin");
  EXPECT_EQ(m.version, 2);
  EXPECT_EQ(m.tier, "Standard");
  EXPECT_EQ(m.data_type, "text");

  h.transport.push(Answer::ok(R"({"TagList":[{"Key":"kubernetes.io/cluster/c1","Value":"owned"}]})"));
  auto tags = list_parameter_tags(h.client, "/hopper/c1/ca-key");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (Tags{{"kubernetes.io/cluster/c1", "owned"}}));
}

TEST(SsmParametersEncodingTest, MistypedFieldsReadAsEmptyNeverThrow) {
  const Parameter p = decode_parameter(nlohmann::json::parse(
      R"({"Name":5,"Value":null,"Version":"7","LastModifiedDate":"yesterday","Type":["x"]})"));
  EXPECT_EQ(p.name, "");
  EXPECT_EQ(p.value, "");
  EXPECT_EQ(p.version, 0);
  EXPECT_EQ(p.last_modified, "");
  EXPECT_EQ(decode_parameter(nlohmann::json::array()).name, "");
  EXPECT_EQ(json_timestamp(nlohmann::json{{"t", -5}}, "t"), "");
  EXPECT_EQ(json_timestamp(nlohmann::json{{"t", 1e300}}, "t"), "");
  EXPECT_EQ(json_timestamp(nlohmann::json{{"t", 0}}, "t"), "1970-01-01T00:00:00Z");

  Harness h;
  h.transport.push(Answer::ok(R"({"Parameter":"not an object"})"));
  EXPECT_FALSE(get_parameter(h.client, "/x", false).ok());
  h.transport.push(Answer::ok(R"([1,2,3])"));
  EXPECT_FALSE(get_parameter(h.client, "/x", false).ok());
  h.transport.push(Answer::ok(R"({"Parameters":{"not":"a list"},"NextToken":7})"));
  auto none = get_parameters_by_path(h.client, "/x", true, false);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(SsmParametersEncodingTest, ValueThatIsNotUtf8IsAnErrorNotACrash) {
  Harness h;
  auto put = put_parameter(h.client, {"/x", std::string("\xff\xfe binary"), "SecureString"});
  ASSERT_FALSE(put.ok());
  EXPECT_TRUE(h.transport.requests().empty());
  // The message names the problem but never the value.
  EXPECT_EQ(put.error().message().find("binary"), std::string::npos) << put.error().message();
}

TEST(SsmParametersEncodingTest, FollowsNextTokenAndBatchesDeletes) {
  Harness h;
  h.transport.push(Answer::ok(R"({"Parameters":[{"Name":"/a"},{"Name":"/b"}],"NextToken":"t1"})"));
  h.transport.push(Answer::ok(R"({"Parameters":[],"NextToken":"t2"})"));
  h.transport.push(Answer::ok(R"({"Parameters":[{"Name":"/c"}]})"));
  auto all = get_parameters_by_path(h.client, "/", true, false);
  ASSERT_TRUE(all.ok()) << all.error().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->back().name, "/c");
  EXPECT_FALSE(h.body(0).contains("NextToken"));
  EXPECT_EQ(h.body(1)["NextToken"], "t1");
  EXPECT_EQ(h.body(2)["NextToken"], "t2");  // an empty page with a token is not the end

  Harness d;
  std::vector<std::string> names;
  for (int i = 0; i < 23; ++i) names.push_back("/p" + std::to_string(i));
  d.transport.set_fallback([](const net::HttpRequest& request) {
    const auto body = nlohmann::json::parse(request.body);
    nlohmann::json deleted = body["Names"];
    nlohmann::json invalid = nlohmann::json::array();
    if (deleted.back() == "/p22") {
      invalid.push_back(deleted.back());
      deleted.erase(deleted.size() - 1);
    }
    return Answer::ok(nlohmann::json{{"DeletedParameters", deleted}, {"InvalidParameters", invalid}}.dump());
  });
  auto result = delete_parameters(d.client, names);
  ASSERT_TRUE(result.ok()) << result.error().message();
  ASSERT_EQ(d.transport.requests().size(), 3u);
  EXPECT_EQ(d.body(0)["Names"].size(), 10u);
  EXPECT_EQ(d.body(2)["Names"].size(), 3u);
  EXPECT_EQ(result->deleted.size(), 22u);
  EXPECT_EQ(result->invalid, std::vector<std::string>{"/p22"});
}

TEST(SsmParametersEncodingTest, ParameterNotFoundIsNotFound) {
  Harness h;
  h.transport.push(Answer::ok(R"({"__type":"ParameterNotFound","message":""})", 400));
  auto missing = get_parameter(h.client, "/x", true);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(is_not_found(missing.error()));
  h.transport.push(Answer::ok(R"({"__type":"com.amazonaws.ssm#AccessDeniedException","Message":"no"})", 400));
  auto denied = get_parameter(h.client, "/x", true);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(error_code(denied.error()), "AccessDeniedException");
  EXPECT_EQ(denied.error().exit_code(), util::ExitCode::credentials);
}

}  // namespace
}  // namespace hopper::aws::ssm
