#include "sim/persistence.hpp"

#include <system_error>

#include "util/fs.hpp"

namespace hopper::sim {

util::Result<std::optional<nlohmann::json>> load_state(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (ec) return util::Error::failed("cannot read simulator state " + path.string() + ": " + ec.message());
    return std::optional<nlohmann::json>{};
  }
  HOPPER_ASSIGN(const std::string text, util::read_file(path));
  nlohmann::json state = nlohmann::json::parse(text, nullptr, false);
  if (state.is_discarded()) {
    return util::Error::failed("simulator state " + path.string() +
                               " is corrupt (not JSON); move it away or delete it to start from an empty account");
  }
  if (!state.is_object() || state.value("format", std::string()) != "hopper-sim-state") {
    return util::Error::failed("simulator state " + path.string() + " is not a hopper sim state file");
  }
  return std::optional<nlohmann::json>(std::move(state));
}

util::Status save_state(const std::filesystem::path& path, const nlohmann::json& state) {
  if (path.has_parent_path()) HOPPER_TRY(util::ensure_dir(path.parent_path()));
  std::string text;
  try {
    text = state.dump();
  } catch (const std::exception& e) {
    return util::Error::failed("cannot write simulator state " + path.string() + ": " + e.what());
  }
  // Written after every call that changed something, under the state lock: an fsync each time (a
  // few ms, more on a busy disk) would serialise concurrent callers behind the disk, which AWS does
  // not do. The rename keeps the file whole if the process dies; a power cut may lose the last
  // calls of a simulated account.
  return util::write_file_atomic(path, text, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 util::Durability::kernel);
}

}  // namespace hopper::sim
