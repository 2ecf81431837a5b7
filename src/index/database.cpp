#include "index/database.hpp"

#include "vankien/error.hpp"
#include "vankien/schema.hpp"

namespace vankien::index {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path) {
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string format = db.get_metadata(std::string(schema::format_key));
    if (format.empty() && db.get_doccount() == 0) {
      db.set_metadata(std::string(schema::format_key), std::string(schema::format_version));
    } else if (format != schema::format_version) {
      throw Error(path.string() + ": not a vankien database of format " +
                  std::string(schema::format_version) +
                  (format.empty() ? "" : " (it has format " + format + ": index into a new database)"));
    }
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseLockedError(path.string() + ": database is locked: another process is writing to it");
  } catch (const Xapian::Error& error) {
    throw Error(path.string() + ": cannot open the database for writing: " + error.get_msg());
  }
}

Xapian::Database open_readable(const std::filesystem::path& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    throw DatabaseNotFoundError(path.string() + ": no such database (create it with 'vankien index')");
  }
  try {
    Xapian::Database db(path.string());
    if (const std::string format = db.get_metadata(std::string(schema::format_key));
        format != schema::format_version) {
      throw DatabaseNotFoundError(
          path.string() + ": not a vankien database of format " + std::string(schema::format_version) +
          (format.empty() ? "" : " (it has format " + format + ": index into a new database)"));
    }
    return db;
  } catch (const Xapian::DatabaseOpeningError& error) {
    throw DatabaseNotFoundError(path.string() + ": not a database: " + error.get_msg());
  } catch (const Xapian::Error& error) {
    throw Error(path.string() + ": cannot open the database: " + error.get_msg());
  }
}

}  // namespace vankien::index
