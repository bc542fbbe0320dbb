// The cloud-config writer: what it writes is what cloud-init reads back (YAML, then each file's
// encoding), gzip is deterministic, and the 16 KB limit is kept or reported.
#include "bootstrap/cloud_init.hpp"

#include <cstdint>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::bootstrap {
namespace {

CloudConfig sample() {
  CloudConfig config;
  config.comment = "hopper: test";
  config.files = {
      {"/etc/plain.conf", "key = value\n\n  indented: yes\n# comment: with 'quotes' and \"double\"\n", "0644"},
      {"/etc/no-final-newline", "abc", "0600"},
      {"/etc/leading-space", "  starts with spaces\n", "0644"},
      {"/etc/trailing-space", "a line \n", "0644"},
      {"/etc/binary", std::string("\x01\x02\xff", 3), "0644"},
      {"/usr/local/sbin/run", "#!/bin/bash\necho 'hi'\n", "0755"},
  };
  config.runcmd = {{"/usr/local/sbin/run"}, {"echo", "it's: fine"}};
  config.settings = {"ssh_pwauth: false"};
  return config;
}

TEST(CloudInitTest, EveryFileReadsBackExactly) {
  const CloudConfig config = sample();
  for (const Compression compression : {Compression::none, Compression::large_files}) {
    const auto parsed = test::parse_user_data(to_user_data(config, compression));
    ASSERT_EQ(parsed.files.size(), config.files.size());
    for (std::size_t i = 0; i < config.files.size(); ++i) {
      EXPECT_EQ(parsed.files[i].path, config.files[i].path);
      EXPECT_EQ(parsed.files[i].content, config.files[i].content) << config.files[i].path;
      EXPECT_EQ(parsed.files[i].permissions, config.files[i].permissions);
      EXPECT_EQ(parsed.files[i].owner, "root:root");
    }
    EXPECT_EQ(parsed.runcmd, config.runcmd);
    EXPECT_FALSE(parsed.root["ssh_pwauth"].as<bool>());
  }
  // Plain text goes in as a literal block; the rest as base64.
  const std::string text = to_user_data(config, Compression::none);
  EXPECT_NE(text.find("    key = value\n"), std::string::npos) << text;
  EXPECT_EQ(test::parse_user_data(text).file("/etc/plain.conf")->encoding, "");
  EXPECT_EQ(test::parse_user_data(text).file("/etc/binary")->encoding, "b64");
  EXPECT_EQ(test::parse_user_data(text).file("/etc/leading-space")->encoding, "b64");
}

TEST(CloudInitTest, LargeFilesAreGzippedOnlyWhenNeeded) {
  CloudConfig config = sample();
  std::string big;
  for (int i = 0; i < 900; ++i) big += "line " + std::to_string(i) + " of a long but very compressible file\n";
  config.files.push_back({"/etc/big", big, "0644"});
  const auto text = render_user_data(config, 16384);
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_LE(text->size(), 16384u);
  const auto parsed = test::parse_user_data(*text);
  EXPECT_EQ(parsed.file("/etc/big")->encoding, "gz+b64");
  EXPECT_EQ(parsed.file("/etc/big")->content, big);
  EXPECT_EQ(parsed.file("/etc/plain.conf")->encoding, "") << "small files stay readable";
  // Small enough: nothing compressed.
  const auto small = render_user_data(sample(), 16384);
  ASSERT_TRUE(small);
  EXPECT_EQ(small->find("gz+b64"), std::string::npos);
}

TEST(CloudInitTest, TooLargeEvenCompressedIsAnError) {
  CloudConfig config;
  config.comment = "hopper: huge";
  // Random bytes: no compression, per file or of the whole document, brings them under 2000.
  std::string noise(40000, '\0');
  std::uint32_t state = 2463534242u;
  for (char& c : noise) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    c = static_cast<char>(state & 0xff);
  }
  config.files.push_back({"/etc/random", noise, "0644"});
  for (int i = 0; i < 40; ++i) config.files.push_back({"/etc/f" + std::to_string(i), std::string(500, 'y') + "\n"});
  const auto text = render_user_data(config, 2000);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message().find("EC2 takes at most 2000"), std::string::npos) << text.error().message();
}

TEST(CloudInitTest, ManySmallFilesOverTheLimitAreGzippedAsAWhole) {
  // Files under the per-file threshold stay plain; only gzip of the whole document fits.
  CloudConfig config;
  config.comment = "hopper: many small files";
  for (int i = 0; i < 60; ++i) {
    config.files.push_back({"/etc/f" + std::to_string(i), std::string(400, static_cast<char>('a' + i % 26)) + "\n"});
  }
  const auto user_data = render_user_data(config, 4000);
  ASSERT_TRUE(user_data) << user_data.error().message();
  EXPECT_LE(user_data->size(), 4000u);
  EXPECT_TRUE(is_gzipped(*user_data));
  EXPECT_EQ(readable_user_data(*user_data), to_user_data(config, Compression::none));
  EXPECT_EQ(test::parse_user_data(*user_data).file("/etc/f59")->content, std::string(400, 'h') + "\n");
  EXPECT_EQ(*user_data, *render_user_data(config, 4000)) << "deterministic";
  EXPECT_FALSE(is_gzipped(to_user_data(config, Compression::none)));
}

TEST(CloudInitTest, GzipIsDeterministicAndRoundTrips) {
  const std::string data = std::string(10000, 'a') + "tail";
  EXPECT_EQ(gzip(data), gzip(data));
  const std::string packed = gzip(data);
  ASSERT_GE(packed.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(packed.substr(4, 4), std::string(4, '\0')) << "no timestamp in the gzip header";
  EXPECT_EQ(gunzip(packed).value_or(""), data);
  EXPECT_FALSE(gunzip("not gzip"));
  EXPECT_FALSE(gunzip(packed.substr(0, packed.size() / 2)));
  // gunzip(1) agrees.
  test::TempDir dir;
  EXPECT_EQ(test::run_program({"gzip", "-dc"}, {.stdin_data = packed}).out, data);
}

}  // namespace
}  // namespace hopper::bootstrap
