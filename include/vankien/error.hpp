#pragma once
// Errors vankien throws. Bad input never aborts the process: readers report a
// Problem per bad document and go on; only the caller's own mistakes (a locked
// or missing database, an unreadable data file, a bad query) throw.

#include <stdexcept>
#include <string>

#include "vankien/document.hpp"

namespace vankien {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Another process holds the database's write lock.
class DatabaseLockedError : public Error {
 public:
  using Error::Error;
};

/// The database does not exist or is not a vankien database.
class DatabaseNotFoundError : public Error {
 public:
  using Error::Error;
};

/// No shard of a search answered (every one remote and unreachable, or
/// stopping to answer twice in one search).
class ShardsUnavailableError : public Error {
 public:
  using Error::Error;
};

/// Something wrong with the input. An error means the document (or the part of
/// a file) was not indexed; a warning means it was, without what is named
/// (an unknown field, say).
struct Problem {
  SourceLocation where;
  std::string message;
  bool warning = false;

  std::string to_string() const {
    return where.to_string() + (warning ? ": warning: " : ": ") + message;
  }
};

}  // namespace vankien
