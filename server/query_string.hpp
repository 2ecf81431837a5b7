#pragma once
// A request target's path and query string, read strictly: a malformed
// percent escape or bytes that are not UTF-8 are a 400 naming the position,
// never passed on garbled.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vankien::server {

using Parameters = std::vector<std::pair<std::string, std::string>>;

/// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as in forms).
/// Throws ApiError (bad_query) on a bad escape or invalid UTF-8 in the result.
std::string percent_decode(std::string_view text, bool plus_is_space);

struct Target {
  std::string path;       ///< decoded
  Parameters parameters;  ///< decoded, in order, repeats kept
};

/// Splits "/path?a=1&b=2" into its decoded path and parameters.
Target parse_target(std::string_view target);

}  // namespace vankien::server
