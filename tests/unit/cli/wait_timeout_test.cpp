// `hopper up --wait-timeout`: the durations it takes and the usage errors it gives.
#include <gtest/gtest.h>

#include "cli/cluster_wait.hpp"

namespace hopper::cli {
namespace {

using namespace std::chrono_literals;

std::chrono::milliseconds parsed(std::string_view text) {
  const auto result = parse_wait_timeout(text);
  EXPECT_TRUE(result) << text << ": " << (result ? "" : result.error().message());
  return result ? *result : 0ms;
}

std::string error_of(std::string_view text) {
  const auto result = parse_wait_timeout(text);
  EXPECT_FALSE(result) << text;
  if (result) return "";
  EXPECT_EQ(result.error().exit_code(), util::ExitCode::usage) << text;
  return result.error().message();
}

TEST(WaitTimeoutTest, TakesSecondsMinutesHoursAndTheirSums) {
  EXPECT_EQ(parsed("90s"), 90s);
  EXPECT_EQ(parsed("20m"), 20min);
  EXPECT_EQ(parsed("1h"), 1h);
  EXPECT_EQ(parsed("1h30m"), 90min);
  EXPECT_EQ(parsed("2m5s"), 125s);
  EXPECT_EQ(parsed("45"), 45s);  // a number alone is seconds
  EXPECT_EQ(parsed(" 5m "), 5min);
  EXPECT_EQ(parsed("24h"), 24h);
}

TEST(WaitTimeoutTest, RefusesWhatIsNotADurationNamingTheFlag) {
  EXPECT_NE(error_of("").find("--wait-timeout"), std::string::npos);
  EXPECT_NE(error_of("soon").find("is not a duration"), std::string::npos);
  EXPECT_NE(error_of("-5m").find("is not a duration"), std::string::npos);
  EXPECT_NE(error_of("5d").find("unit 'd'"), std::string::npos);
  EXPECT_NE(error_of("0s").find("more than 0"), std::string::npos);
  EXPECT_NE(error_of("25h").find("more than a day"), std::string::npos);
  EXPECT_NE(error_of("24h1s").find("more than a day"), std::string::npos);
  // Large enough to overflow milliseconds if it were converted first.
  EXPECT_NE(error_of("99999999999999999h").find("--wait-timeout"), std::string::npos);
}

}  // namespace
}  // namespace hopper::cli
