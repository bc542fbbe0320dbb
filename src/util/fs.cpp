#include "util/fs.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/strings.hpp"

namespace hopper::util {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::failed("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Error::failed("cannot read " + path.string() + ": read error");
  return out.str();
}

Status write_file_atomic(const fs::path& path, std::string_view content, fs::perms mode, Durability durability) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return Error::failed("cannot write " + path.string() + ": " + std::strerror(errno));
  const auto fail = [&](const char* what) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return Error::failed(std::string("cannot write ") + path.string() + " (" + what + "): " + reason);
  };
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) return fail("chmod");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (durability == Durability::disk && ::fsync(fd) != 0) return fail("fsync");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return Error::failed("cannot write " + path.string() + ": " + std::strerror(errno));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return Error::failed("cannot write " + path.string() + ": " + reason);
  }
  return {};
}

Status ensure_dir(const fs::path& path, fs::perms mode) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Error::failed("cannot create folder " + path.string() + ": " + ec.message());
  fs::permissions(path, mode, fs::perm_options::replace, ec);
  if (ec) return Error::failed("cannot set permissions on " + path.string() + ": " + ec.message());
  return {};
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

bool env_flag(const char* name) {
  const auto value = env(name);
  if (!value) return false;
  const std::string v = to_lower(trim(*value));
  return v == "1" || v == "true" || v == "yes" || v == "on";
}

fs::path home_dir() {
  if (auto home = env("HOME"); home && !home->empty()) return *home;
  if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    return pw->pw_dir;
  }
  return "/";
}

fs::path state_root() {
  if (auto xdg = env("XDG_STATE_HOME"); xdg && !xdg->empty()) return fs::path(*xdg) / "hopper";
  return home_dir() / ".local" / "state" / "hopper";
}

fs::path expand_user(const std::string& path) {
  if (path == "~") return home_dir();
  if (path.rfind("~/", 0) == 0) return home_dir() / path.substr(2);
  return path;
}

}  // namespace hopper::util
