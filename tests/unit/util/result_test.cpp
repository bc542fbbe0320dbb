#include "util/result.hpp"

#include <gtest/gtest.h>

namespace hopper::util {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Error::usage("not positive: " + std::to_string(v));
  return v;
}

Result<int> doubled(int v) {
  HOPPER_ASSIGN(const int x, parse_positive(v));
  return 2 * x;
}

Status check(int v) {
  HOPPER_TRY(parse_positive(v));
  return {};
}

struct Detail : ErrorDetail {
  int code = 7;
};

TEST(ResultTest, PropagatesValuesAndErrors) {
  EXPECT_EQ(*doubled(4), 8);
  const auto bad = doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message(), "not positive: -1");
  EXPECT_EQ(bad.error().exit_code(), ExitCode::usage);
  EXPECT_TRUE(check(1).ok());
  EXPECT_FALSE(check(0).ok());
}

TEST(ResultTest, ContextIsPrepended) {
  auto r = doubled(-2);
  auto e = std::move(r).context("reading spec").error();
  EXPECT_EQ(e.message(), "reading spec: not positive: -2");
}

TEST(ResultTest, DetailIsTyped) {
  Error e("boom", ExitCode::failed, std::make_shared<Detail>());
  ASSERT_NE(e.detail<Detail>(), nullptr);
  EXPECT_EQ(e.detail<Detail>()->code, 7);
  EXPECT_EQ(Error("x").detail<Detail>(), nullptr);
}

}  // namespace
}  // namespace hopper::util
