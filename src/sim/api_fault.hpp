// ApiFault: an AWS error answer raised inside a request handler.
//
// Handlers validate deeply (a missing parameter, an unknown id, a rule of AWS broken) and stop at
// the first problem, as AWS does. They signal it by throwing an ApiFault; the dispatcher
// (sim/dispatch.cpp) is the one place that catches it and renders it in the service's own error
// format. No exception ever leaves the sim module: Simulator's API returns util::Result.
//
// Thread-safety: plain values.
#pragma once

#include <string>

namespace hopper::sim {

struct ApiFault {
  std::string code;     // AWS error code, e.g. "InvalidVpcID.NotFound"
  std::string message;  // AWS's sentence
  int status = 400;     // HTTP status
};

// Throws ApiFault{code, message, status}.
[[noreturn]] void fail(std::string code, std::string message, int status = 400);

}  // namespace hopper::sim
