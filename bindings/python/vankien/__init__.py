"""vankien: full-text search for Vietnamese Party documents.

    import vankien
    with vankien.open("archive.db", writable=True) as db:
        db.index_files(["corpus/"])
        db.commit()
        results = db.search("lanh dao huyen uy", district="Bạch Thông", facets=True)
        for hit in results:
            print(hit.rank, hit.title, hit.snippet)

A thin layer over the C++ library: the same analyzer, query language and
database as the `vankien` command.
"""
from __future__ import annotations

import datetime as _datetime
import os as _os
import pathlib as _pathlib
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from ._core import (  # noqa: F401  (re-exported)
    Analyzer,
    DatabaseLockedError,
    DatabaseNotFoundError,
    Error,
    QueryError,
    Token,
    __version__,
    fold,
    normalize,
)
from . import _core

__all__ = ["open", "Database", "Results", "Hit", "Document", "Analyzer", "Token", "normalize", "fold",
           "Error", "DatabaseLockedError", "DatabaseNotFoundError", "QueryError", "__version__"]

PathLike = Union[str, "_os.PathLike[str]"]
FACETS = ("district", "province", "term", "topic", "type", "year")


def _data_dir() -> str:
    """The gazetteer, topics and other data files: shipped inside the package."""
    if _os.environ.get("VANKIEN_DATA_DIR"):
        return _os.environ["VANKIEN_DATA_DIR"]
    packaged = _pathlib.Path(__file__).with_name("data")
    return str(packaged) if (packaged / "gazetteer.tsv").exists() else ""


def _count(value: Any, what: str) -> int:
    """A count or size a search takes: a whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise QueryError(f"{what} must be a whole number, not {type(value).__name__}")
    if value < 0 or value >= 1 << 63:
        raise QueryError(f"{what} must be from 0 to 2**63 - 1, not {value}")
    return value


def _as_date(text: str) -> Optional[_datetime.date]:
    return _datetime.date.fromisoformat(text) if text else None


class Document:
    """A stored document: every field as an attribute, `date` a datetime.date."""

    _FIELDS = ("id", "title", "lead", "body", "date", "date_precision", "type", "number", "numbering", "issuer", "district",
               "province", "successor_province", "term", "term_inferred", "topics", "tags", "cited_numbers", "author", "url",
               "access", "encoding")

    def __init__(self, fields: dict):
        self._fields = dict(fields)
        self._fields["date"] = _as_date(fields.get("date", ""))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def to_dict(self) -> dict:
        """Every field as a plain dict."""
        return dict(self._fields)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._fields.get('id')!r}: {self._fields.get('title', '')[:60]!r}>"


class Hit(Document):
    """A search hit: the document's fields plus rank, score, snippet,
    snippet_html (HTML-escaped, matches in <mark>) and highlights (byte ranges
    of the body)."""

    def _repr_html_(self) -> str:
        return f"<p><b>{self.rank}. {_escape(self.title)}</b><br>{self.snippet_html}</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Results:
    """Hits of one search, with total, facets and suggestion. Iterable."""

    def __init__(self, raw: "_core.RawResults"):
        self.hits = [Hit(fields) for fields in raw.hits]
        self.total: int = raw.total
        self.total_lower: int = raw.total_lower
        self.total_upper: int = raw.total_upper
        self.facets: dict = raw.facets
        self.suggestion: str = raw.suggestion
        self.relaxed: bool = raw.relaxed
        self.warnings: list = raw.warnings
        # Remote shards that did not answer: the rest is then partial.
        self.missing_shards: list = raw.missing_shards

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, index: int) -> Hit:
        return self.hits[index]

    def to_pandas(self):
        """The hits as a pandas DataFrame (pandas is imported only here)."""
        import pandas

        return pandas.DataFrame([hit.to_dict() for hit in self.hits])

    def facets_to_pandas(self, name: str):
        """One facet's counts as a DataFrame with columns value, count."""
        import pandas

        return pandas.DataFrame(self.facets.get(name, []), columns=["value", "count"])

    def _repr_html_(self) -> str:
        return f"<p>{self.total} document(s)</p>" + "".join(hit._repr_html_() for hit in self.hits)

    def __repr__(self) -> str:
        return f"<Results total={self.total} hits={len(self.hits)}>"


