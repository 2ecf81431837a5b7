#include "facet_column.hpp"

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "helper_thread.hpp"
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
  std::promise<Column> reading;
  std::shared_future<Column> being_read;
  std::uint64_t ticket = 0;  // 0: this search reads without keeping the column
  {
    const std::lock_guard lock(mutex_);
    // A fork's child has none of its parent's threads, whose reads would never end.
    if (const unsigned now = current_fork_generation(); now != fork_generation_) {
      entries_.clear();
      fork_generation_ = now;
    }
    if (!entries_.empty() && entries_.front().uuid != uuid) entries_.clear();  // another database at that place
    const auto found = std::find_if(entries_.begin(), entries_.end(),
                                    [&](const Entry& entry) { return entry.revision == revision; });
    const auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                         [](const Entry& a, const Entry& b) { return a.revision < b.revision; });
    if (found != entries_.end()) {
      being_read = found->column;
    } else if (entries_.size() < kept || oldest->revision < revision) {
      if (entries_.size() == kept) entries_.erase(oldest);
      ticket = ++tickets_;
      entries_.push_back({uuid, revision, ticket, reading.get_future().share()});
    }
  }
  if (being_read.valid()) {
    try {
      return being_read.get();
    } catch (...) {
      // That read failed: this search reads for itself, and fails with its own
      // error if it must (an error object is not shared between threads).
    }
  }
  if (ticket == 0) return std::make_shared<const FacetColumn>(db);  // older than those kept
  // Read without the lock, so that searches of another revision go on meanwhile.
  try {
    auto read = std::make_shared<const FacetColumn>(db);
    reading.set_value(read);
    return read;
  } catch (...) {
    reading.set_exception(std::current_exception());  // for the searches waiting
    const std::lock_guard lock(mutex_);
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [&](const Entry& entry) { return entry.ticket == ticket; }),
                   entries_.end());
    throw;
  }
}

}  // namespace vankien::query
