// SSM Parameter Store: put (String or SecureString, tagged on first write), get (optionally
// decrypted), get by path (all pages), describe (filters, all pages), delete one or many, and
// parameter tags. Also reads the public parameters under /aws/service/… (AMI ids).
//
// Values of SecureString parameters are secrets: these functions never log them (the Session
// logs only service, action and status), and callers must not either.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ssm/client.hpp"

namespace hopper::aws::ssm {

struct Parameter {
  std::string name;
  std::string type;  // String | StringList | SecureString
  std::string value;  // decrypted only when asked; otherwise SecureString values are ciphertext
  long long version = 0;
  std::string last_modified;  // ISO 8601 UTC, from the epoch-seconds number SSM sends
  std::string arn;
  std::string data_type;  // text | aws:ec2:image
};

struct PutParameterRequest {
  std::string name;
  std::string value;
  std::string type = "SecureString";  // SecureString | String | StringList
  std::string description;            // omitted when empty
  bool overwrite = false;
  // Sent only when !overwrite: AWS rejects Tags together with Overwrite=true. To retag an
  // existing parameter use add_parameter_tags.
  Tags tags;
  std::optional<std::string> key_id;  // KMS key for SecureString; default: aws/ssm
  std::string tier;                   // Standard | Advanced | Intelligent-Tiering; omitted when empty
  std::string data_type;              // text | aws:ec2:image; omitted when empty
};
// Writes the parameter; returns its new version (1 for a new one). Errors:
// ParameterAlreadyExists (is_already_exists) without overwrite, ValidationException,
// InvalidKeyId, ParameterLimitExceeded.
util::Result<long long> put_parameter(const Client& client, const PutParameterRequest& request);

// The parameter `name`. Errors: ParameterNotFound (is_not_found).
util::Result<Parameter> get_parameter(const Client& client, const std::string& name, bool with_decryption);

// Every parameter under `path` ("/hopper/c1"), one level or (`recursive`) all, every page.
// SSM returns at most 10 a page. A path with nothing under it is an empty list, not an error.
util::Result<std::vector<Parameter>> get_parameters_by_path(const Client& client, const std::string& path,
                                                            bool recursive, bool with_decryption,
                                                            int page_size = 10);

// Deletes `name`. Errors: ParameterNotFound (is_not_found).
util::Status delete_parameter(const Client& client, const std::string& name);

struct DeleteParametersResult {
  std::vector<std::string> deleted;
  std::vector<std::string> invalid;  // names that did not exist (not an error)
};
// Deletes `names` in batches of 10 (SSM's limit per call).
util::Result<DeleteParametersResult> delete_parameters(const Client& client, const std::vector<std::string>& names);

// A ParameterFilters entry: {"Name", "BeginsWith", {"/hopper/"}}, {"Path", "Recursive", {"/a"}},
// {"tag:k", "Equals", {"v"}}, {"Type", "Equals", {"SecureString"}}.
struct ParameterFilter {
  std::string key;
  std::string option;  // omitted when empty (SSM then means Equals)
  std::vector<std::string> values;
};

struct ParameterMetadata {
  std::string name;
  std::string arn;
  std::string type;
  std::string key_id;
  std::string description;
  std::string last_modified;  // ISO 8601 UTC
  std::string last_modified_user;
  long long version = 0;
  std::string tier;
  std::string data_type;
};
// Metadata (never values) of every parameter matching all `filters`, every page.
util::Result<std::vector<ParameterMetadata>> describe_parameters(const Client& client,
                                                                 const std::vector<ParameterFilter>& filters = {},
                                                                 int page_size = 50);

// The tags of parameter `name`. Errors: InvalidResourceId when it does not exist.
util::Result<Tags> list_parameter_tags(const Client& client, const std::string& name);
// Adds or overwrites `tags` on parameter `name`.
util::Status add_parameter_tags(const Client& client, const std::string& name, const Tags& tags);

// Decoders, exposed for tests.
Parameter decode_parameter(const nlohmann::json& object);
ParameterMetadata decode_parameter_metadata(const nlohmann::json& object);

}  // namespace hopper::aws::ssm
