// vankien._core: thin pybind11 bindings over the C++ library. The Pythonic
// surface (dates, context managers, Results, pandas) is in vankien/__init__.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>
#include <mutex>
#include <optional>

#include "vankien/vankien.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

namespace py = pybind11;
using namespace vankien;

namespace {

// Field names are those of the JSON Lines format (docs/FORMATS.md); the
// package has made every value text, and topics a list (vankien/__init__.py).
Document document_from_dict(const py::dict& fields) {
  Document d;
  for (const auto& [key_object, value] : fields) {
    const std::string key = py::str(key_object);
    if (key == "topics" || key == "topic") {
      for (const auto& topic : value.cast<std::vector<std::string>>()) d.topics.push_back(topic);
      continue;
    }
    if (key == "tags") {
      for (const auto& tag : value.cast<std::vector<std::string>>()) d.tags.push_back(tag);
      continue;
    }
    if (key == "cited_numbers") {
      for (const auto& number : value.cast<std::vector<std::string>>()) d.cited_numbers.push_back(number);
      continue;
    }
    if (key == "access") {
      const std::string level = value.cast<std::string>();
      const auto access = parse_access(level);
      if (!access) throw Error("unknown access level '" + level + "'");
      d.access = *access;
      continue;
    }
    std::string* field = nullptr;
    if (key == "id") field = &d.id;
    else if (key == "title") field = &d.title;
    else if (key == "lead") field = &d.lead;
    else if (key == "body" || key == "text") field = &d.body;
    else if (key == "date") field = &d.date;
    else if (key == "type") field = &d.type;
    else if (key == "number") field = &d.number;
    else if (key == "issuer") field = &d.issuer;
    else if (key == "district") field = &d.district;
    else if (key == "province") field = &d.province;
    else if (key == "term") field = &d.term;
    else if (key == "author") field = &d.author;
    else if (key == "url") field = &d.url;
    else if (key == "encoding") field = &d.encoding;
    else if (key == "date_precision") field = &d.date_precision;
    if (!field) throw Error("unknown field '" + key + "'");
    *field = value.cast<std::string>();
  }
  return d;
}

py::dict document_to_dict(const Document& d) {
  py::dict out;
  out["id"] = d.id;
  out["title"] = d.title;
  out["lead"] = d.lead;
  out["body"] = d.body;
  out["date"] = d.date;
  out["date_precision"] = d.date_precision;
  out["type"] = d.type;
  out["number"] = d.number;
  out["numbering"] = d.numbering;
  out["issuer"] = d.issuer;
  out["district"] = d.district;
  out["province"] = d.province;
  out["successor_province"] = d.successor_province;
  out["term"] = d.term;
  out["term_inferred"] = d.term_inferred;
  out["topics"] = d.topics;
  out["author"] = d.author;
  out["url"] = d.url;
  out["tags"] = d.tags;
  out["cited_numbers"] = d.cited_numbers;
  out["encoding"] = d.encoding;
  out["access"] = std::string(access_name(d.access));
  return out;
}

py::dict summary_to_dict(const IndexSummary& s) {
  py::list problems;
  for (const Problem& p : s.problems) {
    py::dict problem;
    problem["file"] = p.where.file;
    problem["line"] = p.where.line;
    problem["offset"] = p.where.offset;
    problem["message"] = p.message;
    problem["warning"] = p.warning;
    problems.append(problem);
  }
  py::dict out;
  out["added"] = s.added;
  out["updated"] = s.updated;
  out["unchanged"] = s.unchanged;
  out["failed"] = s.failed;
  out["problems"] = problems;
  return out;
}

// One database, for searching and (when writable) indexing. Searching opens
// lazily and reopens after each commit, so what was just added is found.
class Database {
 public:
  Database(std::vector<std::filesystem::path> paths, bool writable, std::filesystem::path data_dir,
           std::size_t max_document_bytes, SearchOptions search_options)
      : paths_(std::move(paths)),
        data_dir_(std::move(data_dir)),
        max_document_bytes_(max_document_bytes),
        search_options_(std::move(search_options)) {
    search_options_.data_dir = data_dir_;
    if (paths_.empty()) throw Error("no database path");
    if (writable) {
      if (paths_.size() != 1) throw Error("only one database can be opened for writing");
      IndexerOptions options;
      options.data_dir = data_dir_;
      indexer_ = std::make_unique<Indexer>(paths_.front(), options);
    } else {
      searcher();  // fail now if it does not exist
    }
  }

