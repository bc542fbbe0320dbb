// addons: {demoApp: bool}, the optional extras the control plane installs (issue 5).
#include <gtest/gtest.h>

#include "spec/render_init.hpp"
#include "unit/spec/spec_fixture.hpp"

namespace hopper::spec {
namespace {

using fixture::KeyDir;

TEST(AddonsTest, DemoAppIsOffByDefault) {
  KeyDir dir;
  const LoadResult result = fixture::load(fixture::base_spec(), dir);
  ASSERT_TRUE(result.spec) << testing::PrintToString(fixture::formatted(result.problems));
  EXPECT_FALSE(result.spec->addons.demo_app);
}

TEST(AddonsTest, DemoAppCanBeTurnedOn) {
  KeyDir dir;
  const LoadResult result = fixture::load(fixture::base_spec() + "addons:\n  demoApp: true\n", dir);
  ASSERT_TRUE(result.spec) << testing::PrintToString(fixture::formatted(result.problems));
  EXPECT_TRUE(result.spec->addons.demo_app);
}

TEST(AddonsTest, BadValuesAndUnknownAddonsAreReported) {
  KeyDir dir;
  const LoadResult not_bool = fixture::load(fixture::base_spec() + "addons:\n  demoApp: maybe\n", dir);
  EXPECT_FALSE(not_bool.spec);
  const auto problems = fixture::formatted(not_bool.problems);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().find("addons.demoApp"), std::string::npos) << problems.front();
  EXPECT_NE(problems.front().find("expected true or false"), std::string::npos) << problems.front();

  const LoadResult unknown = fixture::load(fixture::base_spec() + "addons:\n  dashboard: true\n", dir);
  EXPECT_FALSE(unknown.spec);
  ASSERT_FALSE(unknown.problems.empty());
  EXPECT_NE(fixture::formatted(unknown.problems).front().find("addons.dashboard"), std::string::npos)
      << fixture::formatted(unknown.problems).front();
}

TEST(AddonsTest, InitTemplateShowsTheAddon) {
  const std::string text = render_init({});
  EXPECT_NE(text.find("addons:\n"), std::string::npos);
  EXPECT_NE(text.find("  demoApp: false\n"), std::string::npos);
}

}  // namespace
}  // namespace hopper::spec
