#include "facet_column.hpp"

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
  {
    const std::lock_guard lock(mutex_);
    if (last_read_ && last_read_->of(db)) return last_read_;
  }
  // Read without the lock, so that searches of another revision go on
  // meanwhile. Every handle is reopened after a commit, so a column of an
  // older revision is seldom asked for again once a newer one is kept.
  auto column = std::make_shared<const FacetColumn>(db);
  const std::lock_guard lock(mutex_);
  last_read_ = column;
  return column;
}

}  // namespace vankien::query
