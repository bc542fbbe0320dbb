#include <ostream>

#include "cli/command.hpp"

namespace hopper::cli {

void register_version(Registry& registry) {
  registry.add("version", "Print hopper's version", [](Context& context) -> util::Result<util::ExitCode> {
    *context.out << "hopper " << HOPPER_VERSION << "\n";
    return util::ExitCode::ok;
  });
}

}  // namespace hopper::cli
