#pragma once
// An HTTP API error: the status, a stable code clients can switch on, and a
// message for people.

#include <stdexcept>
#include <string>

namespace vankien::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

/// 400 bad_query: a parameter that cannot be read or a query that cannot be run.
inline ApiError bad_query(const std::string& message) { return ApiError(400, "bad_query", message); }

}  // namespace vankien::server
