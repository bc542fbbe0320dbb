// The workers' launch template. A change of any launch setting makes a new version and sets it
// as the default, which the Auto Scaling group follows ($Default) for the instances it launches
// next.
#pragma once

#include <memory>
#include <string>

#include "model/kinds/launch_settings.hpp"
#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& launch_template_kind();
std::unique_ptr<Resource> make_launch_template(const std::string& name, const std::string& display_name,
                                               LaunchSettings settings, std::vector<ResourceKey> also_after = {});

}  // namespace hopper::model::kinds
