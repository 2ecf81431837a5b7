#include "facet_column.hpp"

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "vankien/schema.hpp"

namespace vankien::query {

FacetColumn::FacetColumn(const Xapian::Database& db)
    : uuid_(db.get_uuid()), revision_(db.get_revision()), codes_(std::size_t{db.get_lastdocid()} + 1, 0), values_(1) {
  std::unordered_map<std::string, std::uint32_t> code_of;
  const auto end = db.valuestream_end(schema::facets_slot);
  for (auto it = db.valuestream_begin(schema::facets_slot); it != end; ++it) {
    const auto [found, added] = code_of.emplace(*it, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(found->first);
    codes_[it.get_docid()] = found->second;
  }
}

std::shared_ptr<const FacetColumn> FacetColumnCache::of(const Xapian::Database& db) {
  const std::string uuid = db.get_uuid();
  const Xapian::rev revision = db.get_revision();
  std::promise<std::shared_ptr<const FacetColumn>> reading;
  std::shared_future<std::shared_ptr<const FacetColumn>> column;
  {
    const std::lock_guard lock(mutex_);
    const auto found = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& entry) {
      return entry.uuid == uuid && entry.revision == revision;
    });
    if (found != entries_.end()) {
      column = found->column;
    } else {
      if (entries_.size() == kept) entries_.erase(entries_.begin());
      entries_.push_back({uuid, revision, reading.get_future().share()});
    }
  }
  if (column.valid()) return column.get();  // read, or being read by another search
  // Read without the lock, so that searches of another revision go on meanwhile.
  try {
    auto read = std::make_shared<const FacetColumn>(db);
    reading.set_value(read);
    return read;
  } catch (...) {
    reading.set_exception(std::current_exception());  // for the searches waiting
    const std::lock_guard lock(mutex_);
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [&](const Entry& entry) { return entry.uuid == uuid && entry.revision == revision; }),
                   entries_.end());
    throw;
  }
}

}  // namespace vankien::query
