"""Type stubs for the compiled core; the public API is in vankien/__init__.py."""
from typing import Dict, List, Optional, Sequence, Tuple

__version__: str

class Error(Exception): ...
class DatabaseLockedError(Error): ...
class DatabaseNotFoundError(Error): ...
class QueryError(Error): ...

class Token:
    text: str
    normalized: str  # the same as text
    folded: str
    kind: str
    position: int
    start: int
    end: int

class Analyzer:
    def __init__(self) -> None: ...
    def analyze(self, text: str) -> List[Token]: ...

def normalize(text: str) -> str: ...
def fold(text: str) -> str: ...

class SearchRequest:
    query: str
    district: str
    province: str
    term: str
    topic: str
    type: str
    issuer: str
    number: str
    cites: str
    year: str
    date_from: str
    date_to: str
    offset: int
    limit: int
    facets: List[str]
    snippet_bytes: int
    def __init__(self) -> None: ...
    def set_sort(self, sort: str) -> None: ...
    def set_clearance(self, level: str) -> None: ...

class RawResults:
    total: int
    total_lower: int
    total_upper: int
    suggestion: str
    relaxed: bool
    warnings: List[str]
    missing_shards: List[str]
    facets: Dict[str, List[Tuple[str, int]]]
    hits: List[dict]

class SearchOptions:
    max_query_bytes: int
    max_query_terms: int
    max_expansions: int
    max_results: int
    helper_thread: bool
    remote_timeout_ms: int
    connect_timeout_ms: int
    def __init__(self) -> None: ...

DEFAULT_MAX_DOCUMENT_BYTES: int

class Database:
    def __init__(self, paths: Sequence[str], writable: bool, data_dir: str, max_document_bytes: int,
                 search_options: SearchOptions) -> None: ...
    def add(self, fields: dict) -> str: ...
    def index_files(self, paths: Sequence[str], root: str, encoding: str, district: str, province: str) -> dict: ...
    def delete(self, id: str) -> bool: ...
    def commit(self) -> None: ...
    def take_cancelled(self) -> list: ...
    def search(self, request: SearchRequest) -> RawResults: ...
    def get(self, id: str, clearance: str) -> Optional[dict]: ...
    def close(self) -> None: ...