class Database:
    """A vankien database (or several searched as one). Use as a context manager."""

    def __init__(self, paths: Sequence[PathLike], writable: bool = False, *,
                 max_document_bytes: int = _core.DEFAULT_MAX_DOCUMENT_BYTES, **search_options: Any):
        core_options = _core.SearchOptions()
        for name, value in search_options.items():
            if not hasattr(core_options, name):
                raise TypeError(f"unknown option '{name}'")
            setattr(core_options, name, value)
        self._db = _core.Database([_os.fspath(p) for p in paths], writable, _data_dir(), max_document_bytes,
                                  core_options)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Commits pending changes and releases the database."""
        self._db.close()

    def add(self, document: dict) -> str:
        """Adds one document (JSON Lines field names). Returns "added",
        "updated" or "unchanged"; raises vankien.Error when it cannot go in."""
        return self._db.add(_prepared(document))

    def add_many(self, documents: Iterable[dict]) -> dict:
        """Adds many; bad ones are counted and described, not raised:
        {"added", "updated", "unchanged", "failed", "problems": [...]}."""
        summary: dict = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0, "problems": []}
        numbers: dict = {}  # id -> its document's number, for what a failed commit takes back

        def failed(number: int, message: str) -> None:
            summary["failed"] += 1
            summary["problems"].append({"file": f"<document {number}>", "line": 0, "offset": 0,
                                        "message": message, "warning": False})

        for number, document in enumerate(documents, 1):
            if isinstance(document, dict) and isinstance(document.get("id"), str):
                numbers[document["id"]] = number
            try:
                summary[self.add(document)] += 1
            except (Error, TypeError) as error:
                failed(number, str(error))
            for gone in self.take_cancelled():
                summary[gone["outcome"]] -= 1
                failed(numbers.get(gone["id"], 0), gone["reason"])
        return summary

    def index_files(self, paths: Sequence[PathLike], root: Optional[PathLike] = None, *,
                    encoding: Optional[str] = None, district: Optional[str] = None,
                    province: Optional[str] = None) -> dict:
        """Reads files and directories (text, Markdown, HTML, site exports,
        XML, JSON Lines) like `vankien index`; returns the same summary as
        add_many(). A document without an id is named by its file's path
        relative to `root` (default: the current directory), as `vankien index
        --root`. `encoding` forces a character set ("tcvn3", "vni", ...;
        ValueError when unknown); `district` and `province` are the source's,
        for texts that name no unit, as `vankien index --district`."""
        return self._db.index_files([_os.fspath(p) for p in paths], _os.fspath(root) if root is not None else "",
                                    encoding or "", district or "", province or "")

    def delete(self, id: str) -> bool:
        """Removes a document; False when there was none."""
        return self._db.delete(_text(id, "id"))

    def commit(self) -> None:
        """Makes the changes durable and visible to searches."""
        self._db.commit()

    def take_cancelled(self) -> list:
        """The documents add() reported "added" or "updated" that a failed
        write or commit has taken back since the last call: Xapian cancels
        every change since the last commit when one fails (a full disk), so
        they are not in the database. Each {"id", "outcome", "reason"} (the
        reason reads "not written, cancelled when ...");
        add_many() and index_files() count them as failed themselves."""
        return self._db.take_cancelled()

    def search(self, query: str = "", *, district: Optional[str] = None, province: Optional[str] = None,
               term: Optional[str] = None, topic: Optional[str] = None, type: Optional[str] = None,
               issuer: Optional[str] = None, number: Optional[str] = None, cites: Optional[str] = None,
               year: Optional[int] = None,
               date_from: Any = None, date_to: Any = None, sort: str = "relevance", limit: int = 10,
               offset: int = 0, facets: Union[bool, Sequence[str]] = False, clearance: str = "public",
               snippet_bytes: int = 240) -> Results:
        """Searches (query language: docs/QUERY.md). `facets=True` counts all
        six facets; a list names some. Raises vankien.QueryError for a bad query."""
        request = _core.SearchRequest()
        request.query = _text(query, "the query", QueryError)
        for name, value in (("district", district), ("province", province), ("term", term),
                            ("topic", topic), ("type", type), ("issuer", issuer), ("number", number),
                            ("cites", cites), ("year", year)):
            if value is not None:
                setattr(request, name, _text(value, name, QueryError))
        request.date_from = _date_text(date_from, "date_from", QueryError)
        request.date_to = _date_text(date_to, "date_to", QueryError)
        request.set_sort(_text(sort, "sort", QueryError))
        request.set_clearance(_text(clearance, "clearance", QueryError))
        request.limit = _count(limit, "limit")
        request.offset = _count(offset, "offset")
        request.snippet_bytes = _count(snippet_bytes, "snippet_bytes")
        request.facets = list(FACETS) if facets is True else list(facets or [])
        return Results(self._db.search(request))

    def get(self, id: str, clearance: str = "public") -> Optional[Document]:
        """The stored document, or None (also when above `clearance`)."""
        fields = self._db.get(_text(id, "id"), _text(clearance, "clearance"))
        return Document(fields) if fields is not None else None


# Fields the indexer derives itself: given back by get().to_dict(), ignored
# when such a dict is added again.
_DERIVED = ("numbering", "successor_province", "term_inferred")


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NaT: what a notebook's missing values look like."""
    return value is None or value != value or type(value).__name__ == "NaTType"


