// libFuzzer target: arbitrary bytes as an HTTP request (method, target, headers, body) to the
// simulator's request parser and router. The server must answer every one (any status) and
// never crash, hang or leak. Signed requests are rare in random input, so half of the inputs
// are wrapped into a request signed with the simulator's keys to reach the handlers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "aws/core/sigv4.hpp"
#include "sim/frontend.hpp"

namespace {

hopper::sim::Frontend& frontend() {
  static auto created = hopper::sim::Frontend::create({});
  return *created.value();
}

// "METHOD TARGET\nName: value\n...\n\nbody"
hopper::sim::RawRequest parse(const std::string& text) {
  hopper::sim::RawRequest request;
  const std::size_t split = text.find("\n\n");
  const std::string head = text.substr(0, split);
  request.body = split == std::string::npos ? "" : text.substr(split + 2);
  std::size_t start = 0;
  bool first = true;
  while (start <= head.size()) {
    const std::size_t end = head.find('\n', start);
    const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (first) {
      const std::size_t space = line.find(' ');
      request.method = line.substr(0, space);
      request.target = space == std::string::npos ? "/" : line.substr(space + 1);
      first = false;
    } else if (const std::size_t colon = line.find(':'); colon != std::string::npos) {
      request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  hopper::sim::RawRequest request;
  if (data[0] & 1) {
    request = parse(text);
  } else {
    // The bytes as the form body of a properly signed request.
    hopper::aws::SigningInput input;
    input.method = "POST";
    input.path = "/";
    input.headers = {{"Host", "127.0.0.1:1"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    input.payload = text;
    input.region = "eu-west-1";
    input.service = (data[0] & 2) ? "ec2" : (data[0] & 4) ? "iam" : "autoscaling";
    input.time = std::chrono::system_clock::now();
    const auto signed_request = hopper::aws::sign_v4(input, {"test", "test", "", std::nullopt, "fuzz"});
    request = {"POST", "/", signed_request.headers, text};
  }
  const auto response = frontend().handle(request);
  if (response.status < 100 || response.status > 599) __builtin_trap();
  return 0;
}
