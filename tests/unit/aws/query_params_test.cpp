// QueryParams::encode: the form body of a query-protocol call, byte for byte as botocore (the AWS
// CLI) writes it, so that servers which rebuild the body from its parsed fields to check the
// signature (moto) agree with what hopper signed.
#include "aws/core/query.hpp"

#include <gtest/gtest.h>

#include "net/http.hpp"

namespace hopper::aws {
namespace {

TEST(QueryParamsTest, EncodesLikeBotocore) {
  QueryParams params;
  params.set("GroupDescription", "SSH bastion of cluster demo: 22/tcp (admins)")
      .set("Odd", "a+b~c*d'e\xc3\xa9");
  // urllib.parse.urlencode([...]) gives exactly this.
  EXPECT_EQ(params.encode("CreateSecurityGroup", "2016-11-15"),
            "Action=CreateSecurityGroup&Version=2016-11-15"
            "&GroupDescription=SSH+bastion+of+cluster+demo%3A+22%2Ftcp+%28admins%29"
            "&Odd=a%2Bb~c%2Ad%27e%C3%A9");
}

TEST(QueryParamsTest, ParsesBackToTheSameFields) {
  QueryParams params;
  params.set("A", "x y+z %20").set("B", "");
  const auto fields = net::parse_form(params.encode("Do", ""));
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"Action", "Do"}));
  EXPECT_EQ(fields[1], (std::pair<std::string, std::string>{"A", "x y+z %20"}));
  EXPECT_EQ(fields[2], (std::pair<std::string, std::string>{"B", ""}));
}

}  // namespace
}  // namespace hopper::aws
