// Result<T> and Error: how every fallible function in hopper reports failure.
//
// An Error is a value: a one-line message (built up with context by each layer: "creating subnet
// hopper-private-a: InvalidSubnet.Conflict: ..."), the process exit code it maps to, and an
// optional typed detail that lower layers attach (aws::ApiError, net::TransportError) so that
// callers can ask precise questions (is_not_found, is_throttled) without parsing text.
//
// Result<T> holds either a T or an Error. It is [[nodiscard]]. HOPPER_TRY and HOPPER_ASSIGN
// propagate errors upward. Exceptions are used only at the edge (cli/main.cpp).
//
// Thread-safety: plain values; an Error's detail is immutable and shared.
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace hopper::util {

// The documented process exit codes (README, `hopper --help`).
enum class ExitCode : int {
  ok = 0,
  failed = 1,           // an operation failed
  usage = 2,            // bad usage, invalid spec, or a prompt without a terminal
  credentials = 3,      // credentials missing or rejected, permission denied
  changes_pending = 4,  // `plan --detailed-exitcode` with changes
};

// Base of the typed details that lower layers attach to an Error.
class ErrorDetail {
 public:
  virtual ~ErrorDetail() = default;
};

class [[nodiscard]] Error {
 public:
  explicit Error(std::string message, ExitCode exit_code = ExitCode::failed,
                 std::shared_ptr<const ErrorDetail> detail = nullptr);

  static Error failed(std::string message) { return Error(std::move(message), ExitCode::failed); }
  static Error usage(std::string message) { return Error(std::move(message), ExitCode::usage); }
  static Error credentials(std::string message) {
    return Error(std::move(message), ExitCode::credentials);
  }

  // The whole message, outermost context first.
  const std::string& message() const { return m_message; }
  ExitCode exit_code() const { return m_exit_code; }

  // Prepends "`what`: " to the message; returns *this for chaining.
  Error& context(const std::string& what) &;
  Error context(const std::string& what) &&;  // by value: no reference to a temporary

  // The typed detail if it is a `D` (or derived from it), else nullptr.
  template <class D>
  const D* detail() const {
    return dynamic_cast<const D*>(m_detail.get());
  }
  const std::shared_ptr<const ErrorDetail>& detail_ptr() const { return m_detail; }

 private:
  std::string m_message;
  ExitCode m_exit_code;
  std::shared_ptr<const ErrorDetail> m_detail;
};

template <class T>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return check_value(), std::get<0>(m_data); }
  const T& value() const& { return check_value(), std::get<0>(m_data); }
  T&& value() && { return check_value(), std::get<0>(std::move(m_data)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok().
  const Error& error() const& { return check_error(), std::get<1>(m_data); }
  Error&& error() && { return check_error(), std::get<1>(std::move(m_data)); }

  T value_or(T fallback) const& { return ok() ? std::get<0>(m_data) : std::move(fallback); }

  // Adds context to the error, if any; returns the result unchanged otherwise. By value: a
  // reference to the temporary would dangle in `auto&& r = f().context(...)` (HOPPER_TRY).
  Result context(const std::string& what) && {
    if (!ok()) std::get<1>(m_data).context(what);
    return std::move(*this);
  }

 private:
  void check_value() const { assert(ok() && "Result::value() on an error"); }
  void check_error() const { assert(!ok() && "Result::error() on a value"); }
  std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return !m_error.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(m_error && "Result::error() on success");
    return *m_error;
  }
  Error&& error() && {
    assert(m_error && "Result::error() on success");
    return std::move(*m_error);
  }
  Result context(const std::string& what) && {  // by value, as above
    if (m_error) m_error->context(what);
    return std::move(*this);
  }

 private:
  std::optional<Error> m_error;
};

using Status = Result<void>;

}  // namespace hopper::util

#define HOPPER_CONCAT_INNER(a, b) a##b
#define HOPPER_CONCAT(a, b) HOPPER_CONCAT_INNER(a, b)

// HOPPER_TRY(expr): evaluates a Result; on error returns the error from the enclosing function.
#define HOPPER_TRY(expr)                                                  \
  do {                                                                    \
    auto&& hopper_try_result = (expr);                                    \
    if (!hopper_try_result.ok()) return std::move(hopper_try_result).error(); \
  } while (false)

// HOPPER_ASSIGN(decl, expr): `decl = *expr` on success; on error returns the error. It expands to
// several statements: never use it as the unbraced body of an if or a loop.
#define HOPPER_ASSIGN(decl, expr) \
  HOPPER_ASSIGN_IMPL(HOPPER_CONCAT(hopper_assign_result_, __LINE__), decl, expr)
#define HOPPER_ASSIGN_IMPL(tmp, decl, expr)          \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return std::move(tmp).error();      \
  decl = std::move(tmp).value()
