#include "spec/load.hpp"

#include <ostream>

#include <yaml-cpp/yaml.h>

#include "spec/decode.hpp"
#include "spec/ssh_key.hpp"
#include "spec/validate.hpp"
#include "spec/yaml_reader.hpp"
#include "util/fs.hpp"

namespace hopper::spec {
namespace {

namespace fs = std::filesystem;

Problem file_problem(const std::string& file, std::string message) {
  return {file, 0, 0, "", std::move(message), Problem::Severity::error};
}

// Reads the key named by sshKey.publicKeyPath into `key`; reports at that field.
void load_ssh_key(SshKeySpec& key, const fs::path& base_dir, detail::Reader& reader) {
  const std::string path = "sshKey.publicKeyPath";
  if (reader.sources().invalid(path)) return;
  const Location at = reader.sources().locate(path);
  if (key.public_key_path.empty()) {
    reader.error(at, path, "must not be empty (e.g. ~/.ssh/id_ed25519.pub)");
    return;
  }
  key.resolved_path = resolve_key_path(key.public_key_path, base_dir);
  auto line = read_public_key(key.resolved_path, key.public_key_path);
  if (!line) {
    reader.error(at, path, line.error().message());
    return;
  }
  // hopper imports the key as an EC2 key pair, and ImportKeyPair takes only RSA and ED25519:
  // an ECDSA key is a well-formed OpenSSH key that would still fail at `up`.
  const std::string type = line->substr(0, line->find(' '));
  if (!is_ec2_key_type(type)) {
    reader.error(at, path, key.public_key_path + " holds an " + type +
                               " key, which EC2 cannot import (it takes ssh-ed25519 and ssh-rsa); make one with: "
                               "ssh-keygen -t ed25519");
    return;
  }
  key.public_key = std::move(*line);
}

// Parses, decodes, reads the key and validates; fills `result`.
void load_into(LoadResult& result, std::string_view yaml, const std::string& file, const fs::path& base_dir) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    const Location at = e.mark.is_null() ? Location{} : Location{e.mark.line + 1, e.mark.column + 1};
    result.problems.push_back({file, at.line, at.column, "", "YAML syntax error: " + e.msg, Problem::Severity::error});
    return;
  }
  if (documents.empty() || (documents.size() == 1 && documents[0].IsNull())) {
    result.problems.push_back(file_problem(file, "the file is empty; run `hopper init` to write a commented spec"));
    return;
  }
  if (documents.size() > 1) {
    const Location at = detail::Reader::location_of(documents[1]);
    result.problems.push_back({file, at.line, at.column, "",
                               "expected one YAML document, found " + std::to_string(documents.size()),
                               Problem::Severity::error});
    return;
  }
  const YAML::Node& root = documents[0];
  if (!root.IsMap()) {
    const Location at = detail::Reader::location_of(root);
    result.problems.push_back({file, at.line, at.column, "",
                               "expected a mapping of fields (apiVersion: hopper/v1alpha1, kind: Cluster, ...), got " +
                                   detail::Reader::describe(root),
                               Problem::Severity::error});
    return;
  }

  SourceMap sources;
  detail::Reader reader(file, detail::schema_paths(), sources, result.problems);
  ClusterSpec spec = detail::decode_spec(root, reader);
  spec.source_path = file;
  load_ssh_key(spec.ssh_key, base_dir, reader);
  auto rule_problems = validate_spec(spec, sources, file);
  result.problems.insert(result.problems.end(), std::make_move_iterator(rule_problems.begin()),
                         std::make_move_iterator(rule_problems.end()));
  if (count_errors(result.problems) == 0) result.spec = std::move(spec);
}

}  // namespace

LoadResult load_spec_text(std::string_view yaml, const std::string& display_name, const fs::path& base_dir) {
  LoadResult result;
  try {
    load_into(result, yaml, display_name, base_dir);
  } catch (const std::exception& e) {
    // yaml-cpp may throw from node access on input we did not foresee; never let it escape.
    result.spec.reset();
    result.problems.push_back(file_problem(display_name, std::string("cannot read the spec: ") + e.what()));
  }
  sort_by_position(result.problems);
  return result;
}

LoadResult load_spec_file(const fs::path& path) {
  const std::string display = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec) && !ec) {
    return {std::nullopt, {file_problem(display, "does not exist; run `hopper init` to write one, or pass -f FILE")}};
  }
  if (fs::is_directory(path, ec)) {
    return {std::nullopt, {file_problem(display, "is a folder, not a spec file (pass -f FILE)")}};
  }
  auto text = util::read_file(path);
  if (!text) return {std::nullopt, {file_problem(display, text.error().message())}};
  const fs::path absolute = fs::absolute(path, ec);
  LoadResult result = load_spec_text(*text, display, (ec ? path : absolute).parent_path());
  if (result.spec) result.spec->source_path = ec ? path : absolute;
  return result;
}

util::Result<ClusterSpec> load_valid_spec(const fs::path& path, std::ostream& diagnostics) {
  LoadResult result = load_spec_file(path);
  for (const Problem& problem : result.problems) diagnostics << problem.format() << "\n";
  if (result.spec) return std::move(*result.spec);
  const std::size_t errors = count_errors(result.problems);
  return util::Error::usage(path.string() + ": " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                            " (see above)");
}

}  // namespace hopper::spec
