"""The layout's one rule: query/ and indexer/ never include each other's files,
and the core (src/) includes neither. Each quoted include is resolved the way
the compiler does (the including file's folder first, then the include
directories the object libraries have) and the folder it lands in is checked,
so `../indexer/x.hpp` is caught as surely as a missing include directory."""
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)
# What each part may include, besides itself: the core and the public headers.
ALLOWED = {"src": {"src", "include"}, "indexer": {"indexer", "src", "include"},
           "query": {"query", "src", "include"}, "server": {"server", "src", "include"}}
GENERATED = {"vankien/version.hpp"}  # configured into the build tree


def violations(root):
    """(file, include, why) for every include that breaks the rule under `root`."""
    found = []
    search_dirs = [root / "include", root / "src"]
    for part, allowed in ALLOWED.items():
        for source in sorted((root / part).rglob("*.[ch]pp")):
            for name in INCLUDE.findall(source.read_text(encoding="utf-8")):
                if name in GENERATED:
                    continue
                candidates = [source.parent / name] + [d / name for d in search_dirs]
                target = next((c.resolve() for c in candidates if c.is_file()), None)
                relative = source.relative_to(root)
                if target is None:
                    found.append((relative, name, "does not resolve"))
                    continue
                try:
                    lands_in = target.relative_to(root.resolve()).parts[0]
                except ValueError:
                    lands_in = "outside the tree"
                if lands_in not in allowed:
                    found.append((relative, name, f"{part}/ includes from {lands_in}/"))
    return found


def test_the_tree_keeps_the_rule():
    assert violations(ROOT) == []


def write(root, path, text=""):
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("source, include, why", [
    ("query/searcher.cpp", "../indexer/document_builder.hpp", "query/ includes from indexer/"),
    ("indexer/readers/xml.cpp", "../../query/snippet.hpp", "indexer/ includes from query/"),
    ("src/metadata/dates.cpp", "../../query/snippet.hpp", "src/ includes from query/"),
    ("src/schema.cpp", "../indexer/document_builder.hpp", "src/ includes from indexer/"),
    ("query/searcher.cpp", "indexer/document_builder.hpp", "does not resolve"),
])
def test_a_broken_rule_is_found(tmp_path, source, include, why):
    write(tmp_path, "indexer/document_builder.hpp")
    write(tmp_path, "query/snippet.hpp")
    write(tmp_path, "src/storage/document_record.hpp")
    write(tmp_path, "include/vankien/search.hpp")
    write(tmp_path, source, f'#include "vankien/search.hpp"\n#include "storage/document_record.hpp"\n'
                            f'#include "{include}"\n')
    assert violations(tmp_path) == [(pathlib.Path(source), include, why)]
