#!/usr/bin/env python3
"""Ranking quality: known-item search over the first DOCUMENTS articles of
VNTC, for vankien, plain Xapian (QueryParser, BM25 over exact words, OR) and
SQLite FTS5 (every word, else any), the engines of benchmarks/compare/.

    benchmarks/quality.py [--documents 5000] [--items 300] [--bin BUILD/benchmarks/engine_bench]

Sets, each ITEMS articles sampled with seed 2026, built here from
../shared/data (never committed):
  title, title-folded        the article's title (its first ten words), with
                             and without diacritics;
  sentence, sentence-folded  a sentence of 20 to 50 words from the middle of
                             its body (a verbose query, as a question pasted
                             from a document), with and without diacritics.
Scores: MRR@10 and success@10 (the article in the top ten). Prints a Markdown
table and writes quality.json into the work directory.

Accent restoration, per syllable: vankien's suggestion for each title typed
without diacritics against the title itself, two ways: each syllable's
commonest form in the index alone (a search of no hits, so no passages to
weigh), and the suggestion a search gives (the commonest forms, then how the
words are written where they stand together in the best hits). A syllable is
right when its letters and marks are the title's (mark placement aside, as
"hoà" and "hòa" are one spelling).
"""
import argparse
import json
import pathlib
import random
import shutil
import subprocess
import sys
import unicodedata

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare import ENGINES, ENGINE_NAMES, ROOT, SEED, fold, run_engine, vntc_articles  # noqa: E402

SETS = ("title", "title-folded", "sentence", "sentence-folded")


def middle_sentence(body, rng):
    """A sentence of 20 to 50 words from the middle third of `body`, or None."""
    sentences = [" ".join(s.split()) for s in body.replace("\n", " ").split(". ")]
    third = len(sentences) // 3
    middle = [s for s in sentences[third:len(sentences) - third] if 20 <= len(s.split()) <= 50]
    return rng.choice(middle) if middle else None


def spelling(syllable):
    """A syllable's letters and marks, whichever letter a mark sits on."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return (fold(syllable.lower()), tuple(sorted(c for c in decomposed if unicodedata.category(c) == "Mn")))


def syllables(text):
    return ["".join(c for c in word if c.isalnum()) for word in text.split() if any(c.isalnum() for c in word)]


def accent_accuracy(cli, db, titles, work, limit):
    """Share of the titles' syllables that the suggestion spells as the title does."""
    queries = work / "accents.tsv"
    queries.write_text("".join(f"{i}\t{fold(title)}\n" for i, title in enumerate(titles)), encoding="utf-8")
    process = subprocess.run([str(cli), "search", "--db", str(db), "--queries", str(queries), "--format", "json",
                              "--limit", str(limit)], capture_output=True, text=True)
    right = total = 0
    for line in process.stdout.splitlines():
        answer = json.loads(line)
        gold = syllables(titles[int(answer["qid"])])
        guess = syllables(answer["suggestion"] or answer["query"])
        total += len(gold)
        if len(guess) == len(gold):
            right += sum(spelling(g) == spelling(s) for g, s in zip(gold, guess))
    return right / max(1, total)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--bin", type=pathlib.Path, default=ROOT / "build" / "benchmarks" / "engine_bench")
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--work", type=pathlib.Path, default=ROOT / "build" / "benchmarks" / "quality")
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "cli" / "vankien")
    arguments = parser.parse_args()
    if not (arguments.data / "vntc" / "vntc_train_full.jsonl.gz").exists():
        sys.exit(f"needs {arguments.data}/vntc")
    work = arguments.work
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    corpus, texts = work / "corpus.jsonl", []
    with corpus.open("w", encoding="utf-8") as out:
        for text in vntc_articles(arguments.data):
            if len(texts) == arguments.documents:
                break
            out.write(json.dumps({"id": f"d{len(texts)}", "text": text}, ensure_ascii=False) + "\n")
            texts.append(text)

    rng = random.Random(SEED)
    items = {name: [] for name in SETS}
    for i in rng.sample(range(len(texts)), len(texts)):
        if len(items["sentence"]) == arguments.items:
            break
        title, _, body = texts[i].strip().partition("\n")
        sentence = middle_sentence(body, rng)
        if sentence is None:
            continue
        title = " ".join(title.split()[:10])
        for name, query in (("title", title), ("title-folded", fold(title)),
                            ("sentence", sentence), ("sentence-folded", fold(sentence))):
            items[name].append(f"d{i}\t{query}\n")
    files = {}
    for name in SETS:
        files[name] = work / f"{name}.tsv"
        files[name].write_text("".join(items[name]), encoding="utf-8")

    results = {"documents": len(texts), "items": len(items["sentence"]), "seed": SEED, "engines": {}}
    for engine in ENGINES:
        db = work / f"{engine}.db"
        run_engine(arguments.bin, "index", engine, corpus, db)
        results["engines"][engine] = {name: run_engine(arguments.bin, "known", engine, db, files[name])
                                      for name in SETS}
    titles = [line.split("\t", 1)[1].rstrip("\n") for line in items["title"]]
    results["accents"] = {
        "commonest_form": accent_accuracy(arguments.cli, work / "vankien.db", titles, work, 0),
        "search_suggestion": accent_accuracy(arguments.cli, work / "vankien.db", titles, work, 10),
    }
    (work / "quality.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    print(f"{results['documents']} VNTC articles, {results['items']} known items a set, seed {SEED}\n")
    print("| set | " + " | ".join(f"{ENGINE_NAMES[e]} MRR@10 | success@10" for e in ENGINES) + " |")
    print("|---|" + "---:|---:|" * len(ENGINES))
    for name in SETS:
        cells = [f"{results['engines'][e][name]['mrr_at_10']:.3f} | {results['engines'][e][name]['success_at_10']:.3f}"
                 for e in ENGINES]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\nAccent restoration, syllables right on the {results['items']} titles typed without diacritics: "
          f"commonest form alone {results['accents']['commonest_form']:.3f}, "
          f"search suggestion {results['accents']['search_suggestion']:.3f}")


if __name__ == "__main__":
    main()
