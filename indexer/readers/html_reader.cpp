// HTML pages: the main content's text, and what the page says about itself
// (title, date, author, address), for the metadata extractor to complete.
#include <string>
#include <vector>

#include "html/content.hpp"
#include "html/page.hpp"
#include "html/page_metadata.hpp"
#include "html/site_rules.hpp"
#include "html/text.hpp"
#include "metadata/dates.hpp"
#include "charset.hpp"
#include "readers.hpp"
#include "vankien/metadata.hpp"

namespace vankien::readers {

namespace {

using html::Content;
using html::Page;
using html::PageMetadata;

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return text;
}

// A date from an element: its datetime or content attribute, else its text.
std::string date_of(const GumboNode& element) {
  for (const char* name : {"datetime", "content"}) {
    if (const auto date = parse_date(html::attribute(element, name))) return *date;
  }
  const std::string text = html::text_of(element);
  if (const auto date = parse_date(text)) return *date;
  if (const auto date = metadata::first_date_in(text)) return date->iso();
  return {};
}

bool has_hint(const GumboNode& element, std::initializer_list<std::string_view> words) {
  std::string hints(html::attribute(element, "class"));
  hints.append(" ").append(html::attribute(element, "id")).append(" ").append(html::attribute(element, "itemprop"));
  hints = ascii_lower(hints);
  for (std::string_view word : words) {
    if (hints.find(word) != std::string::npos) return true;
  }
  return false;
}

struct PageDate {
  std::string date;
  const GumboNode* byline = nullptr;  // the element it was read from, if any
};

// True when `element` holds less than `limit` bytes of text; stops counting there.
bool has_short_text(const GumboNode& element, std::size_t limit) {
  std::size_t bytes = 0, nodes = 0;
  std::vector<const GumboNode*> pending{&element};
  while (!pending.empty() && bytes < limit && ++nodes < 4 * limit) {
    const GumboNode& node = *pending.back();
    pending.pop_back();
    if (node.type == GUMBO_NODE_TEXT) bytes += std::string_view(node.v.text.text).size();
    if (const GumboVector* children = html::children_of(node)) {
      for (unsigned i = 0; i < children->length; ++i) pending.push_back(&html::child(*children, i));
    }
  }
  return bytes < limit && pending.empty();
}

// The first <time> or date-hinted element under `scope` that holds a date.
// A short hinted element is read and not entered; a long one is entered.
PageDate byline_date(const GumboNode& scope) {
  PageDate found;
  html::for_each_element(scope, [&](const GumboNode& element) {
    if (!found.date.empty() || html::is_invisible(element)) return false;
    const bool byline = html::is_element(element, GUMBO_TAG_TIME) ||
                        has_hint(element, {"datepublished", "date", "time", "ngay", "publish", "byline"});
    if (!byline || !has_short_text(element, 200)) return true;
    found = {date_of(element), &element};
    return false;
  });
  if (found.date.empty()) found.byline = nullptr;
  return found;
}

// The post's date: the site rule's, the page's metadata, a <time> or a
// byline ("Thứ Ba, 12/05/2020 - 08:15") in the content, then around it.
PageDate page_date(const Page& page, const GumboNode& main, const PageMetadata& metadata,
                   const html::SiteRule* rule) {
  PageDate in_main = byline_date(main);
  if (rule && rule->date) {
    if (const GumboNode* element = rule->date->first(page.body())) {
      if (std::string date = date_of(*element); !date.empty()) return {date, element};
    }
  }
  if (const auto date = parse_date(metadata.date)) return {*date, in_main.date == *date ? in_main.byline : nullptr};
  if (!in_main.date.empty()) return in_main;
  return byline_date(page.body());
}

std::string page_title(const Page& page, const GumboNode& main, const PageMetadata& metadata,
                       const html::SiteRule* rule) {
  if (rule && rule->title) {
    if (const GumboNode* element = rule->title->first(page.body())) {
      if (std::string title = one_line(html::text_of(*element)); !title.empty()) return title;
    }
  }
  // og:title and JSON-LD's headline are the article's; <title> often adds the site's name.
  if (!metadata.title.empty() && metadata.title != metadata.page_title) return metadata.title;
  for (const GumboNode* scope : {&main, &page.body()}) {
    if (const GumboNode* h1 = html::find_element(*scope, [](const GumboNode& e) { return html::is_element(e, GUMBO_TAG_H1); })) {
      if (std::string title = one_line(html::text_of(*h1)); !title.empty()) return title;
    }
  }
  return metadata.page_title;
}

std::string byline_author(const GumboNode& main) {
  std::string author;
  html::for_each_element(main, [&](const GumboNode& element) {
    if (!author.empty()) return false;
    if (has_hint(element, {"author", "tacgia", "tac-gia", "byline"})) {
      const std::string text = one_line(html::text_of(element));
      if (!text.empty() && text.size() <= 80) author = text;
      return false;
    }
    return true;
  });
  return author;
}

}  // namespace

std::size_t max_page_bytes(const ReadOptions& options) { return options.max_document_bytes / 4; }

std::string html_fragment_text(std::string_view html_text) {
  const Page page(html_text, true);
  std::string text = html::text_of(page.root());
  to_nfc(text);
  return text;
}

void read_html(const Input& input) {
  if (const std::size_t nul = input.content.find('\0'); nul != std::string_view::npos) {
    input.problem(nul, "not a text file: NUL byte at byte " + std::to_string(input.start_offset + nul));
    return;
  }
  if (input.content.size() > max_page_bytes(input.options)) {
    input.problem(0, "page of " + std::to_string(input.content.size()) + " bytes is larger than the " +
                         std::to_string(max_page_bytes(input.options)) +
                         "-byte limit for HTML (a quarter of the document limit: its parse tree takes "
                         "about eight times its size)");
    return;
  }
  const Page page(input.content);
  const GumboNode& body = page.body();
  const PageMetadata metadata = html::read_page_metadata(page.root(), page.document().v.document.children);
  const auto rules = html::SiteRules::load(input.options.site_rules.empty()
                                               ? default_data_dir() / "sites.tsv"
                                               : input.options.site_rules);
  const html::SiteRule* rule = rules->find(metadata.url);
  const Content content(body);
  const GumboNode* main = rule && rule->content ? rule->content->first(body) : nullptr;
  if (!main) main = &content.main();
  const PageDate date = page_date(page, *main, metadata, rule);
  // The byline the date came from is not text of the article.
  std::string text = html::text_of(*main, [&](const GumboNode& element) {
    return &element == date.byline || (rule && rule->drop && rule->drop->matches(element)) ||
           content.is_boilerplate(element);
  });
  to_nfc(text);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    input.problem(0, "no text in the page (only markup, scripts or navigation)");
    return;
  }
  Document document;
  document.source = input.location(0);
  document.title = page_title(page, *main, metadata, rule);
  document.date = date.date;
  document.author = metadata.author.empty() ? byline_author(*main) : metadata.author;
  to_nfc(document.title);
  to_nfc(document.author);
  document.url = metadata.url;
  document.body = text;
  input.on_document(std::move(document));
}

}  // namespace vankien::readers
