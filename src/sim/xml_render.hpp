// Renders the simulator's JSON values as AWS XML and writes AWS's response envelopes.
//
// State and replies are JSON objects whose keys are the wire names of the AWS shapes
// ("vpcId", "tagSet" for EC2; "RoleName", "Tags" for the Query services). Rendering is generic:
// an object becomes child elements, an array becomes a list of <item> (EC2) or <member> (Query)
// elements, a bool "true"/"false", a number its decimal text. Keys starting with "_" are the
// simulator's own bookkeeping and are never rendered.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace hopper::sim {

enum class ListStyle { item, member };

// Appends the children of `object` to `out`.
void render_children(std::string& out, const nlohmann::json& object, ListStyle style);

// <Action>Response xmlns=...><requestId>..</requestId>{body}</..> (EC2).
std::string ec2_response(const std::string& action, const nlohmann::json& body, const std::string& request_id);
// <ActionResponse xmlns=..><ActionResult>{body}</ActionResult><ResponseMetadata><RequestId>..
// (Query services). `xmlns` is the service's namespace.
std::string query_response(const std::string& action, const std::string& xmlns, const nlohmann::json& body,
                           const std::string& request_id);
// <Response><Errors><Error><Code>..</Code><Message>..</Message></Error></Errors><RequestID>..
std::string ec2_error(const std::string& code, const std::string& message, const std::string& request_id);
// <ErrorResponse xmlns=..><Error><Type>Sender|Receiver</Type><Code>..<Message>..</Error><RequestId>..
std::string query_error(const std::string& xmlns, const std::string& code, const std::string& message, int status,
                        const std::string& request_id);

}  // namespace hopper::sim
