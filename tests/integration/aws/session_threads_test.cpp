// Many threads calling one Session over CurlTransport against moto at once: every call is
// answered, each produces exactly one CallRecord, and what the threads wrote is all there. Run
// under ASan/UBSan (the dev preset) this is the data-race check of Session, CurlTransport's
// handle pool, the credential chain and the retry quota.
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "aws/core/config.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "net/curl_transport.hpp"
#include "support/moto.hpp"

namespace hopper::aws {
namespace {

TEST(SessionThreadsTest, ManyThreadsOneSessionAgainstMoto) {
  auto& moto = test::MotoServer::shared();
  moto.reset();
  // The real chain (environment keys), as the CLI builds it.
  const std::map<std::string, std::string> env = {{"AWS_ENDPOINT_URL", moto.endpoint()},
                                                  {"AWS_ACCESS_KEY_ID", "testing"},
                                                  {"AWS_SECRET_ACCESS_KEY", "testing"},
                                                  {"AWS_EC2_METADATA_DISABLED", "true"},
                                                  {"AWS_CONFIG_FILE", "/nonexistent/config"},
                                                  {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"}};
  ConfigInputs inputs;
  inputs.env = [env](const std::string& name) -> std::optional<std::string> {
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  auto config = resolve_config(inputs);
  ASSERT_TRUE(config.ok()) << config.error().message();
  net::CurlTransport transport;
  util::SeededRandom random(7);
  auto credentials = make_credential_chain(*config, transport, util::SystemClock::instance());
  Session session(*config, "eu-west-1", credentials, transport, util::SystemClock::instance(), random);
  std::mutex mutex;
  std::map<std::string, int> records;  // "service action" -> count
  std::atomic<int> record_count{0};
  session.set_observer([&](const CallRecord& record) {
    ++record_count;
    std::lock_guard lock(mutex);
    records[std::string(service_info(record.service).id) + " " + record.action] += 1;
  });

  constexpr int k_threads = 8;
  constexpr int k_rounds = 6;
  std::atomic<int> failures{0};
  std::mutex failure_mutex;
  std::string first_failure;
  const auto fail = [&](const util::Error& error) {
    ++failures;
    std::lock_guard lock(failure_mutex);
    if (first_failure.empty()) first_failure = error.message();
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      const ec2::Client ec2(session);
      const iam::Client iam(session);
      const ssm::Client ssm(session);
      for (int i = 0; i < k_rounds; ++i) {
        const std::string name = "/hopper/threads/t" + std::to_string(t) + "/p" + std::to_string(i);
        if (auto r = sts::get_caller_identity(session); !r) fail(r.error());
        if (auto r = ec2::describe_vpcs(ec2); !r) fail(r.error());
        if (auto r = iam::list_roles(iam); !r) fail(r.error());
        if (auto r = ssm::put_parameter(ssm, {.name = name, .value = "v" + std::to_string(i)}); !r) fail(r.error());
        auto got = ssm::get_parameter(ssm, name, true);
        if (!got) {
          fail(got.error());
        } else if (got->value != "v" + std::to_string(i)) {
          fail(util::Error::failed(name + " read back " + got->value));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0) << first_failure;

  constexpr int k_each = k_threads * k_rounds;
  EXPECT_EQ(record_count.load(), 5 * k_each);
  EXPECT_EQ(records["sts GetCallerIdentity"], k_each);
  EXPECT_EQ(records["ec2 DescribeVpcs"], k_each);
  EXPECT_EQ(records["iam ListRoles"], k_each);
  EXPECT_EQ(records["ssm PutParameter"], k_each);
  EXPECT_EQ(records["ssm GetParameter"], k_each);

  auto stored = ssm::get_parameters_by_path(ssm::Client(session), "/hopper/threads", true, true);
  ASSERT_TRUE(stored.ok()) << stored.error().message();
  EXPECT_EQ(stored->size(), static_cast<std::size_t>(k_each));
}

}  // namespace
}  // namespace hopper::aws
