#include "spec/decode.hpp"

#include <algorithm>
#include <optional>

#include "spec/defaults.hpp"
#include "spec/regions.hpp"
#include "spec/validate.hpp"
#include "util/strings.hpp"

namespace hopper::spec::detail {
namespace {

using Known = std::vector<std::string_view>;

const Known k_top = {"apiVersion", "kind",       "name",  "region", "network", "bastion",
                     "controlPlane", "workers", "kubernetes", "image", "addons", "sshKey", "tags"};
const Known k_network = {"vpcCIDR", "existingVpcId", "nat", "natInstanceType", "zones"};
const Known k_zone = {"name", "privateSubnet", "publicSubnet"};
const Known k_bastion = {"enabled", "instanceType", "sshAllowedCIDRs", "allowSSHFromAnywhere", "rootVolumeGiB"};
const Known k_control_plane = {"instanceType", "privateIP", "rootVolumeGiB"};
const Known k_workers = {"instanceType", "min", "max", "desired", "rootVolumeGiB"};
const Known k_kubernetes = {"version", "serviceCIDR", "cni"};
const Known k_addons = {"demoApp"};
const Known k_ssh_key = {"publicKeyPath"};

// The value of field `key`, or a null node when absent.
YAML::Node value_of(const Fields& fields, std::string_view key) {
  const Fields::Entry* entry = fields.find(key);
  return entry != nullptr ? entry->value : YAML::Node();
}

// A section's fields; an unreadable section decodes as empty (it is reported and marked invalid).
Fields section(Reader& reader, const Fields& top, std::string_view key, const Known& known) {
  auto fields = reader.fields(value_of(top, key), top.child(key), known);
  return fields ? std::move(*fields) : Fields{top.child(key), {}};
}

void decode_header(Reader& reader, const Fields& top) {
  const auto expect = [&](std::string_view key, std::string_view wanted) {
    std::string value;
    if (!reader.read_string(top, key, value)) {
      if (!reader.sources().invalid(std::string(key))) {
        reader.error({}, std::string(key), "missing (expected " + std::string(key) + ": " + std::string(wanted) + ")");
      }
      return;
    }
    if (value != wanted) {
      reader.error(reader.sources().locate(std::string(key)), std::string(key),
                   "'" + value + "' is not supported (expected " + std::string(wanted) + ")");
    }
  };
  expect("apiVersion", k_api_version);
  expect("kind", k_kind);
}

struct ZoneDraft {
  ZoneSpec zone;
  bool has_private = false;
  bool has_public = false;
};

// One item of network.zones: a zone name, or a mapping with name and subnets.
std::optional<ZoneDraft> decode_zone(Reader& reader, const YAML::Node& item, const std::string& path,
                                     const std::string& region) {
  const Location location = Reader::location_of(item);
  reader.sources().set(path, location);
  ZoneDraft draft;
  if (item.IsScalar()) {
    reader.sources().set(path + ".name", location);
    draft.zone.name = expand_zone_name(region, item.Scalar());
    return draft;
  }
  if (!item.IsMap()) {
    reader.error(location, path,
                 "expected a zone name or a mapping with name, privateSubnet and publicSubnet, got " +
                     Reader::describe(item));
    reader.sources().mark_invalid(path);
    return std::nullopt;
  }
  const auto fields = reader.fields(item, path, k_zone);
  if (!fields) return std::nullopt;
  if (!reader.read_string(*fields, "name", draft.zone.name) && !reader.sources().invalid(path + ".name")) {
    reader.error(location, path + ".name", "missing (e.g. " + default_zone(region) + ")");
    reader.sources().mark_invalid(path + ".name");
  }
  draft.zone.name = expand_zone_name(region, draft.zone.name);
  draft.has_private = reader.read_cidr(*fields, "privateSubnet", draft.zone.private_subnet) ||
                      reader.sources().invalid(path + ".privateSubnet");
  draft.has_public = reader.read_cidr(*fields, "publicSubnet", draft.zone.public_subnet) ||
                     reader.sources().invalid(path + ".publicSubnet");
  return draft;
}

// network.zones, with missing subnets carved from the VPC (see defaults.hpp).
std::vector<ZoneSpec> decode_zones(Reader& reader, const Fields& network, const util::Cidr& vpc,
                                   const std::string& region) {
  const std::string path = network.child("zones");
  const YAML::Node node = value_of(network, "zones");
  std::vector<ZoneDraft> drafts;
  if (node.IsNull()) {
    drafts.push_back({{default_zone(region), {}, {}}, false, false});
  } else if (!node.IsSequence()) {
    reader.error(reader.sources().locate(path), path, "expected a list of zones, got " + Reader::describe(node));
    reader.sources().mark_invalid(path);
    return {};
  } else {
    std::size_t index = 0;
    for (const YAML::Node& item : node) {
      const std::string at = item_path(path, index++);
      auto draft = decode_zone(reader, item, at, region);
      drafts.push_back(draft ? std::move(*draft) : ZoneDraft{{}, true, true});
    }
  }

  const bool missing = std::any_of(drafts.begin(), drafts.end(),
                                   [](const ZoneDraft& d) { return !d.has_private || !d.has_public; });
  if (missing && !drafts.empty()) {
    std::optional<std::vector<SubnetPair>> carved;
    if (!reader.sources().invalid(network.child("vpcCIDR"))) {
      auto result = carve_subnets(vpc, drafts.size());
      if (result) {
        carved = std::move(*result);
      } else {
        reader.error(reader.sources().locate(path), path,
                     "cannot carve subnets from network.vpcCIDR: " + result.error().message() +
                         " (write privateSubnet and publicSubnet for every zone)");
      }
    }
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      const std::string at = item_path(path, i);
      if (!drafts[i].has_private) {
        if (carved) drafts[i].zone.private_subnet = (*carved)[i].private_subnet;
        else reader.sources().mark_invalid(at + ".privateSubnet");
      }
      if (!drafts[i].has_public) {
        if (carved) drafts[i].zone.public_subnet = (*carved)[i].public_subnet;
        else reader.sources().mark_invalid(at + ".publicSubnet");
      }
    }
  }
  std::vector<ZoneSpec> zones;
  for (auto& draft : drafts) zones.push_back(std::move(draft.zone));
  return zones;
}

void decode_network(Reader& reader, const Fields& top, ClusterSpec& spec) {
  const Fields network = section(reader, top, "network", k_network);
  reader.read_cidr(network, "vpcCIDR", spec.network.vpc_cidr);
  std::string vpc_id;
  if (reader.read_string(network, "existingVpcId", vpc_id)) spec.network.existing_vpc_id = vpc_id;
  std::string nat;
  if (reader.read_string(network, "nat", nat)) {
    if (const auto mode = parse_nat_mode(nat)) {
      spec.network.nat = *mode;
    } else {
      const std::string at = network.child("nat");
      reader.error(reader.sources().locate(at), at, "'" + nat + "' must be gateway, instance or none");
      reader.sources().mark_invalid(at);
    }
  }
  reader.read_string(network, "natInstanceType", spec.network.nat_instance_type);
  spec.network.zones = decode_zones(reader, network, spec.network.vpc_cidr, spec.region);
}

void decode_bastion(Reader& reader, const Fields& top, BastionSpec& bastion) {
  const Fields fields = section(reader, top, "bastion", k_bastion);
  reader.read_bool(fields, "enabled", bastion.enabled);
  reader.read_string(fields, "instanceType", bastion.instance_type);
  reader.read_cidr_list(fields, "sshAllowedCIDRs", bastion.ssh_allowed_cidrs);
  reader.read_bool(fields, "allowSSHFromAnywhere", bastion.allow_ssh_from_anywhere);
  reader.read_int(fields, "rootVolumeGiB", bastion.root_volume_gib);
}

void decode_control_plane(Reader& reader, const Fields& top, ClusterSpec& spec) {
  const Fields fields = section(reader, top, "controlPlane", k_control_plane);
  ControlPlaneSpec& cp = spec.control_plane;
  reader.read_string(fields, "instanceType", cp.instance_type);
  reader.read_int(fields, "rootVolumeGiB", cp.root_volume_gib);
  const std::string ip_path = fields.child("privateIP");
  if (reader.read_ipv4(fields, "privateIP", cp.private_ip) || reader.sources().invalid(ip_path)) return;
  // Not written: derive it from the first zone's private subnet, when that one is usable.
  const std::string subnet_path = "network.zones[0].privateSubnet";
  const auto& zones = spec.network.zones;
  if (zones.empty() || reader.sources().invalid(subnet_path) ||
      zones[0].private_subnet.prefix > k_max_subnet_prefix) {
    reader.sources().mark_invalid(ip_path);
    return;
  }
  cp.private_ip = default_control_plane_ip(zones[0].private_subnet);
}

void decode_workers(Reader& reader, const Fields& top, WorkersSpec& workers) {
  const Fields fields = section(reader, top, "workers", k_workers);
  reader.read_string(fields, "instanceType", workers.instance_type);
  reader.read_int(fields, "rootVolumeGiB", workers.root_volume_gib);
  reader.read_int(fields, "min", workers.min);
  // max defaults to min (at least 1); desired to 1, kept within [min, max].
  if (!reader.read_int(fields, "max", workers.max)) workers.max = std::max(workers.min, 1);
  if (!reader.read_int(fields, "desired", workers.desired)) {
    workers.desired = workers.min <= workers.max ? std::min(std::max(1, workers.min), workers.max) : workers.min;
  }
}

void decode_kubernetes(Reader& reader, const Fields& top, KubernetesSpec& kubernetes) {
  const Fields fields = section(reader, top, "kubernetes", k_kubernetes);
  reader.read_string(fields, "version", kubernetes.version);
  reader.read_cidr(fields, "serviceCIDR", kubernetes.service_cidr);
  reader.read_string(fields, "cni", kubernetes.cni);
}

void decode_image(Reader& reader, const Fields& top, ImageSpec& image) {
  const Fields::Entry* entry = top.find("image");
  if (entry == nullptr || entry->value.IsNull()) return;
  const auto scalar = reader.scalar(entry->value, Reader::location_of(*entry), "image", "stock, baked or an AMI id");
  if (!scalar) return;
  const std::string& text = *scalar;
  if (text == "stock" || text == "baked") {
    image.mode = text == "stock" ? ImageMode::stock : ImageMode::baked;
  } else if (is_ami_id(text)) {
    image.mode = ImageMode::ami;
    image.ami_id = text;
  } else {
    reader.error(reader.sources().locate("image"), "image",
                 "'" + text + "' must be stock, baked or an AMI id (ami- and 8 or 17 hex digits)");
    reader.sources().mark_invalid("image");
  }
}

void decode_addons(Reader& reader, const Fields& top, AddonsSpec& addons) {
  const Fields fields = section(reader, top, "addons", k_addons);
  reader.read_bool(fields, "demoApp", addons.demo_app);
}

void decode_tags(Reader& reader, const Fields& top, std::map<std::string, std::string>& tags) {
  const auto fields = reader.entries(value_of(top, "tags"), "tags");
  if (!fields) return;
  for (const auto& entry : fields->entries) {
    const std::string path = fields->child(entry.key);
    if (entry.value.IsNull()) {
      tags[entry.key] = "";  // AWS tags may have empty values
    } else if (auto text = reader.scalar(entry.value, Reader::location_of(entry), path, "a string")) {
      tags[entry.key] = std::move(*text);
    }
  }
}

}  // namespace

