#include "storage/database.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

#include "vankien/error.hpp"
#include "vankien/schema.hpp"

namespace vankien::storage {

namespace {

std::string format_message(const std::string& name, const std::string& format) {
  return name + ": not a vankien database of format " + std::string(schema::format_version) +
         (format.empty() ? "" : " (it has format " + format + ": index into a new database)");
}

}  // namespace

void check_readable_format(const std::string& name, const std::string& format) {
  if (format != schema::format_version && format != schema::older_readable_format) {
    throw DatabaseNotFoundError(format_message(name, format));
  }
}

Xapian::WritableDatabase open_writable(const std::filesystem::path& path) {
  // Xapian makes the database's own folder, not the ones above it.
  if (const std::filesystem::path parent = path.parent_path(); !parent.empty()) {
    std::error_code ignored;  // a folder that cannot be made is reported by Xapian below
    std::filesystem::create_directories(parent, ignored);
  }
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string format = db.get_metadata(std::string(schema::format_key));
    if ((format.empty() && db.get_doccount() == 0) || format == schema::older_readable_format) {
      // Committed now: a failed change later drops what is not committed,
      // and compressed records must never sit in a database marked 6.
      db.set_metadata(std::string(schema::format_key), std::string(schema::format_version));
      db.commit();
    } else if (format != schema::format_version) {
      throw Error(format_message(path.string(), format));
    }
    return db;
  } catch (const Xapian::DatabaseLockError& error) {
    // Xapian reports every failure to take the lock alike; only one held by
    // another writer is a lock (worth retrying), the rest (permission, a
    // read-only file system) say why in Xapian's message.
    if (error.get_msg().find("already locked") != std::string::npos) {
      throw DatabaseLockedError(path.string() + ": database is locked: another process is writing to it");
    }
    throw Error(path.string() + ": cannot open the database for writing: " + error.get_msg());
  } catch (const Xapian::Error& error) {
    throw Error(path.string() + ": cannot open the database for writing: " + error.get_msg());
  }
}

Xapian::Database open_readable(const std::filesystem::path& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    throw DatabaseNotFoundError(path.string() + ": no such database (create it with 'vankien index')");
  }
  // Xapian reads an unreadable directory as no database at all.
  const int needed = std::filesystem::is_directory(path, ignored) ? R_OK | X_OK : R_OK;
  if (::access(path.c_str(), needed) != 0) {
    throw Error(path.string() + ": cannot read the database: " + std::strerror(errno));
  }
  try {
    // A writer committing twice while the database opens, or between opening
    // and this read, discards the revision read: opened again, as Xapian advises.
    std::optional<Xapian::Database> db;
    std::string format;
    for (int attempt = 1;; ++attempt) {
      try {
        if (db) {
          db->reopen();
        } else {
          db.emplace(path.string());
        }
        format = db->get_metadata(std::string(schema::format_key));
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 4) throw;
      }
    }
    check_readable_format(path.string(), format);
    return *db;
  } catch (const Xapian::DatabaseOpeningError& error) {
    throw DatabaseNotFoundError(path.string() + ": not a database: " + error.get_msg());
  } catch (const Xapian::Error& error) {
    throw Error(path.string() + ": cannot open the database: " + error.get_msg());
  }
}

}  // namespace vankien::storage
