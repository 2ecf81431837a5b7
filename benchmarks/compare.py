#!/usr/bin/env python3
"""vankien beside plain Xapian and SQLite FTS5: indexing, size, latency and
known-item quality at 10, 25, 50 and 100% of one corpus, in one run.

    benchmarks/compare.py [--mode quick|full|smoke] [--bin BUILD/benchmarks/engine_bench]

Corpus: all of VNTC from ../shared/data/vntc (quick: its first 6,000
articles), generated Vietnamese-like text when that is absent. Queries: 1,000
sampled with seed 2026 from ../shared/data/queries/keyword.freq, as typed and
without diacritics. Known items: 500 articles sampled with seed 2026 at each
size; the query is the article's title (its first ten words) without
diacritics.

Writes results.json, table.md and scaling.png into the work directory; the
full mode also copies them to benchmarks/results/.
"""
import argparse
import datetime
import gzip
import json
import os
import pathlib
import platform
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[1]
ENGINES = ("vankien", "xapian", "fts5")
ENGINE_NAMES = {"vankien": "vankien", "xapian": "plain Xapian", "fts5": "SQLite FTS5"}
SCALES = (10, 25, 50, 100)
MODES = {  # documents (None: the whole corpus), queries, known items
    "full": (None, 1000, 500),
    "quick": (6000, 300, 200),
    "smoke": (400, 20, 20),
}
SEED = 2026


