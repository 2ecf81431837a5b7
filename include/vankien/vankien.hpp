#pragma once
// vankien: full-text search for Vietnamese Party documents. Include this for
// the whole public API, or the one header you need.

#include "vankien/analyzer.hpp"  // Analyzer, Token: text -> searchable tokens
#include "vankien/document.hpp"  // Document, Access
#include "vankien/error.hpp"     // Error and its subclasses, Problem
#include "vankien/indexer.hpp"   // Indexer: documents -> database
#include "vankien/metadata.hpp"  // MetadataExtractor, parse_date
#include "vankien/reader.hpp"    // read_file, collect_files: text, Markdown, XML, JSON Lines
#include "vankien/schema.hpp"    // term prefixes and value slots
#include "vankien/search.hpp"    // Searcher, SearchRequest, Results
#include "vankien/text.hpp"      // normalize, fold, has_diacritics
#include "vankien/version.hpp"
