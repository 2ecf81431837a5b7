#pragma once
// Hints for filters that match nothing because they name a value the database
// does not have (a district misspelt, a topic of another archive).

#include <xapian.h>

#include <optional>
#include <string>

namespace vankien::query {

class ClearanceLimit;  // query_builder.hpp

/// For a district, province, topic or type filter (`filter`, as field_filter()
/// built it from `value`) whose term no document the caller may see has: a
/// warning naming the value, and the nearest value such a document has when
/// one is near enough. Nothing for other fields, or when a document the
/// caller may see has the value. Values only documents above the caller's
/// clearance have are never named, nor told apart from values none has.
std::optional<std::string> unknown_value_hint(const std::string& field, const std::string& value,
                                              const Xapian::Query& filter, const Xapian::Database& db,
                                              const ClearanceLimit& clearance);

}  // namespace vankien::query
