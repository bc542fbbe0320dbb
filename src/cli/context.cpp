#include "cli/context.hpp"

#include <iostream>
#include <string>

#include "util/strings.hpp"
#include "util/terminal.hpp"

namespace hopper::cli {

util::Result<bool> confirm(const Context& context, const std::string& question) {
  if (context.options.yes) return true;
  if (!util::stdin_is_terminal()) {
    return util::Error::usage(question + " needs an answer, but stdin is not a terminal: pass --yes");
  }
  *context.err << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  const std::string a = util::to_lower(util::trim(answer));
  return a == "y" || a == "yes";
}

}  // namespace hopper::cli
