#!/usr/bin/env python3
"""vankien at a million documents beside a tenth of them, in one run:
indexing docs/s and peak RSS, size, query latency as typed and without
diacritics, and the searcher's peak RSS.

    benchmarks/million.py [--documents 1000000] [--baseline 100000] [--bin BUILD/benchmarks/engine_bench]

The corpus is made from VNTC (../shared/data/vntc) by recombining paragraphs
across articles, seeded: each document is one article's first paragraph (its
title and lede) followed by 3 to 12 paragraphs drawn from any article, with
an id of its own; no two documents have the same text. The baseline is the
corpus's first BASELINE documents, indexed and searched the same way in the
same run. Queries: those of benchmarks/compare.py (1,000 from keyword.freq,
seed 2026). Writes million.json, million.md and million.png (with the side-by-side
run's sizes) into the work directory; --report writes them again from million.json.
"""
import argparse
import datetime
import hashlib
import json
import pathlib
import random
import shutil
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import compare  # noqa: E402  (its corpus, query and engine_bench helpers)

SEED = compare.SEED


def paragraphs_of(data):
    """Each VNTC article's paragraphs, in order."""
    articles = []
    for text in compare.vntc_articles(data):
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
        if paragraphs:
            articles.append(paragraphs)
    return articles


def write_recombined(path, data, count):
    articles = paragraphs_of(data)
    pool = [p for paragraphs in articles for p in paragraphs[1:]] or [p for a in articles for p in a]
    rng = random.Random(SEED)
    seen = set()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < count:
            lead = rng.choice(articles)[0]
            body = [rng.choice(pool) for _ in range(rng.randint(3, 12))]
            text = "\n".join([lead, *body])
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
            if digest in seen:
                continue
            seen.add(digest)
            out.write(json.dumps({"id": f"m{written}", "text": text}, ensure_ascii=False) + "\n")
            written += 1


def measure(binary, work, corpus, typed, folded):
    db = work / "vankien.db"
    shutil.rmtree(db, ignore_errors=True)
    indexed = compare.run_engine(binary, "index", "vankien", corpus, db)
    figures = {
        "documents": indexed["documents"],
        "docs_per_second": indexed["documents"] / indexed["seconds"],
        "index_peak_rss_mb": indexed["peak_rss_mb"],
        "size_mb": compare.size_mb(db),
        "typed": compare.run_engine(binary, "query", "vankien", db, typed),
        "folded": compare.run_engine(binary, "query", "vankien", db, folded),
    }
    shutil.rmtree(db, ignore_errors=True)
    return figures


def table(results):
    base, large = results["baseline"], results["large"]
    rows = [
        ("indexing docs/s", "docs_per_second", None, "{:.0f}"),
        ("indexing peak RSS MB", "index_peak_rss_mb", None, "{:.0f}"),
        ("database MB", "size_mb", None, "{:.0f}"),
        ("p50 ms, as typed", "p50_ms", "typed", "{:.2f}"),
        ("p99 ms, as typed", "p99_ms", "typed", "{:.2f}"),
        ("p50 ms, no diacritics", "p50_ms", "folded", "{:.2f}"),
        ("p99 ms, no diacritics", "p99_ms", "folded", "{:.2f}"),
        ("searcher peak RSS MB, as typed", "peak_rss_mb", "typed", "{:.0f}"),
        ("searcher peak RSS MB, no diacritics", "peak_rss_mb", "folded", "{:.0f}"),
    ]
    lines = [f"{results['machine']}; {results['date']}.", "",
             f"| | {base['documents']:,} documents | {large['documents']:,} documents | ratio |",
             "|---|---:|---:|---:|"]
    for label, key, group, form in rows:
        a = base[group][key] if group else base[key]
        b = large[group][key] if group else large[key]
        lines.append(f"| {label} | {form.format(a)} | {form.format(b)} | {b / a:.2f} |")
    return "\n".join(lines) + "\n"


