// Shared by the *_encoding_test files: a Session over a RecordingTransport with fake time and fixed
// credentials, a typed client on it, and the helpers that check what was sent against botocore's
// service models.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/core/credentials.hpp"
#include "aws/core/session.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::encoding {

template <class ClientT>
struct Harness {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  Session session{AwsConfig{}, "eu-west-1", static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}), transport,
                  clock, random};
  ClientT client{session};
};

using Params = std::vector<std::pair<std::string, std::string>>;

// botocore's model of `service` ("ec2", "iam", ...): it takes about a second to load, so once per
// service and binary.
inline const test::BotocoreModel& botocore_model(const std::string& service) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<test::BotocoreModel>> models;
  std::lock_guard lock(mutex);
  auto& model = models[service];
  if (!model) model = std::make_unique<test::BotocoreModel>(service);
  return *model;
}

// The model checker's problems, one per line ("" when there are none).
inline std::string joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}

// The value sent for `key`, or "<absent>".
inline std::string value_of(const Params& params, const std::string& key) {
  for (const auto& [k, v] : params) {
    if (k == key) return v;
  }
  return "<absent>";
}

}  // namespace hopper::aws::encoding
