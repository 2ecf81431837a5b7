#pragma once
// Hints for filters that match nothing because they name a value the database
// does not have (a district misspelt, a topic of another archive).

#include <xapian.h>

#include <optional>
#include <string>

namespace vankien::query {

/// For a district, province, topic or type filter (`filter`, as field_filter()
/// built it from `value`) whose term no document has: a warning naming the
/// value, and the database's nearest one when one is near enough. Nothing for
/// other fields, or when some document has the value.
std::optional<std::string> unknown_value_hint(const std::string& field, const std::string& value,
                                              const Xapian::Query& filter, const Xapian::Database& db);

}  // namespace vankien::query