def plot(results, path):
    """vankien's indexing rate, peak RSS and p50 at every size measured: the
    full side-by-side run's VNTC sizes (benchmarks/results/results.json) and
    this run's two, each series from its own run."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = []
    published = compare.ROOT / "benchmarks" / "results" / "results.json"
    if published.exists():
        full = json.loads(published.read_text(encoding="utf-8"))
        points = [(s["documents"], s["engines"]["vankien"]) for s in full["scales"]]
        series.append((f"VNTC, side-by-side run {full['date']}",
                       [(d, f["docs_per_second"], f["index_peak_rss_mb"], f["queries"]["folded"]["p50_ms"])
                        for d, f in points]))
    series.append((f"recombined VNTC, this run {results['date']}",
                   [(r["documents"], r["docs_per_second"], r["index_peak_rss_mb"], r["folded"]["p50_ms"])
                    for r in (results["baseline"], results["large"])]))
    titles = ("indexing docs/s", "indexing peak RSS (MB)", "query p50, no diacritics (ms)")
    figure, axes = plt.subplots(1, len(titles), figsize=(4.2 * len(titles), 3.6))
    for k, (axis, title) in enumerate(zip(axes, titles)):
        for label, rows in series:
            axis.plot([r[0] for r in rows], [r[k + 1] for r in rows], marker="o", label=label)
        axis.set_title(title, fontsize=10)
        axis.set_xlabel("documents")
        axis.set_xscale("log")
        axis.set_ylim(bottom=0)
        axis.grid(alpha=0.3)
    axes[0].legend(fontsize=7)
    figure.suptitle(f"vankien, {results['machine']}", fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def report(results, work):
    (work / "million.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (work / "million.md").write_text(table(results), encoding="utf-8")
    plot(results, work / "million.png")
    print(table(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=int, default=100_000)
    parser.add_argument("--bin", default=compare.ROOT / "build" / "benchmarks" / "engine_bench")
    parser.add_argument("--data", default=compare.ROOT.parent / "shared" / "data", type=pathlib.Path)
    parser.add_argument("--work", type=pathlib.Path, default=compare.ROOT / "build" / "benchmarks" / "million")
    parser.add_argument("--report", action="store_true", help="only write the table and plot of the last run")
    args = parser.parse_args()
    if args.report:
        last = args.work / "million.json"
        if not last.exists():
            sys.exit(f"no run to report: {last} does not exist")
        return report(json.loads(last.read_text(encoding="utf-8")), args.work)
    for needed in (args.data / "vntc" / "vntc_train_full.jsonl.gz", args.data / "queries" / "keyword.freq"):
        if not needed.exists():
            sys.exit(f"needs {needed}")
    if not 0 < args.baseline < args.documents:
        sys.exit("--baseline must be above 0 and below --documents")
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / "corpus.jsonl"
    print(f"writing {args.documents:,} recombined documents ...", file=sys.stderr, flush=True)
    write_recombined(corpus, args.data, args.documents)
    baseline_corpus = args.work / "baseline.jsonl"
    with corpus.open(encoding="utf-8") as source, baseline_corpus.open("w", encoding="utf-8") as out:
        for _, line in zip(range(args.baseline), source):
            out.write(line)
    queries = compare.sample_queries(args.data, 1000, [])
    typed, folded = args.work / "typed.txt", args.work / "folded.txt"
    typed.write_text("".join(q + "\n" for q in queries), encoding="utf-8")
    folded.write_text("".join(compare.fold(q) + "\n" for q in queries), encoding="utf-8")

    results = {"date": datetime.date.today().isoformat(), "machine": compare.machine()}
    results["baseline"] = measure(args.bin, args.work, baseline_corpus, typed, folded)
    results["large"] = measure(args.bin, args.work, corpus, typed, folded)
    report(results, args.work)


if __name__ == "__main__":
    main()
