#pragma once

// Result<T>: Muster's single error vocabulary. Services and stores return a Result;
// exceptions never cross a module boundary. Each API maps an Error to its own wire shape
// exactly once, at the HTTP edge (http/error_mapping.h).

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace muster {

enum class ErrorCode {
  kInvalidArgument,   // the caller sent something malformed (400)
  kUnauthenticated,   // no or bad credentials (401)
  kPermissionDenied,  // authenticated, but not allowed (403)
  kNotFound,          // does not exist, or is not visible to the caller (404)
  kConflict,          // state conflict, e.g. a duplicate (409)
  kRateLimited,       // too many requests (429)
  kUnavailable,       // transient: try again (503)
  kInternal,          // a bug or an unexpected I/O failure (500)
};

const char* ErrorCodeName(ErrorCode code);

// What went wrong. `reason` is a stable machine word the API may show (e.g. OAuth2's
// "invalid_scope"); `message` is safe to show a client; `internal` is for the log only
// (key ids, SQL errors, partner ids) and never reaches a response body.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string reason;
  std::string message;
  std::string internal;
  int retry_after_s = 0;  // kRateLimited / kUnavailable: when to come back
};

inline Error MakeError(ErrorCode code, std::string reason, std::string message,
                       std::string internal = {}) {
  return Error{code, std::move(reason), std::move(message), std::move(internal)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status OkStatus() { return Status(); }

}  // namespace muster

// Propagates an error from a Result-returning expression.
#define MUSTER_RETURN_IF_ERROR(expr)            \
  do {                                          \
    auto muster_status_ = (expr);               \
    if (!muster_status_.ok()) {                 \
      return std::move(muster_status_).error(); \
    }                                           \
  } while (false)

#define MUSTER_CONCAT_INNER_(a, b) a##b
#define MUSTER_CONCAT_(a, b) MUSTER_CONCAT_INNER_(a, b)
// Assigns the value of a Result-returning expression or propagates its error.
#define MUSTER_ASSIGN_OR_RETURN(lhs, expr) \
  MUSTER_ASSIGN_OR_RETURN_IMPL_(MUSTER_CONCAT_(muster_result_, __LINE__), lhs, expr)
#define MUSTER_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).error();       \
  lhs = std::move(tmp).value()
