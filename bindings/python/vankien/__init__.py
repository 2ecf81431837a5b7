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


def _as_date(text: str) -> Optional[_datetime.date]:
    return _datetime.date.fromisoformat(text) if text else None


def _date_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _datetime.date):
        return value.isoformat()
    return str(value)


class Document:
    """A stored document: every field as an attribute, `date` a datetime.date."""

    _FIELDS = ("id", "title", "lead", "body", "date", "type", "number", "numbering", "issuer", "district",
               "province", "successor_province", "term", "term_inferred", "topics", "author", "url", "access")

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

    def __init__(self, paths: Sequence[PathLike], writable: bool = False, **limits: int):
        core_limits = _core.Limits()
        for name, value in limits.items():
            if not hasattr(core_limits, name):
                raise TypeError(f"unknown limit '{name}'")
            setattr(core_limits, name, value)
        self._db = _core.Database([_os.fspath(p) for p in paths], writable, _data_dir(), core_limits)

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
        return self._db.add_many(_prepared(d) for d in documents)

    def index_files(self, paths: Sequence[PathLike]) -> dict:
        """Reads files and directories (text, Markdown, XML, JSON Lines) like
        `vankien index`; returns the same summary as add_many()."""
        return self._db.index_files([_os.fspath(p) for p in paths])

    def delete(self, id: str) -> bool:
        """Removes a document; False when there was none."""
        return self._db.delete(id)

    def commit(self) -> None:
        """Makes the changes durable and visible to searches."""
        self._db.commit()

    def search(self, query: str = "", *, district: Optional[str] = None, province: Optional[str] = None,
               term: Optional[str] = None, topic: Optional[str] = None, type: Optional[str] = None,
               issuer: Optional[str] = None, number: Optional[str] = None, year: Optional[int] = None,
               date_from: Any = None, date_to: Any = None, sort: str = "relevance", limit: int = 10,
               offset: int = 0, facets: Union[bool, Sequence[str]] = False, clearance: str = "public",
               snippet_bytes: int = 240) -> Results:
        """Searches (query language: docs/QUERY.md). `facets=True` counts all
        six facets; a list names some. Raises vankien.QueryError for a bad query."""
        request = _core.SearchRequest()
        request.query = query
        for name, value in (("district", district), ("province", province), ("term", term),
                            ("topic", topic), ("type", type), ("issuer", issuer), ("number", number)):
            if value is not None:
                setattr(request, name, str(value))
        if year is not None:
            request.year = str(year)
        request.date_from = _date_text(date_from)
        request.date_to = _date_text(date_to)
        request.set_sort(sort)
        request.set_clearance(clearance)
        request.limit = limit
        request.offset = offset
        request.snippet_bytes = snippet_bytes
        request.facets = list(FACETS) if facets is True else list(facets or [])
        return Results(self._db.search(request))

    def get(self, id: str, clearance: str = "public") -> Optional[Document]:
        """The stored document, or None (also when above `clearance`)."""
        fields = self._db.get(id, clearance)
        return Document(fields) if fields is not None else None


def _prepared(document: dict) -> dict:
    if not isinstance(document, dict):
        raise TypeError(f"a document is a dict, not {type(document).__name__}")
    out = dict(document)
    if "date" in out:
        out["date"] = _date_text(out["date"])
    return out


def open(path: Union[PathLike, Sequence[PathLike]], writable: bool = False, *,  # noqa: A001
         max_document_bytes: int = 64 << 20, max_query_bytes: int = 4096, max_query_terms: int = 64,
         max_expansions: int = 16) -> Database:
    """Opens a database; a list of paths is searched as one. `writable=True`
    creates it if needed (one path only) and raises DatabaseLockedError when
    another process is writing to it. Larger documents are refused; longer
    queries, or queries of more words, raise QueryError; at most
    `max_expansions` synonyms are tried per word."""
    paths = [path] if isinstance(path, (str, bytes, _os.PathLike)) else list(path)
    return Database(paths, writable, max_document_bytes=max_document_bytes,
                    max_query_bytes=max_query_bytes, max_query_terms=max_query_terms,
                    max_expansions=max_expansions)
