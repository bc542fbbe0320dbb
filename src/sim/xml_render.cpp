#include "sim/xml_render.hpp"

#include "codec/xml.hpp"

namespace hopper::sim {
namespace {

void render_value(std::string& out, const std::string& name, const nlohmann::json& value, ListStyle style);

void render_scalar(std::string& out, const nlohmann::json& value) {
  if (value.is_string()) {
    out += codec::xml_escape(value.get_ref<const std::string&>());
  } else if (value.is_boolean()) {
    out += value.get<bool>() ? "true" : "false";
  } else if (value.is_number_integer()) {
    out += std::to_string(value.get<long long>());
  } else if (value.is_number()) {
    out += nlohmann::json(value).dump();
  }
}

void render_value(std::string& out, const std::string& name, const nlohmann::json& value, ListStyle style) {
  if (value.is_null()) return;
  out += "<" + name + ">";
  if (value.is_object()) {
    render_children(out, value, style);
  } else if (value.is_array()) {
    const std::string item = style == ListStyle::item ? "item" : "member";
    for (const auto& element : value) render_value(out, item, element, style);
  } else {
    render_scalar(out, value);
  }
  out += "</" + name + ">";
}

}  // namespace

void render_children(std::string& out, const nlohmann::json& object, ListStyle style) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (!key.empty() && key[0] == '_') continue;
    render_value(out, key, value, style);
  }
}

std::string ec2_response(const std::string& action, const nlohmann::json& body, const std::string& request_id) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action +
                    "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>" + request_id +
                    "</requestId>";
  render_children(out, body, ListStyle::item);
  out += "</" + action + "Response>";
  return out;
}

std::string query_response(const std::string& action, const std::string& xmlns, const nlohmann::json& body,
                           const std::string& request_id) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + xmlns + "\">";
  if (body.is_object() && !body.empty()) {
    out += "<" + action + "Result>";
    render_children(out, body, ListStyle::member);
    out += "</" + action + "Result>";
  }
  out += "<ResponseMetadata><RequestId>" + request_id + "</RequestId></ResponseMetadata></" + action + "Response>";
  return out;
}

std::string ec2_error(const std::string& code, const std::string& message, const std::string& request_id) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + codec::xml_escape(code) +
         "</Code><Message>" + codec::xml_escape(message) + "</Message></Error></Errors><RequestID>" + request_id +
         "</RequestID></Response>";
}

std::string query_error(const std::string& xmlns, const std::string& code, const std::string& message, int status,
                        const std::string& request_id) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + xmlns + "\"><Error><Type>" +
         std::string(status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + codec::xml_escape(code) +
         "</Code><Message>" + codec::xml_escape(message) + "</Message></Error><RequestId>" + request_id +
         "</RequestId></ErrorResponse>";
}

}  // namespace hopper::sim
