// What plan and up share: load and validate the spec (a spec error exits 2 before any network
// call), connect to AWS, choose the image, render what the nodes boot with, and build the
// desired graph of the cluster.
#pragma once

#include <memory>

#include "cli/aws_setup.hpp"
#include "cli/context.hpp"
#include "engine/graph.hpp"
#include "model/cloud.hpp"
#include "model/image.hpp"
#include "model/state.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::cli {

struct ClusterRun {
  spec::ClusterSpec spec;
  std::unique_ptr<AwsConnection> aws;
  std::unique_ptr<model::Cloud> cloud;
  model::ImageChoice image;
  engine::Graph graph;
  model::State state;
};

struct PrepareOptions {
  bool update_image = false;
};

// Loads the spec named by -f (problems are printed to context.err), connects and builds the graph.
util::Result<std::unique_ptr<ClusterRun>> prepare_cluster(const Context& context, const PrepareOptions& options);

// The identity of a cluster on AWS from its name, region and the connection.
model::ClusterIdentity cluster_identity(const std::string& name, const std::string& region, const AwsConnection& aws,
                                        const std::map<std::string, std::string>& extra_tags = {});

// A fresh random generation id (8 hex digits).
std::string new_generation();

}  // namespace hopper::cli