std::vector<std::string> schema_paths() {
  std::vector<std::string> out;
  const auto add = [&](const std::string& prefix, const Known& fields) {
    for (const auto field : fields) out.push_back(join_path(prefix, field));
  };
  add("", k_top);
  add("network", k_network);
  add("network.zones[]", k_zone);
  add("bastion", k_bastion);
  add("controlPlane", k_control_plane);
  add("workers", k_workers);
  add("kubernetes", k_kubernetes);
  add("addons", k_addons);
  add("sshKey", k_ssh_key);
  return out;
}

ClusterSpec decode_spec(const YAML::Node& root, Reader& reader) {
  ClusterSpec spec;
  spec.ssh_key.public_key_path = std::string(k_default_public_key_path);
  spec.network.vpc_cidr = util::Cidr::parse(k_default_vpc_cidr).value();
  spec.kubernetes.service_cidr = util::Cidr::parse(k_default_service_cidr).value();

  const Fields top = reader.fields(root, "", k_top).value_or(Fields{});
  decode_header(reader, top);
  reader.read_string(top, "name", spec.name);
  reader.read_string(top, "region", spec.region);
  decode_network(reader, top, spec);
  decode_bastion(reader, top, spec.bastion);
  decode_control_plane(reader, top, spec);
  decode_workers(reader, top, spec.workers);
  decode_kubernetes(reader, top, spec.kubernetes);
  decode_image(reader, top, spec.image);
  decode_addons(reader, top, spec.addons);
  const Fields ssh_key = section(reader, top, "sshKey", k_ssh_key);
  reader.read_string(ssh_key, "publicKeyPath", spec.ssh_key.public_key_path);
  decode_tags(reader, top, spec.tags);
  return spec;
}

}  // namespace hopper::spec::detail
