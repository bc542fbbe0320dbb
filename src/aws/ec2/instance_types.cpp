#include "aws/ec2/instance_types.hpp"

namespace hopper::aws::ec2 {

namespace {
std::vector<std::string> item_texts(const pugi::xml_node& node, const char* list_name) {
  std::vector<std::string> out;
  for (const auto& item : codec::items(node, list_name)) out.emplace_back(item.text().get());
  return out;
}
}  // namespace

InstanceTypeInfo decode_instance_type(const pugi::xml_node& node) {
  InstanceTypeInfo info;
  info.type = codec::text(node, "instanceType");
  info.vcpus = static_cast<int>(codec::int_text(codec::child(node, "vCpuInfo"), "defaultVCpus"));
  info.memory_mib = codec::int_text(codec::child(node, "memoryInfo"), "sizeInMiB");
  info.architectures = item_texts(codec::child(node, "processorInfo"), "supportedArchitectures");
  const auto network = codec::child(node, "networkInfo");
  info.max_network_interfaces = static_cast<int>(codec::int_text(network, "maximumNetworkInterfaces"));
  info.ipv4_addresses_per_interface = static_cast<int>(codec::int_text(network, "ipv4AddressesPerInterface"));
  info.current_generation = codec::bool_text(node, "currentGeneration");
  info.supported_usage_classes = item_texts(node, "supportedUsageClasses");
  return info;
}

util::Result<std::vector<InstanceTypeInfo>> describe_instance_types(const Client& client,
                                                                    const std::vector<std::string>& types,
                                                                    const std::vector<Filter>& filters) {
  QueryParams params;
  params.ec2_list("InstanceType", types).filters(filters);
  // MaxResults 5..100 (the model's DITMaxResults); allowed together with InstanceType.N.
  return client.paginate<InstanceTypeInfo>("DescribeInstanceTypes", params, "instanceTypeSet", decode_instance_type,
                                           100);
}

}  // namespace hopper::aws::ec2
