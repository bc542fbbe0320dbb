// Shared by the report unit tests: specs from YAML (as a user writes them) and canned discovery
// results.
#pragma once

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "engine/apply.hpp"
#include "model/resource.hpp"
#include "spec/load.hpp"
#include "support/temp_dir.hpp"

namespace hopper::report::test_support {

inline const char* k_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper";

// A spec with `body` after the fixed header lines (apiVersion, kind) and the key. Fails the
// test on any problem.
inline spec::ClusterSpec spec_from(const std::string& body) {
  test::TempDir dir;
  dir.write("key.pub", std::string(k_public_key) + "\n");
  const std::string yaml = "apiVersion: hopper/v1alpha1\nkind: Cluster\n" + body + "sshKey:\n  publicKeyPath: key.pub\n";
  spec::LoadResult result = spec::load_spec_text(yaml, "cluster.yaml", dir.path());
  for (const auto& problem : result.problems) {
    // Warnings (e.g. nat: none) are the user's to weigh; the tests want specs without errors.
    if (problem.severity == spec::Problem::Severity::error) ADD_FAILURE() << problem.format() << "\n" << yaml;
  }
  EXPECT_TRUE(result.spec.has_value());
  return result.spec.value_or(spec::ClusterSpec{});
}

// The chapter's cluster: t2.micro bastion, t2.medium control plane and one t2.medium worker,
// 8 GiB volumes, one zone, a NAT gateway.
inline std::string chapter_body(const std::string& region) {
  return "name: chapter\nregion: " + region +
         "\n"
         "network:\n  vpcCIDR: 10.0.0.0/16\n  nat: gateway\n  zones:\n    - name: " + region + "a\n"
         "bastion:\n  instanceType: t2.micro\n  sshAllowedCIDRs: [203.0.113.7/32]\n  rootVolumeGiB: 8\n"
         "controlPlane:\n  instanceType: t2.medium\n  rootVolumeGiB: 8\n"
         "workers:\n  instanceType: t2.medium\n  min: 1\n  max: 1\n  desired: 1\n  rootVolumeGiB: 8\n";
}

// One discovered object.
inline engine::Doomed found(const std::string& kind, const std::string& name, const std::string& id,
                            std::map<std::string, std::string> fields = {},
                            std::map<std::string, std::string> attributes = {}, const std::string& state = "") {
  engine::Doomed d;
  d.key = {kind, name};
  d.kind = model::find_kind(kind);
  d.observed.id = id;
  d.observed.fields = std::move(fields);
  d.observed.attributes = std::move(attributes);
  d.observed.state = state;
  d.display_name = "hopper-" + name;
  return d;
}

}  // namespace hopper::report::test_support
