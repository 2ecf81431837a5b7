#pragma once
// What a page says about itself: <title>, Open Graph and article meta tags,
// JSON-LD (NewsArticle, Article, ...), <link rel=canonical>, and the
// "saved from url" comment browsers write into saved pages. Values are as the
// page gives them; dates are parsed by the reader.

#include <string>

#include "page.hpp"

namespace vankien::readers::html {

struct PageMetadata {
  std::string title;        // og:title, else JSON-LD headline, else <title>
  std::string page_title;   // <title> itself (often "headline - site name")
  std::string site_name;    // og:site_name, JSON-LD publisher
  std::string date;         // article:published_time, JSON-LD datePublished, meta date ...
  std::string author;       // meta author, JSON-LD author
  std::string description;  // og:description, meta description
  std::string url;          // canonical, og:url, JSON-LD url, saved-from comment
};

PageMetadata read_page_metadata(const GumboNode& html, const GumboVector& document_children);

}  // namespace vankien::readers::html
