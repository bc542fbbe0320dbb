#include "spec/cluster_spec.hpp"

namespace hopper::spec {

std::string_view to_string(NatMode mode) {
  switch (mode) {
    case NatMode::gateway: return "gateway";
    case NatMode::instance: return "instance";
    case NatMode::none: return "none";
  }
  return "gateway";
}

std::string_view to_string(ImageMode mode) {
  switch (mode) {
    case ImageMode::stock: return "stock";
    case ImageMode::baked: return "baked";
    case ImageMode::ami: return "ami";
  }
  return "stock";
}

std::optional<NatMode> parse_nat_mode(std::string_view text) {
  for (const NatMode mode : {NatMode::gateway, NatMode::instance, NatMode::none}) {
    if (to_string(mode) == text) return mode;
  }
  return std::nullopt;
}

}  // namespace hopper::spec
