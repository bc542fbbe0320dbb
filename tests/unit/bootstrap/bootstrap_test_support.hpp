// Helpers shared by the bootstrap tests (unit and integration): read user data back the way
// cloud-init does (YAML, then each file's encoding), run a program, and one set of cluster
// secrets per test binary (RSA key generation is slow under the sanitizers).
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bootstrap/cloud_init.hpp"
#include "bootstrap/pki.hpp"
#include "codec/base64.hpp"
#include "spec/defaults.hpp"
#include "util/clock.hpp"
#include "util/process.hpp"

namespace hopper::test {

struct WrittenFile {
  std::string path;
  std::string owner;
  std::string permissions;
  std::string encoding;
  std::string content;  // decoded
};

struct ParsedUserData {
  YAML::Node root;
  std::vector<WrittenFile> files;
  std::vector<std::vector<std::string>> runcmd;

  const WrittenFile* file(const std::string& path) const {
    for (const auto& f : files) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }
};

// Parses #cloud-config user data and decodes every write_files entry (plain, b64, gz+b64).
inline ParsedUserData parse_user_data(const std::string& user_data) {
  ParsedUserData out;
  const std::string text = bootstrap::readable_user_data(user_data);
  EXPECT_EQ(text.rfind("#cloud-config\n", 0), 0u) << "user data must start with #cloud-config";
  out.root = YAML::Load(text);
  for (const auto& entry : out.root["write_files"]) {
    WrittenFile file;
    file.path = entry["path"].as<std::string>();
    file.owner = entry["owner"] ? entry["owner"].as<std::string>() : "";
    file.permissions = entry["permissions"] ? entry["permissions"].as<std::string>() : "";
    file.encoding = entry["encoding"] ? entry["encoding"].as<std::string>() : "";
    const std::string raw = entry["content"].as<std::string>();
    if (file.encoding.empty()) {
      file.content = raw;
    } else if (file.encoding == "b64") {
      file.content = codec::base64_decode(raw).value_or("<bad base64>");
    } else if (file.encoding == "gz+b64") {
      auto plain = bootstrap::gunzip(codec::base64_decode(raw).value_or(""));
      file.content = plain ? *plain : "<bad gzip>";
    } else {
      ADD_FAILURE() << "unexpected encoding " << file.encoding << " of " << file.path;
    }
    out.files.push_back(std::move(file));
  }
  for (const auto& command : out.root["runcmd"]) out.runcmd.push_back(command.as<std::vector<std::string>>());
  return out;
}

inline util::ProcessResult run_program(const std::vector<std::string>& argv, const util::ProcessOptions& options = {}) {
  auto result = util::run_process(argv, options);
  if (!result) {
    ADD_FAILURE() << "cannot run " << argv.front() << ": " << result.error().message();
    return {};
  }
  return *result;
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A complete, valid spec for cluster "demo" in eu-west-1 (no SSH key needed for rendering).
inline spec::ClusterSpec demo_spec() {
  spec::ClusterSpec spec = spec::default_spec();
  spec.name = "demo";
  return spec;
}

// One CA and token per test binary, made with the real clock (openssl checks validity now).
inline const bootstrap::ClusterSecrets& shared_secrets() {
  static const bootstrap::ClusterSecrets secrets = [] {
    auto made = bootstrap::generate_secrets(demo_spec(), util::SystemClock::instance());
    if (!made) {
      ADD_FAILURE() << made.error().message();
      return bootstrap::ClusterSecrets{};
    }
    return *made;
  }();
  return secrets;
}

}  // namespace hopper::test
