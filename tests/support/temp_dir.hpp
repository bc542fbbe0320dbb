// TempDir: a fresh folder under /tmp, removed with everything in it when the object goes.
#pragma once

#include <filesystem>
#include <string>

namespace hopper::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  // Writes `content` to path()/name (creating folders) and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path m_path;
};

}  // namespace hopper::test