  std::string add(const py::dict& fields) {
    Document document = document_from_dict(fields);
    const std::size_t bytes = document.title.size() + document.lead.size() + document.body.size();
    if (bytes > max_document_bytes_) {
      throw Error("document '" + document.id + "' of " + std::to_string(bytes) +
                  " bytes is larger than the " + std::to_string(max_document_bytes_) +
                  "-byte limit");
    }
    py::gil_scoped_release release;
    const std::lock_guard lock(write_mutex_);
    switch (writer().add(std::move(document))) {
      case Outcome::added: return "added";
      case Outcome::updated: return "updated";
      case Outcome::unchanged: return "unchanged";
    }
    return "added";
  }

  py::dict index_files(const std::vector<std::filesystem::path>& paths, const std::filesystem::path& root,
                       const std::string& encoding, const std::string& district, const std::string& province) {
    ReadOptions read;
    read.max_document_bytes = max_document_bytes_;
    read.id_root = root;
    if (!encoding.empty()) {
      const auto known = parse_encoding(encoding);
      if (!known) throw py::value_error("unknown encoding '" + encoding + "'");
      read.encoding = *known;
    }
    read.default_district = district;
    read.default_province = province;
    IndexSummary summary;
    {
      py::gil_scoped_release release;
      const std::lock_guard lock(write_mutex_);
      summary = writer().add_files(paths, {}, read);
    }
    return summary_to_dict(summary);
  }

  bool remove(const std::string& id) {
    py::gil_scoped_release release;
    const std::lock_guard lock(write_mutex_);
    return writer().remove(id);
  }

  py::list take_cancelled() {
    std::vector<CancelledDocument> cancelled;
    {
      py::gil_scoped_release release;
      const std::lock_guard lock(write_mutex_);
      cancelled = writer().take_cancelled();
    }
    py::list out;
    for (const CancelledDocument& gone : cancelled) {
      py::dict item;
      item["id"] = gone.id;
      item["outcome"] = gone.outcome == Outcome::updated ? "updated" : "added";
      item["reason"] = gone.reason;
      out.append(item);
    }
    return out;
  }

  void commit() {
    py::gil_scoped_release release;
    const std::lock_guard lock(write_mutex_);
    writer().commit();
    const std::lock_guard search_lock(searcher_mutex_);
    if (searcher_) searcher_->reopen();
  }

  Results search(SearchRequest request) {
    Searcher& s = searcher();
    py::gil_scoped_release release;
    return s.search(request);
  }

  std::optional<py::dict> get(const std::string& id, const std::string& clearance) {
    const auto access = parse_access(clearance);
    if (!access) throw Error("unknown clearance '" + clearance + "'");
    std::optional<Document> document;
    {
      Searcher& s = searcher();
      py::gil_scoped_release release;
      document = s.get(id, *access);
    }
    if (!document) return std::nullopt;
    return document_to_dict(*document);
  }

  void close() {
    py::gil_scoped_release release;
    const std::lock_guard lock(write_mutex_);
    indexer_.reset();  // commits
    const std::lock_guard search_lock(searcher_mutex_);
    searcher_.reset();
  }

 private:
  Indexer& writer() {
    if (!indexer_) throw Error("the database is open read-only (or closed)");
    return *indexer_;
  }

  Searcher& searcher() {
    const std::lock_guard lock(searcher_mutex_);
    if (!searcher_) {
      searcher_ = std::make_unique<Searcher>(paths_, search_options_);
    }
    return *searcher_;
  }

  std::vector<std::filesystem::path> paths_;
  std::filesystem::path data_dir_;
  std::size_t max_document_bytes_;  // larger documents are refused (docs/RELIABILITY.md)
  SearchOptions search_options_;
  std::unique_ptr<Indexer> indexer_;
  std::unique_ptr<Searcher> searcher_;
  std::mutex write_mutex_, searcher_mutex_;
};

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of vankien; use the `vankien` package.";
  m.attr("__version__") = version_string;