def fold(text):
    """Text without diacritics, as a user types it on a plain keyboard."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def generated_articles(count):
    rng = random.Random(SEED)
    words = ("đảng bộ huyện tỉnh ủy ban thường vụ chấp hành nghị quyết lãnh đạo chỉ đạo "
             "phương thức đổi mới công tác cán bộ đảng viên tổ chức cơ sở kiểm tra giám sát "
             "kinh tế xã hội nông thôn mới quốc phòng an ninh đại hội nhiệm kỳ văn hóa "
             "giáo dục y tế người nước lượng quỹ hòa thuý khỏe").split()
    for _ in range(count):
        title = " ".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
        body = " ".join(rng.choice(words) for _ in range(rng.randint(150, 500)))
        yield title.capitalize() + "\n" + body


def vntc_articles(data):
    for name in ("vntc_train_full.jsonl.gz", "vntc_test_full.jsonl.gz"):
        with gzip.open(data / "vntc" / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)["text"]


def write_corpus(path, data, limit):
    """The corpus as {"id", "text"} lines; returns (source, title words by id)."""
    has_vntc = (data / "vntc" / "vntc_train_full.jsonl.gz").exists()
    articles = vntc_articles(data) if has_vntc else generated_articles(limit or 50000)
    titles = []
    with path.open("w", encoding="utf-8") as out:
        for text in articles:
            if limit is not None and len(titles) == limit:
                break
            document_id = f"d{len(titles)}"
            out.write(json.dumps({"id": document_id, "text": text}, ensure_ascii=False) + "\n")
            first_line = text.strip().split("\n", 1)[0]
            titles.append(" ".join(first_line.split()[:10]))
    return ("VNTC (../shared/data/vntc)" if has_vntc else "generated text"), titles


def sample_queries(data, count, titles):
    freq = data / "queries" / "keyword.freq"
    if freq.exists():
        queries = [line.rsplit(" ", 1)[0] for line in freq.read_text(encoding="utf-8").splitlines()
                   if " " in line.strip()]
    else:  # words of the corpus's own titles
        queries = [" ".join(title.split()[:3]) for title in titles]
    rng = random.Random(SEED)
    return [rng.choice(queries) for _ in range(count)]


def run_engine(binary, *args):
    """Runs engine_bench; returns its JSON with its peak RSS in MB. GNU time
    measures it: a child forked from this (large) Python process would count
    the parent's pages it started with."""
    rss_file = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / f"engine_bench.{os.getpid()}.rss"
    command = ["/usr/bin/time", "-f", "%M", "-o", str(rss_file), str(binary), *map(str, args)]
    started = time.monotonic()
    process = subprocess.run(command, capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"engine_bench {' '.join(map(str, args))} failed:\n{process.stderr}")
    result = json.loads(process.stdout)
    result["peak_rss_mb"] = int(rss_file.read_text().split()[-1]) / 1024
    rss_file.unlink()
    print(f"    {args[0]} {args[1]} {' '.join(str(a) for a in args[4:])}: "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return result


def size_mb(path):
    path = pathlib.Path(path)
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def compacted_mb(engine, db, work):
    """Size after xapian-compact, or FTS5's 'optimize' and VACUUM on a copy."""
    target = work / f"{engine}.compact"
    shutil.rmtree(target, ignore_errors=True)
    if target.exists():
        target.unlink()
    if engine == "fts5":
        shutil.copyfile(db, target)
        connection = sqlite3.connect(target, isolation_level=None)
        connection.execute("PRAGMA journal_mode=DELETE")  # everything in the one file
        connection.execute("INSERT INTO docs(docs) VALUES('optimize')")
        connection.execute("VACUUM")
        connection.close()
    else:
        subprocess.run(["xapian-compact", "--multipass", str(db), str(target)], check=True,
                       stdout=subprocess.DEVNULL)
    size = size_mb(target)
    shutil.rmtree(target, ignore_errors=True)
    if target.exists():
        target.unlink()
    return size


def measure_scale(binary, work, corpus_lines, titles, percent, typed, folded, known_count,
                  corpus_bytes):
    count = max(1, round(len(corpus_lines) * percent / 100))
    corpus = work / f"corpus-{percent}.jsonl"
    corpus.write_text("".join(corpus_lines[:count]), encoding="utf-8")
    megabytes = sum(corpus_bytes[:count]) / 1e6
    rng = random.Random(SEED)
    known = rng.sample(range(count), min(known_count, count))
    items = work / "known.tsv"
    items.write_text("".join(f"d{i}\t{fold(titles[i])}\n" for i in known), encoding="utf-8")
    queries = {"typed": work / "typed.txt", "folded": work / "folded.txt"}
    queries["typed"].write_text("".join(q + "\n" for q in typed), encoding="utf-8")
    queries["folded"].write_text("".join(q + "\n" for q in folded), encoding="utf-8")

    scale = {"percent": percent, "documents": count, "megabytes": megabytes, "engines": {}}
    for engine in ENGINES:
        db = work / f"{engine}.db"
        shutil.rmtree(db, ignore_errors=True)
        if db.exists():
            db.unlink()
        print(f"  {percent}%: {engine} ...", file=sys.stderr, flush=True)
        indexed = run_engine(binary, "index", engine, corpus, db)
        figures = {
            "index_seconds": indexed["seconds"],
            "docs_per_second": indexed["documents"] / indexed["seconds"],
            "mb_per_second": megabytes / indexed["seconds"],
            "index_peak_rss_mb": indexed["peak_rss_mb"],
            "size_mb": size_mb(db),
            "compacted_mb": compacted_mb(engine, db, work),
            "queries": {
                "typed": run_engine(binary, "query", engine, db, queries["typed"]),
                "folded": run_engine(binary, "query", engine, db, queries["folded"]),
            },
            "known_item": run_engine(binary, "known", engine, db, items),
        }
        if engine == "vankien":
            figures["queries"]["typed_filtered"] = run_engine(
                binary, "query", engine, db, queries["typed"], "filtered")
            figures["queries"]["folded_filtered"] = run_engine(
                binary, "query", engine, db, queries["folded"], "filtered")
        scale["engines"][engine] = figures
        shutil.rmtree(db, ignore_errors=True)
        if db.exists():
            db.unlink()
    return scale


def ratio(a, b):
    return a / b if b else float("nan")


def table(results):
    lines = [f"Corpus: {results['corpus']}; {results['queries']} queries, "
             f"{results['known_items']} known items; {results['machine']}; {results['date']}.", ""]
    for scale in results["scales"]:
        e = scale["engines"]
        lines += [f"### {scale['percent']}% ({scale['documents']:,} documents, "
                  f"{scale['megabytes']:.1f} MB)", "",
                  "| engine | docs/s | MB/s | peak RSS MB | size MB | compacted MB "
                  "| p50 ms | p95 ms | p99 ms | q/s | p50 no diacritics | success@1 | success@10 | MRR@10 |",
                  "|---|" + "---:|" * 13]
        for engine in ENGINES:
            f = e[engine]
            typed, folded, known = f["queries"]["typed"], f["queries"]["folded"], f["known_item"]
            lines.append(
                f"| {ENGINE_NAMES[engine]} | {f['docs_per_second']:.0f} | {f['mb_per_second']:.2f} "
                f"| {f['index_peak_rss_mb']:.0f} | {f['size_mb']:.1f} | {f['compacted_mb']:.1f} "
                f"| {typed['p50_ms']:.2f} | {typed['p95_ms']:.2f} | {typed['p99_ms']:.2f} "
                f"| {typed['qps']:.0f} | {folded['p50_ms']:.2f} | {known['success_at_1']:.3f} "
                f"| {known['success_at_10']:.3f} | {known['mrr_at_10']:.3f} |")
        v, x, s = e["vankien"], e["xapian"], e["fts5"]
        lines += ["", "| vankien as a ratio of | plain Xapian | SQLite FTS5 |", "|---|---:|---:|"]
        rows = [
            ("indexing docs/s", "docs_per_second", None),
            ("peak RSS while indexing", "index_peak_rss_mb", None),
            ("size on disk", "size_mb", None),
            ("compacted size", "compacted_mb", None),
            ("query p50, as typed", "typed", "p50_ms"),
            ("query p99, as typed", "typed", "p99_ms"),
            ("query p50, without diacritics", "folded", "p50_ms"),
            ("query p99, without diacritics", "folded", "p99_ms"),
        ]
        for label, key, inner in rows:
            get = (lambda f: f[key]) if inner is None else (lambda f: f["queries"][key][inner])
            lines.append(f"| {label} | {ratio(get(v), get(x)):.2f} | {ratio(get(v), get(s)):.2f} |")
        for key, label in (("typed_filtered", "as typed"), ("folded_filtered", "without diacritics")):
            q = v["queries"][key]
            lines.append(f"| filter, 5 facets, {label}: p50 {q['p50_ms']:.2f} ms, "
                         f"p99 {q['p99_ms']:.2f} ms, {q['empty']} of {q['queries']} queries without a hit | | |")
        lines.append("")
    return "\n".join(lines)


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    charts = [("indexing time (s)", lambda f: f["index_seconds"]),
              ("compacted index (MB)", lambda f: f["compacted_mb"]),
              ("query p50, no diacritics (ms)", lambda f: f["queries"]["folded"]["p50_ms"]),
              ("query p99, no diacritics (ms)", lambda f: f["queries"]["folded"]["p99_ms"])]
    figure, axes = plt.subplots(1, len(charts), figsize=(4.2 * len(charts), 3.6))
    documents = [scale["documents"] for scale in results["scales"]]
    for axis, (title, value) in zip(axes, charts):
        for engine in ENGINES:
            axis.plot(documents, [value(s["engines"][engine]) for s in results["scales"]],
                      marker="o", label=ENGINE_NAMES[engine])
        axis.set_title(title, fontsize=10)
        axis.set_xlabel("documents")
        axis.set_ylim(bottom=0)
        axis.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    figure.suptitle(f"{results['corpus']}, {results['date']}", fontsize=9)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def machine():
    cpu = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {platform.platform(terse=True)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=MODES, default="quick")
    parser.add_argument("--bin", default=ROOT / "build" / "benchmarks" / "engine_bench")
    parser.add_argument("--data", default=ROOT.parent / "shared" / "data", type=pathlib.Path)
    parser.add_argument("--work", type=pathlib.Path)
    arguments = parser.parse_args()
    limit, query_count, known_count = MODES[arguments.mode]
    work = arguments.work or ROOT / "build" / "benchmarks" / f"compare-{arguments.mode}"
    work.mkdir(parents=True, exist_ok=True)

    source, titles = write_corpus(work / "corpus.jsonl", arguments.data, limit)
    corpus_lines = (work / "corpus.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    corpus_bytes = [len(json.loads(line)["text"].encode()) for line in corpus_lines]
    typed = sample_queries(arguments.data, query_count, titles)
    folded = [fold(q) for q in typed]
    results = {
        "mode": arguments.mode, "corpus": source, "documents": len(corpus_lines),
        "queries": query_count, "known_items": known_count, "seed": SEED,
        "machine": machine(), "date": datetime.date.today().isoformat(),
        "command": f"benchmarks/compare.py --mode {arguments.mode}",
        "scales": [],
    }
    for percent in SCALES:
        results["scales"].append(measure_scale(arguments.bin, work, corpus_lines, titles, percent, typed,
                                               folded, known_count, corpus_bytes))
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    markdown = table(results)
    (work / "table.md").write_text(markdown + "\n", encoding="utf-8")
    plot(results, work / "scaling.png")
    print(markdown)
    if arguments.mode == "full":
        published = ROOT / "benchmarks" / "results"
        published.mkdir(exist_ok=True)
        for name in ("results.json", "table.md", "scaling.png"):
            shutil.copyfile(work / name, published / name)
        print(f"written to {published}", file=sys.stderr)
    else:
        print(f"written to {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
