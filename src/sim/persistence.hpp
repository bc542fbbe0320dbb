// The simulator's state file: one JSON document (World::document()), written atomically after
// every call that changed something and read back at start.
//
// Thread-safety: pure file operations; callers serialise writes to one file.
#pragma once

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace hopper::sim {

// The state in `path`; nullopt when the file does not exist. Errors name the file: unreadable,
// not JSON, or not a hopper sim state.
util::Result<std::optional<nlohmann::json>> load_state(const std::filesystem::path& path);
// Writes `state` to `path` atomically (mode 0600; the folder is created 0700 if missing).
util::Status save_state(const std::filesystem::path& path, const nlohmann::json& state);

}  // namespace hopper::sim
