#include "spec/instance_types.hpp"

#include <algorithm>
#include <cctype>

#include "util/strings.hpp"

namespace hopper::spec {
namespace {

// One size of the Nitro families: vCPUs and network limits are the same in every family that
// offers the size; memory is the family's GiB per vCPU times the vCPUs.
struct NitroSize {
  std::string_view name;
  int vcpus;
  int enis;
  int ipv4_per_eni;
};

constexpr NitroSize k_nitro_sizes[] = {
    {"medium", 1, 2, 4},        {"large", 2, 3, 10},        {"xlarge", 4, 4, 15},
    {"2xlarge", 8, 4, 15},      {"4xlarge", 16, 8, 30},     {"8xlarge", 32, 8, 30},
    {"9xlarge", 36, 8, 30},     {"12xlarge", 48, 8, 30},    {"16xlarge", 64, 15, 50},
    {"18xlarge", 72, 15, 50},   {"24xlarge", 96, 15, 50},   {"32xlarge", 128, 15, 50},
    {"48xlarge", 192, 15, 50},  {"metal-24xl", 96, 15, 50}, {"metal-48xl", 192, 15, 50},
};

struct NitroFamily {
  std::string_view name;
  int gib_per_vcpu;
  std::vector<std::string_view> sizes;
  int metal_vcpus;  // the plain "metal" size, 0 when the family has none
};

// Burstable families do not follow the pattern above: listed size by size.
struct FixedType {
  std::string_view name;
  int vcpus;
  int memory_mib;
  int enis;
  int ipv4_per_eni;
};

constexpr FixedType k_burstable[] = {
    {"t2.nano", 1, 512, 2, 2},         {"t2.micro", 1, 1024, 2, 2},     {"t2.small", 1, 2048, 3, 4},
    {"t2.medium", 2, 4096, 3, 6},      {"t2.large", 2, 8192, 3, 12},    {"t2.xlarge", 4, 16384, 3, 15},
    {"t2.2xlarge", 8, 32768, 3, 15},   {"t3.nano", 2, 512, 2, 2},       {"t3.micro", 2, 1024, 2, 2},
    {"t3.small", 2, 2048, 3, 4},       {"t3.medium", 2, 4096, 3, 6},    {"t3.large", 2, 8192, 3, 12},
    {"t3.xlarge", 4, 16384, 4, 15},    {"t3.2xlarge", 8, 32768, 4, 15}, {"t3a.nano", 2, 512, 2, 2},
    {"t3a.micro", 2, 1024, 2, 2},      {"t3a.small", 2, 2048, 2, 4},    {"t3a.medium", 2, 4096, 3, 6},
    {"t3a.large", 2, 8192, 3, 12},     {"t3a.xlarge", 4, 16384, 4, 15}, {"t3a.2xlarge", 8, 32768, 4, 15},
};

std::vector<InstanceType> build_catalog() {
  using Sizes = std::vector<std::string_view>;
  const Sizes gen5 = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};
  const Sizes gen6i = {"large",    "xlarge",   "2xlarge",  "4xlarge", "8xlarge",
                       "12xlarge", "16xlarge", "24xlarge", "32xlarge"};
  const Sizes gen6a = {"large",    "xlarge",   "2xlarge",  "4xlarge",  "8xlarge",
                       "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge"};
  const Sizes gen7i = {"large",    "xlarge",   "2xlarge",  "4xlarge",    "8xlarge",   "12xlarge",
                       "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"};
  const Sizes gen7a = {"medium",   "large",    "xlarge",   "2xlarge",  "4xlarge",   "8xlarge",
                       "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge", "metal-48xl"};
  const Sizes c5 = {"large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"};
  const std::vector<NitroFamily> families = {
      {"m5", 4, gen5, 96},   {"m5a", 4, gen5, 0},   {"m6i", 4, gen6i, 128}, {"m6a", 4, gen6a, 192},
      {"m7i", 4, gen7i, 0},  {"m7a", 4, gen7a, 0},  {"c5", 2, c5, 96},      {"c5a", 2, gen5, 0},
      {"c6i", 2, gen6i, 128}, {"c6a", 2, gen6a, 192}, {"c7i", 2, gen7i, 0},  {"c7a", 2, gen7a, 0},
      {"r5", 8, gen5, 96},   {"r5a", 8, gen5, 0},   {"r6i", 8, gen6i, 128}, {"r6a", 8, gen6a, 192},
      {"r7i", 8, gen7i, 0},  {"r7a", 8, gen7a, 0},
  };

