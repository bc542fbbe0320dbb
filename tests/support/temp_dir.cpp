#include "support/temp_dir.hpp"

#include <stdlib.h>

#include <fstream>

namespace hopper::test {

TempDir::TempDir() {
  char tmpl[] = "/tmp/hopper-test-XXXXXX";
  m_path = ::mkdtemp(tmpl);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
  const auto full = m_path / name;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << content;
  return full;
}

}  // namespace hopper::test