  static py::exception<Error> error(m, "Error");
  static py::exception<DatabaseLockedError> locked(m, "DatabaseLockedError", error.ptr());
  static py::exception<DatabaseNotFoundError> not_found(m, "DatabaseNotFoundError", error.ptr());
  static py::exception<QueryError> query_error(m, "QueryError", error.ptr());
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const DatabaseLockedError& e) {
      PyErr_SetString(locked.ptr(), e.what());
    } catch (const DatabaseNotFoundError& e) {
      PyErr_SetString(not_found.ptr(), e.what());
    } catch (const QueryError& e) {
      PyErr_SetString(query_error.ptr(), e.what());
    } catch (const Error& e) {
      PyErr_SetString(error.ptr(), e.what());
    }
  });

  py::class_<Token>(m, "Token")
      .def_readonly("text", &Token::text)
      .def_readonly("normalized", &Token::text)
      .def_readonly("folded", &Token::folded)
      .def_readonly("position", &Token::position)
      .def_readonly("start", &Token::begin)
      .def_readonly("end", &Token::end)
      .def_property_readonly("kind", [](const Token& t) {
        return t.kind == TokenKind::code ? "code" : t.kind == TokenKind::number ? "number" : "word";
      });
  py::class_<Analyzer>(m, "Analyzer")
      .def(py::init<>())
      .def("analyze", [](const Analyzer& a, const std::string& text) { return a.analyze(text).tokens; });
  m.def("normalize", &normalize);
  m.def("fold", &fold);

  // Every SearchOptions field but data_dir, which the package sets.
  py::class_<SearchOptions>(m, "SearchOptions")
      .def(py::init<>())
      .def_readwrite("max_query_bytes", &SearchOptions::max_query_bytes)
      .def_readwrite("max_query_terms", &SearchOptions::max_query_terms)
      .def_readwrite("max_expansions", &SearchOptions::max_expansions)
      .def_readwrite("max_results", &SearchOptions::max_results)
      .def_readwrite("helper_thread", &SearchOptions::helper_thread)
      .def_readwrite("remote_timeout_ms", &SearchOptions::remote_timeout_ms)
      .def_readwrite("connect_timeout_ms", &SearchOptions::connect_timeout_ms);
  m.attr("DEFAULT_MAX_DOCUMENT_BYTES") = ReadOptions{}.max_document_bytes;

  py::class_<SearchRequest>(m, "SearchRequest")
      .def(py::init<>())
      .def_readwrite("query", &SearchRequest::query)
      .def_readwrite("district", &SearchRequest::district)
      .def_readwrite("province", &SearchRequest::province)
      .def_readwrite("term", &SearchRequest::term)
      .def_readwrite("topic", &SearchRequest::topic)
      .def_readwrite("type", &SearchRequest::type)
      .def_readwrite("issuer", &SearchRequest::issuer)
      .def_readwrite("number", &SearchRequest::number)
      .def_readwrite("cites", &SearchRequest::cites)
      .def_readwrite("year", &SearchRequest::year)
      .def_readwrite("date_from", &SearchRequest::date_from)
      .def_readwrite("date_to", &SearchRequest::date_to)
      .def_readwrite("offset", &SearchRequest::offset)
      .def_readwrite("limit", &SearchRequest::limit)
      .def_readwrite("facets", &SearchRequest::facets)
      .def_readwrite("snippet_bytes", &SearchRequest::snippet_bytes)
      .def("set_sort", [](SearchRequest& r, const std::string& sort) {
        if (sort == "relevance") r.sort = Sort::relevance;
        else if (sort == "date") r.sort = Sort::date_ascending;
        else if (sort == "-date") r.sort = Sort::date_descending;
        else throw QueryError("sort must be 'relevance', 'date' or '-date'");
      })
      .def("set_clearance", [](SearchRequest& r, const std::string& level) {
        const auto access = parse_access(level);
        if (!access) throw QueryError("unknown clearance '" + level + "'");
        r.clearance = *access;
      });

  py::class_<Results>(m, "RawResults")
      .def_readonly("total", &Results::total)
      .def_readonly("total_lower", &Results::total_lower)
      .def_readonly("total_upper", &Results::total_upper)
      .def_readonly("suggestion", &Results::suggestion)
      .def_readonly("relaxed", &Results::relaxed)
      .def_readonly("warnings", &Results::warnings)
      .def_readonly("missing_shards", &Results::missing_shards)
      .def_property_readonly("facets", [](const Results& r) {
        py::dict out;
        for (const auto& [name, counts] : r.facets) {
          py::list list;
          for (const FacetCount& c : counts) list.append(py::make_tuple(c.value, c.count));
          out[py::str(name)] = list;
        }
        return out;
      })
      .def_property_readonly("hits", [](const Results& r) {
        py::list out;
        for (const Hit& hit : r.hits) {
          py::dict fields = document_to_dict(hit.document);
          fields["rank"] = hit.rank;
          fields["score"] = hit.score;
          fields["snippet"] = hit.snippet.text;
          fields["snippet_html"] = hit.snippet.html;
          py::list highlights;
          for (const Highlight& h : hit.snippet.highlights) highlights.append(py::make_tuple(h.begin, h.end));
          fields["highlights"] = highlights;
          out.append(fields);
        }
        return out;
      });

  py::class_<Database>(m, "Database")
      .def(py::init<std::vector<std::filesystem::path>, bool, std::filesystem::path, std::size_t, SearchOptions>())
      .def("add", &Database::add)
      .def("index_files", &Database::index_files)
      .def("delete", &Database::remove)
      .def("commit", &Database::commit)
      .def("take_cancelled", &Database::take_cancelled)
      .def("search", &Database::search)
      .def("get", &Database::get)
      .def("close", &Database::close);
}
