#include "page.hpp"

#include "nesting.hpp"

#include <algorithm>
#include <cstddef>
#include <new>

namespace vankien::readers::html {

// Gumbo's nodes come from an arena freed at once with the page: parsing
// allocates many small blocks, and Gumbo 0.10 frees a tree recursively, which
// a page of deeply nested tags would turn into a stack overflow.
// Chunks start at about what a page of its size needs (its tree takes some
// eight times its bytes) and double up to a mebibyte, so a small page costs
// one small allocation.
struct Page::Arena {
  static constexpr std::size_t max_chunk_bytes = std::size_t{1} << 20;
  explicit Arena(std::size_t page_bytes)
      : next_chunk_bytes(std::clamp<std::size_t>(page_bytes * 8, std::size_t{16} << 10, max_chunk_bytes)) {}

  std::vector<std::unique_ptr<unsigned char[]>> chunks;  // the last one is being filled
  std::vector<std::unique_ptr<unsigned char[]>> large;   // blocks over a quarter chunk
  std::size_t next_chunk_bytes;
  std::size_t chunk_bytes = 0, used = 0;                 // of the last chunk

  void* allocate(std::size_t size) {
    constexpr std::size_t align = alignof(std::max_align_t);
    size = (size + align - 1) / align * align;
    if (size > max_chunk_bytes / 4) return large.emplace_back(std::make_unique_for_overwrite<unsigned char[]>(size)).get();
    if (used + size > chunk_bytes) {
      chunk_bytes = std::max(next_chunk_bytes, size);
      next_chunk_bytes = std::min(next_chunk_bytes * 2, max_chunk_bytes);
      chunks.push_back(std::make_unique_for_overwrite<unsigned char[]>(chunk_bytes));
      used = 0;
    }
    void* block = chunks.back().get() + used;
    used += size;
    return block;
  }
};

namespace {

void* arena_allocate(void* arena, std::size_t size) { return static_cast<Page::Arena*>(arena)->allocate(size); }
void arena_free(void*, void*) {}  // the arena is freed as a whole

}  // namespace

Page::Page(std::string_view utf8, bool fragment) : arena_(std::make_unique<Arena>(utf8.size())) {
  options_ = kGumboDefaultOptions;
  options_.allocator = arena_allocate;
  options_.deallocator = arena_free;
  options_.userdata = arena_.get();
  options_.max_errors = 0;  // parse errors are not collected: real pages have thousands
  if (fragment) {
    options_.fragment_context = GUMBO_TAG_DIV;
    options_.fragment_namespace = GUMBO_NAMESPACE_HTML;
  }
  if (auto flat = flatten_deep_nesting(utf8)) {
    flattened_ = std::move(*flat);
    utf8 = flattened_;
  }
  output_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
  if (!output_) throw std::bad_alloc();
}

// No gumbo_destroy_output: every block it would free is in the arena.
Page::~Page() = default;

const GumboNode& Page::body() const {
  const GumboVector& children = output_->root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (is_element(child(children, i), GUMBO_TAG_BODY)) return child(children, i);
  }
  return *output_->root;  // a fragment: its nodes are the root's
}

const GumboVector* children_of(const GumboNode& node) {
  if (node.type == GUMBO_NODE_DOCUMENT) return &node.v.document.children;
  if (is_element(node)) return &node.v.element.children;
  return nullptr;
}

std::string_view attribute(const GumboNode& element, const char* name) {
  if (!is_element(element)) return {};
  const GumboAttribute* found = gumbo_get_attribute(&element.v.element.attributes, name);
  return found ? std::string_view(found->value) : std::string_view();
}

bool has_class(const GumboNode& element, std::string_view name) {
  const std::string_view classes = attribute(element, "class");
  std::size_t start = 0;
  while (start < classes.size()) {
    const std::size_t end = std::min(classes.find_first_of(" \t\n\r\f", start), classes.size());
    if (classes.substr(start, end - start) == name) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace vankien::readers::html
