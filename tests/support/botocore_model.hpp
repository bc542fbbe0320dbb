// Checks request parameters against the AWS service models that Debian's python3-botocore
// ships (/usr/lib/python3/dist-packages/botocore/data/<service>/<version>/service-2.json):
// every wire name must exist in the operation's input shape, with the list encoding of the
// service's protocol (EC2: flattened Name.N with queryName/capitalised locationName; Query:
// Name.member.N), required members must be present, and enum values must be allowed.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace hopper::test {

class BotocoreModel {
 public:
  // Loads the model of `service` ("ec2", "iam", "autoscaling", "sts", "ssm", "elbv2", "elb").
  // Fails the current test if the file is missing (install python3-botocore).
  explicit BotocoreModel(const std::string& service);

  // Every problem with `params` (Action/Version skipped) for `operation`; empty when all is well.
  std::vector<std::string> check_query(const std::string& operation,
                                       const std::vector<std::pair<std::string, std::string>>& params) const;
  // Every problem with a JSON-protocol request body for `operation`.
  std::vector<std::string> check_json(const std::string& operation, const nlohmann::json& body) const;
  bool has_operation(const std::string& operation) const;

 private:
  void check_value(const std::string& where, const std::string& shape_name, const std::vector<std::string>& parts,
                   std::size_t index, const std::string& value, std::vector<std::string>& problems) const;
  void check_json_value(const std::string& where, const std::string& shape_name, const nlohmann::json& value,
                        std::vector<std::string>& problems) const;
  std::string wire_name(const std::string& member_name, const nlohmann::json& member) const;

  nlohmann::json m_model;
  std::string m_protocol;
};

}  // namespace hopper::test
