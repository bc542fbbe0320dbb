// The engine over fake resources: planning (create, update, replace and its ripple, refusals,
// removals), applying in dependency order and in parallel, recovering a lost create answer
// without a duplicate, and deleting in kind order while retrying dependency violations.
#include <gtest/gtest.h>

#include "engine/apply.hpp"
#include "engine/destroy.hpp"
#include "engine/graph.hpp"
#include "engine/plan.hpp"
#include "fake_world.hpp"

namespace hopper::engine {
namespace {

using test_support::FakeCloud;
using test_support::FakeKind;
using test_support::FakeResource;
using test_support::FakeWorld;

class EngineTest : public ::testing::Test {
 protected:
  FakeWorld world;
  FakeKind net{"net", {"sub", "box"}, world};
  FakeKind sub{"sub", {"box"}, world};
  FakeKind box{"box", {}, world};
  FakeCloud fake;
  PlanOptions options;

  void SetUp() override { options.kinds = {&net, &sub, &box}; }

  // net/main <- sub/a, sub/b <- box/one (in sub/a)
  Graph graph(const std::string& cidr = "10.0.0.0/16", const std::string& size = "small", bool guarded = false) {
    Graph g;
    g.add(std::make_unique<FakeResource>(net, world, "main", model::Fields{{"cidr", cidr}}, std::vector<model::ResourceKey>{},
                                         std::set<std::string>{"cidr"}));
    for (const std::string name : {"a", "b"}) {
      g.add(std::make_unique<FakeResource>(sub, world, name, model::Fields{{"net", "@net/main"}},
                                           std::vector<model::ResourceKey>{{"net", "main"}}, std::set<std::string>{"net"}));
    }
    g.add(std::make_unique<FakeResource>(box, world, "one", model::Fields{{"subnet", "@sub/a"}, {"size", size}},
                                         std::vector<model::ResourceKey>{{"sub", "a"}}, std::set<std::string>{"subnet"},
                                         guarded));
    EXPECT_TRUE(g.validate().ok());
    return g;
  }

  Plan plan_and_apply(const Graph& g) {
    model::State state;
    auto plan = make_plan(g, fake.cloud, state, options);
    EXPECT_TRUE(plan.ok()) << plan.error().message();
    fake.cloud.invalidate("discover:net");
    fake.cloud.invalidate("discover:sub");
    fake.cloud.invalidate("discover:box");
    const util::Status applied = apply_plan(*plan, g, fake.cloud, state, ApplyOptions{});
    EXPECT_TRUE(applied.ok()) << applied.error().message();
    return *plan;
  }

