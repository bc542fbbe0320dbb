// EC2 launch templates: create (tagged, with a ClientToken), describe (paginated), add a
// version, make a version the default, read a version's settings back, delete.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/launch_template_data.hpp"

namespace hopper::aws::ec2 {

struct LaunchTemplate {
  std::string id;  // lt-...
  std::string name;
  long long default_version = 0;
  long long latest_version = 0;
  std::string create_time;  // ISO 8601
  Tags tags;
};

// Creates launch template `name` with version 1 holding `data`, with `tags` on the template
// itself (TagSpecification launch-template). `client_token` (≤ 64 ASCII, empty: none sent)
// makes a retried create answer the first result. Errors:
// InvalidLaunchTemplateName.AlreadyExistsException when `name` exists.
util::Result<LaunchTemplate> create_launch_template(const Client& client, const std::string& name,
                                                    const LaunchTemplateData& data, const Tags& tags,
                                                    const std::string& client_token = {});

// Every launch template matching `filters` (all pages); `names` / `ids` narrow the listing.
// Errors: InvalidLaunchTemplateName.NotFoundException / InvalidLaunchTemplateId.NotFound when a
// named one is unknown (moto answers an empty list for a deleted id).
util::Result<std::vector<LaunchTemplate>> describe_launch_templates(const Client& client,
                                                                    const std::vector<Filter>& filters = {},
                                                                    const std::vector<std::string>& names = {},
                                                                    const std::vector<std::string>& ids = {});

// Adds a version holding `data` (complete: nothing is inherited from earlier versions) to
// `template_id`; returns its version number. The default version does not change.
util::Result<long long> create_launch_template_version(const Client& client, const std::string& template_id,
                                                       const LaunchTemplateData& data,
                                                       const std::string& client_token = {});

// Makes `version` the default version of `template_id`.
util::Status modify_launch_template_default_version(const Client& client, const std::string& template_id,
                                                    long long version);

// The settings of `version` of `template_id`, decoded (user data in clear). Errors: the AWS error
// for an unknown template or version; a local error when the answer lists no such version.
util::Result<LaunchTemplateData> describe_launch_template_version(const Client& client,
                                                                  const std::string& template_id, long long version);

// Deletes `template_id` with all its versions. Errors: InvalidLaunchTemplateId.NotFound.
util::Status delete_launch_template(const Client& client, const std::string& template_id);

// Decoder of a <launchTemplate> / <launchTemplates><item>, exposed for tests.
LaunchTemplate decode_launch_template(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2
