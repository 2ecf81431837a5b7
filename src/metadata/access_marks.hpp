#pragma once
// Confidentiality marks stamped on documents: MẬT, TỐI MẬT, TUYỆT MẬT and
// LƯU HÀNH NỘI BỘ. Only a mark standing alone in a header cell or on one of the
// last lines counts; "bí mật" in a sentence does not.

#include <string>
#include <string_view>
#include <vector>

#include "vankien/document.hpp"

namespace vankien::metadata {

/// The highest mark among `cells` (each a whole header cell or line).
Access access_from_marks(const std::vector<std::string>& cells);

/// The last `count` non-empty lines of `body`.
std::vector<std::string> last_lines(std::string_view body, std::size_t count);

}  // namespace vankien::metadata
