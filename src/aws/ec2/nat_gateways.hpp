// EC2 NAT gateways: describe (all pages), create (idempotent with a ClientToken, tagged in the
// call), delete. Creation and deletion are asynchronous: poll describe for the state.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct NatGatewayAddress {
  std::string allocation_id;
  std::string public_ip;
  std::string private_ip;
  std::string network_interface_id;
};

struct NatGateway {
  std::string id;
  std::string vpc_id;
  std::string subnet_id;
  std::string state;            // pending | available | failed | deleting | deleted
  std::string failure_code;     // set when state is failed (e.g. Gateway.NotAttached)
  std::string failure_message;
  std::string connectivity_type;  // public | private
  std::vector<NatGatewayAddress> addresses;
  std::string create_time;  // ISO 8601, as AWS sent it
  std::string delete_time;  // ISO 8601; empty until deleted
  Tags tags;
};

struct CreateNatGatewayRequest {
  std::string subnet_id;
  std::string allocation_id;  // the EIP of a public NAT gateway
  std::string client_token;   // idempotency: the same token and inputs answer the first gateway
  Tags tags;
  std::string connectivity_type = "public";  // sent explicitly ("private": no allocation id)
};

// Every NAT gateway matching `filters` (all pages); `ids` narrows to those ids. Deleted gateways
// stay visible (state deleted) for about an hour. DescribeNatGateways's filter member is named
// "Filter" in the model (wire Filter.N, as every EC2 filter).
// Errors: NatGatewayNotFound (not InvalidNatGatewayID.NotFound) when one of `ids` is unknown.
util::Result<std::vector<NatGateway>> describe_nat_gateways(const Client& client,
                                                            const std::vector<Filter>& filters = {},
                                                            const std::vector<std::string>& ids = {});
// Creates a NAT gateway in `request.subnet_id` (public: using `request.allocation_id`), with the
// tags set in the same call; answers it in state pending. Retried after ambiguous failures only
// when `request.client_token` is set. Failures that AWS finds later show up
// as state failed with failure_code. Errors: IdempotentParameterMismatch (token reused with other
// inputs), InvalidSubnetID.NotFound, InvalidAllocationID.NotFound.
util::Result<NatGateway> create_nat_gateway(const Client& client, const CreateNatGatewayRequest& request);
// Starts deleting `nat_gateway_id` (state deleting, then deleted). NatGatewayNotFound when unknown.
util::Status delete_nat_gateway(const Client& client, const std::string& nat_gateway_id);

// Decoder, exposed for tests.
NatGateway decode_nat_gateway(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2