def _text(value: Any, what: str, error: type = Error) -> str:
    """A field's value as text; bytes must be UTF-8; anything else is refused."""
    if isinstance(value, bool):
        raise error(f"{what} must be text, not a boolean")
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as e:
            raise error(f"{what}: bytes that are not UTF-8 ({e.reason} at byte {e.start})") from None
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise error(f"{what} must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise error(f"{what}: a lone surrogate character at position {e.start}") from None
    return str(value)


def _date_text(value: Any, what: str = "date", error: type = Error) -> str:
    if _missing(value):
        return ""
    if isinstance(value, _datetime.datetime):  # pandas.Timestamp too: the day it names
        return value.date().isoformat()
    if isinstance(value, _datetime.date):
        return value.isoformat()
    return _text(value, what, error)


def _topics(value: Any) -> list:
    if isinstance(value, (str, bytes, bytearray)):
        return [_text(value, "topic")]
    if isinstance(value, (list, tuple)):
        return [_text(topic, "a topic") for topic in value if not _missing(topic)]
    raise Error(f"topics must be text or a list of text, not {type(value).__name__}")


def _prepared(document: Any) -> dict:
    """A document dict as the core takes it: every value text (topics a list).
    None (and NaN, NaT) is an absent field; a dict from get().to_dict() goes
    back in as it came out."""
    if not isinstance(document, dict):
        raise TypeError(f"a document is a dict, not {type(document).__name__}")
    inferred = document.get("term_inferred") is True
    out = {}
    for key, value in document.items():
        if not isinstance(key, str):
            raise Error(f"field names are text, not {type(key).__name__} ({key!r})")
        if key in _DERIVED or _missing(value) or (key == "term" and inferred):
            continue
        if key in ("topic", "topics", "tags", "cited_numbers"):
            out[key] = _topics(value)
        elif key == "date":
            out[key] = _date_text(value, "field 'date'")
        else:
            out[key] = _text(value, f"field '{key}'")
    return out


def open(path: Union[PathLike, Sequence[PathLike]], writable: bool = False, *,  # noqa: A001
         max_document_bytes: int = _core.DEFAULT_MAX_DOCUMENT_BYTES, max_query_bytes: int = 4096,
         max_query_terms: int = 64, max_expansions: int = 16, max_results: int = 10000,
         helper_thread: bool = True, remote_timeout_ms: int = 10000, connect_timeout_ms: int = 5000) -> Database:
    """Opens a database; a list of paths is searched as one. A path may also
    be "tcp://HOST:PORT" (a database served by xapian-tcpsrv) or a Xapian stub
    file naming shards; a remote shard that does not answer within
    `remote_timeout_ms` is left out and named in `Results.missing_shards`. `writable=True`
    creates it if needed (one path only) and raises DatabaseLockedError when
    another process is writing to it. Larger documents are refused; longer
    queries, or queries of more words, raise QueryError; at most
    `max_expansions` synonyms are tried per word; a search whose offset plus
    limit passes `max_results` raises QueryError. With `helper_thread` (and two
    cores or more) a search shares its work with a second thread, or over
    remote shards reads its hits over more connections with reader threads;
    the hits are the same either way."""
    paths = [path] if isinstance(path, (str, bytes, _os.PathLike)) else list(path)
    return Database(paths, writable, max_document_bytes=max_document_bytes,
                    max_query_bytes=max_query_bytes, max_query_terms=max_query_terms,
                    max_expansions=max_expansions, max_results=max_results, helper_thread=helper_thread,
                    remote_timeout_ms=remote_timeout_ms, connect_timeout_ms=connect_timeout_ms)
