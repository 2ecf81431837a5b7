#pragma once
// Opening vankien databases, with Xapian's errors turned into vankien's.

#include <xapian.h>

#include <filesystem>

namespace vankien::storage {

/// Creates the database (and the folders above it) if needed. Throws
/// DatabaseLockedError, Error.
Xapian::WritableDatabase open_writable(const std::filesystem::path& path);

/// Throws DatabaseNotFoundError naming `name` unless `format` (the database's
/// vankien.format) is one this version reads.
void check_readable_format(const std::string& name, const std::string& format);

/// Throws DatabaseNotFoundError when there is no vankien database at `path`.
Xapian::Database open_readable(const std::filesystem::path& path);

}  // namespace vankien::storage