  std::vector<InstanceType> out;
  for (const FixedType& t : k_burstable) {
    out.push_back({std::string(t.name), t.vcpus, t.memory_mib, t.enis, t.ipv4_per_eni});
  }
  for (const NitroFamily& family : families) {
    const auto add = [&](std::string_view size, int vcpus, int enis, int ips) {
      out.push_back({std::string(family.name) + "." + std::string(size), vcpus,
                     vcpus * family.gib_per_vcpu * 1024, enis, ips});
    };
    for (const std::string_view size : family.sizes) {
      const auto it = std::find_if(std::begin(k_nitro_sizes), std::end(k_nitro_sizes),
                                   [&](const NitroSize& s) { return s.name == size; });
      add(size, it->vcpus, it->enis, it->ipv4_per_eni);
    }
    if (family.metal_vcpus > 0) add("metal", family.metal_vcpus, 15, 50);
  }
  return out;
}

}  // namespace

std::string_view InstanceType::family() const {
  return std::string_view(name).substr(0, name.find('.'));
}

std::string_view InstanceType::size() const {
  const std::size_t dot = name.find('.');
  return dot == std::string::npos ? std::string_view() : std::string_view(name).substr(dot + 1);
}

const std::vector<InstanceType>& all_instance_types() {
  static const std::vector<InstanceType> catalog = build_catalog();
  return catalog;
}

std::vector<std::string> instance_families() {
  std::vector<std::string> out;
  for (const InstanceType& t : all_instance_types()) {
    const std::string family(t.family());
    if (std::find(out.begin(), out.end(), family) == out.end()) out.push_back(family);
  }
  return out;
}

bool is_arm64_family(std::string_view family) {
  if (family == "a1") return true;
  // Graviton families put a "g" right after the generation digit: t4g, m6g, m7gd, c6gn,
  // im4gn, is4gen, x2gd, g5g, hpc7g.
  for (std::size_t i = 1; i < family.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(family[i - 1])) && family[i] == 'g') return true;
  }
  return false;
}

util::Result<InstanceType> find_instance_type(std::string_view name) {
  const std::string text(name);
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) {
    return util::Error::usage("'" + text + "' is not an instance type (expected family.size, e.g. t3.medium)");
  }
  const std::string family = text.substr(0, dot);
  const std::string size = text.substr(dot + 1);
  const auto& catalog = all_instance_types();
  const auto it = std::find_if(catalog.begin(), catalog.end(), [&](const InstanceType& t) { return t.name == text; });
  if (it != catalog.end()) return *it;

  if (is_arm64_family(family)) {
    return util::Error::usage(text + " is an arm64 (Graviton) type; arm64 nodes are not supported yet "
                              "(use an x86_64 family such as m6i)");
  }
  const std::vector<std::string> families = instance_families();
  if (std::find(families.begin(), families.end(), family) == families.end()) {
    // Family names are short: suggest only a one-letter slip ("m6x" -> m6i, "zz9" -> none).
    std::string guess = util::closest_match(family, families);
    if (!guess.empty() && util::edit_distance(family, guess) > 1) guess.clear();
    return util::Error::usage("unknown instance type family '" + family + "' in " + text +
                              (guess.empty() ? " (known families: " + util::join(families, ", ") + ")"
                                             : " (did you mean " + guess + "?)"));
  }
  std::vector<std::string> sizes;
  for (const InstanceType& t : catalog) {
    if (t.family() == family) sizes.emplace_back(t.size());
  }
  return util::Error::usage(family + " has no size '" + size + "' (" + family + " sizes: " +
                            util::join(sizes, ", ") + ")");
}

}  // namespace hopper::spec
