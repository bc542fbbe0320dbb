#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace hopper::util {
namespace {

TEST(StringsTest, SplitKeepsEmptyFields) {
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(split("", ','), (std::vector<std::string>{""}));
}

TEST(StringsTest, SplitWordsDropsRuns) {
  EXPECT_EQ(split_words("  a  b\tc\n"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(StringsTest, TrimAndCase) {
  EXPECT_EQ(trim("  x y \n"), "x y");
  EXPECT_EQ(to_lower("AbC"), "abc");
  EXPECT_TRUE(iequals("Content-Type", "content-type"));
  EXPECT_FALSE(iequals("a", "ab"));
}

TEST(StringsTest, ClosestMatchSuggestsNearNames) {
  EXPECT_EQ(closest_match("instanceTyp", {"instanceType", "privateIP"}), "instanceType");
  EXPECT_EQ(closest_match("zzzzzzzz", {"instanceType", "privateIP"}), "");
}

TEST(StringsTest, HexAndShellQuote) {
  EXPECT_EQ(hex_encode(std::string("\x00\xff\x10", 3)), "00ff10");
  EXPECT_EQ(shell_quote("plain-word"), "plain-word");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote(""), "''");
}

TEST(StringsTest, ReplaceAll) {
  EXPECT_EQ(replace_all("a-b-c", "-", "--"), "a--b--c");
  EXPECT_EQ(replace_all("abc", "", "x"), "abc");
}

}  // namespace
}  // namespace hopper::util
