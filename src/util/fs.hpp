// Files and environment: the few filesystem operations hopper needs, each reporting failure as
// an Error that names the path. Thread-safe (no shared state).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "util/result.hpp"

namespace hopper::util {

// The whole file as bytes. Error names the path and the OS reason.
Result<std::string> read_file(const std::filesystem::path& path);

// How far a write must get before write_file_atomic returns: to the disk (fsync; survives a power
// cut), or to the kernel (survives the writer's crash, costs no disk flush).
enum class Durability { disk, kernel };

// Writes `content` to `path` atomically: a temporary file in the same folder with permissions
// `mode`, fsync (Durability::disk), then rename over `path`. A reader never sees a half-written file.
Status write_file_atomic(const std::filesystem::path& path, std::string_view content,
                         std::filesystem::perms mode = std::filesystem::perms::owner_read |
                                                       std::filesystem::perms::owner_write,
                         Durability durability = Durability::disk);

// Creates `path` and its parents; the last component gets `mode` (default 0700), and an
// existing folder is tightened to it.
Status ensure_dir(const std::filesystem::path& path,
                  std::filesystem::perms mode = std::filesystem::perms::owner_all);

// An environment variable, or nullopt when unset. An empty value counts as set.
std::optional<std::string> env(const char* name);
// True when the variable is set to 1/true/yes/on (any case).
bool env_flag(const char* name);

// $HOME, or the passwd entry's home.
std::filesystem::path home_dir();
// $XDG_STATE_HOME/hopper, default ~/.local/state/hopper.
std::filesystem::path state_root();
// Expands a leading "~/" to the home folder.
std::filesystem::path expand_user(const std::string& path);

}  // namespace hopper::util