  Plan plan_only(const Graph& g) {
    model::State state;
    fake.cloud.invalidate("discover:net");
    fake.cloud.invalidate("discover:sub");
    fake.cloud.invalidate("discover:box");
    auto plan = make_plan(g, fake.cloud, state, options);
    EXPECT_TRUE(plan.ok()) << plan.error().message();
    return *plan;
  }
};

TEST_F(EngineTest, FirstPlanCreatesEverythingAndApplyRespectsDependencies) {
  const Graph g = graph();
  const Plan plan = plan_and_apply(g);
  EXPECT_EQ(plan.count(ActionType::create), 4u);
  EXPECT_LT(world.index_of("create net/main"), world.index_of("create sub/a"));
  EXPECT_LT(world.index_of("create net/main"), world.index_of("create sub/b"));
  EXPECT_LT(world.index_of("create sub/a"), world.index_of("create box/one"));
  // sub/a and sub/b are independent: they ran at the same time.
  EXPECT_GE(world.max_running.load(), 2);
}

TEST_F(EngineTest, SecondPlanHasNoChanges) {
  const Graph g = graph();
  plan_and_apply(g);
  const Plan again = plan_only(g);
  EXPECT_FALSE(again.has_changes());
  EXPECT_EQ(again.count(ActionType::none), 4u);
}

TEST_F(EngineTest, MutableFieldChangePlansAnUpdateOfThatResourceOnly) {
  plan_and_apply(graph());
  const Plan plan = plan_only(graph("10.0.0.0/16", "large"));
  EXPECT_EQ(plan.count(ActionType::update), 1u);
  EXPECT_EQ(plan.count(ActionType::create) + plan.count(ActionType::replace) + plan.count(ActionType::remove), 0u);
  for (const auto& action : plan.actions) {
    if (action.type != ActionType::update) continue;
    EXPECT_EQ(action.key.str(), "box/one");
    ASSERT_EQ(action.changes.size(), 1u);
    EXPECT_EQ(action.changes[0].field, "size");
    EXPECT_EQ(action.changes[0].from, "small");
    EXPECT_EQ(action.changes[0].to, "large");
  }
}

TEST_F(EngineTest, ReplacementRipplesToDependentsThroughUnknownIds) {
  plan_and_apply(graph());
  const Plan plan = plan_only(graph("10.1.0.0/16"));
  // A new network means new ids: every subnet and the box are replaced too.
  EXPECT_EQ(plan.count(ActionType::replace), 4u);
  const Graph g = graph("10.1.0.0/16");
  model::State state;
  auto fresh = make_plan(g, fake.cloud, state, options);
  ASSERT_TRUE(fresh.ok());
  world.log.clear();
  fake.cloud.invalidate("discover:net");
  ASSERT_TRUE(apply_plan(*fresh, g, fake.cloud, state, ApplyOptions{}).ok());
  // Old objects go dependents first, new ones come dependencies first.
  EXPECT_LT(world.index_of("delete box/one"), world.index_of("delete sub/a"));
  EXPECT_LT(world.index_of("delete sub/a"), world.index_of("delete net/main"));
  EXPECT_LT(world.index_of("delete net/main"), world.index_of("create net/main"));
  EXPECT_LT(world.index_of("create sub/a"), world.index_of("create box/one"));
  EXPECT_FALSE(plan_only(g).has_changes());
}

TEST_F(EngineTest, GuardedReplacementIsRefusedUnlessAllowed) {
  plan_and_apply(graph("10.0.0.0/16", "small", true));
  // Moving the box to a new subnet would replace it.
  Graph g;
  g.add(std::make_unique<FakeResource>(net, world, "main", model::Fields{{"cidr", "10.0.0.0/16"}}));
  g.add(std::make_unique<FakeResource>(sub, world, "a", model::Fields{{"net", "@net/main"}}, std::vector<model::ResourceKey>{{"net", "main"}}));
  g.add(std::make_unique<FakeResource>(sub, world, "b", model::Fields{{"net", "@net/main"}}, std::vector<model::ResourceKey>{{"net", "main"}}));
  g.add(std::make_unique<FakeResource>(box, world, "one", model::Fields{{"subnet", "@sub/b"}, {"size", "small"}},
                                       std::vector<model::ResourceKey>{{"sub", "b"}}, std::set<std::string>{"subnet"}, true));
  const Plan refused = plan_only(g);
  ASSERT_EQ(refused.refusals().size(), 1u);
  EXPECT_NE(refused.refusals()[0].find("box/one"), std::string::npos);
  model::State state;
  const util::Status applied = apply_plan(refused, g, fake.cloud, state, ApplyOptions{});
  EXPECT_FALSE(applied.ok());
  EXPECT_EQ(world.count("delete box/one"), 0);

  options.allow_replace = true;
  EXPECT_TRUE(plan_only(g).refusals().empty());
}

TEST_F(EngineTest, OwnedObjectsNoLongerWantedAreRemoved) {
  plan_and_apply(graph());
  Graph smaller;
  smaller.add(std::make_unique<FakeResource>(net, world, "main", model::Fields{{"cidr", "10.0.0.0/16"}}));
  smaller.add(std::make_unique<FakeResource>(sub, world, "a", model::Fields{{"net", "@net/main"}},
                                             std::vector<model::ResourceKey>{{"net", "main"}}));
  const Plan plan = plan_only(smaller);
  EXPECT_EQ(plan.count(ActionType::remove), 2u);  // sub/b and box/one
}

TEST_F(EngineTest, LostCreateAnswerIsFoundAgainNotDuplicated) {
  world.lose_create_answer.insert({"sub", "a"});
  const Graph g = graph();
  plan_and_apply(g);
  EXPECT_EQ(world.count("create sub/a"), 1);
  EXPECT_EQ(world.count("create box/one"), 1);
}

TEST_F(EngineTest, FailureSkipsDependentsAndReportsEveryFailure) {
  world.fail_create.insert({"sub", "a"});
  const Graph g = graph();
  model::State state;
  auto plan = make_plan(g, fake.cloud, state, options);
  ASSERT_TRUE(plan.ok());
  const util::Status applied = apply_plan(*plan, g, fake.cloud, state, ApplyOptions{});
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.error().message().find("sub/a: scripted failure"), std::string::npos) << applied.error().message();
  EXPECT_NE(applied.error().message().find("1 more skipped"), std::string::npos) << applied.error().message();
  EXPECT_EQ(world.count("create sub/b"), 1);  // independent: still made
  EXPECT_EQ(world.count("create box/one"), 0);
}

TEST_F(EngineTest, DeleteGoesInKindOrderAndRetriesDependencyViolations) {
  plan_and_apply(graph());
  {
    std::lock_guard lock(world.mutex);
    world.dependency_violations[world.objects[{"net", "main"}].id] = 3;
    world.log.clear();
  }
  fake.cloud.invalidate("discover:net");
  fake.cloud.invalidate("discover:sub");
  fake.cloud.invalidate("discover:box");
  auto doomed = discover_owned(fake.cloud, true, 4, {&net, &sub, &box});
  ASSERT_TRUE(doomed.ok()) << doomed.error().message();
  EXPECT_EQ(doomed->size(), 4u);
  model::State state;
  const util::Status deleted = delete_objects(*doomed, nullptr, fake.cloud, state, ApplyOptions{});
  ASSERT_TRUE(deleted.ok()) << deleted.error().message();
  EXPECT_TRUE(world.objects.empty());
  EXPECT_LT(world.index_of("delete box/one"), world.index_of("delete sub/a"));
  EXPECT_LT(world.index_of("delete sub/b"), world.index_of("delete net/main"));
  // The three DependencyViolation answers were waited out on the (fake) clock.
  EXPECT_GE(fake.clock.sleeps().size(), 3u);
}

TEST(GraphTest, ValidateNamesDuplicatesDanglingEdgesAndCycles) {
  FakeWorld world;
  FakeKind kind{"k", {}, world};
  Graph dup;
  dup.add(std::make_unique<FakeResource>(kind, world, "a", model::Fields{}));
  dup.add(std::make_unique<FakeResource>(kind, world, "a", model::Fields{}));
  EXPECT_NE(dup.validate().error().message().find("duplicate resource k/a"), std::string::npos);

  Graph dangling;
  dangling.add(std::make_unique<FakeResource>(kind, world, "a", model::Fields{}, std::vector<model::ResourceKey>{{"k", "zz"}}));
  EXPECT_NE(dangling.validate().error().message().find("k/a depends on k/zz, which is not in the graph"), std::string::npos);

  Graph cycle;
  cycle.add(std::make_unique<FakeResource>(kind, world, "a", model::Fields{}, std::vector<model::ResourceKey>{{"k", "b"}}));
  cycle.add(std::make_unique<FakeResource>(kind, world, "b", model::Fields{}, std::vector<model::ResourceKey>{{"k", "a"}}));
  const std::string message = cycle.validate().error().message();
  EXPECT_NE(message.find("dependency cycle:"), std::string::npos);
  EXPECT_NE(message.find("k/a"), std::string::npos);
  EXPECT_NE(message.find("k/b"), std::string::npos);
}

}  // namespace
}  // namespace hopper::engine
