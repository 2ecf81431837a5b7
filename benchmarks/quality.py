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
                             from a document), with and without diacritics;
  question, question-folded  three fifths of that sentence's words, in order,
                             inside a stock question frame ("Theo quy định
                             ... có đúng hay sai?"): a question that only
                             partly matches, with and without diacritics.
Scores: MRR@10 and success@10 (the article in the top ten). Prints a Markdown
table and writes quality.json into the work directory.

Accent restoration, per syllable, on the titles and on sentences of the
UD Vietnamese-VTB test set (text the index does not hold), typed without
diacritics, against the original, three ways: each syllable's commonest form
in the corpus alone (the baseline, counted here); vankien's reading of the
whole query (each syllable's usual form and how the index writes
neighbouring syllables together: a search that fetches no hits, so no
passages to weigh); and the suggestion a search gives (that reading, then
how the words are written where they stand together in the best hits). A
syllable is right when its letters and marks are the original's (mark
placement aside, as "hoà" and "hòa" are one spelling).
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

SETS = ("title", "title-folded", "sentence", "sentence-folded", "question", "question-folded")

# How a question pasted into a search box starts and ends: words that carry
# no signal (the ranking issue's examples).
QUESTION_FRAMES = (
    ("Theo quy định của pháp luật hiện hành,", "có đúng hay sai?"),
    ("Xin hỏi, trường hợp", "thì có được không?"),
    ("Cho tôi hỏi theo quy định thì", "có phải không ạ?"),
    ("Đúng hay sai:", "theo quy định hiện nay?"),
)


def question(sentence, rng):
    """`sentence` as a question that only partly matches it: a stock frame
    around three fifths of its words, in their order (the asker's words are
    not the document's)."""
    words = sentence.rstrip(".").split()
    kept = sorted(rng.sample(range(len(words)), max(1, len(words) * 3 // 5)))
    start, end = rng.choice(QUESTION_FRAMES)
    return f"{start} {' '.join(words[i] for i in kept)} {end}"


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


def commonest_form_accuracy(texts, originals):
    """Share of the originals' syllables spelt right by each one's commonest form in `texts`."""
    counts = {}
    for text in texts:
        for syllable in syllables(unicodedata.normalize("NFC", text).lower()):
            counts[syllable] = counts.get(syllable, 0) + 1
    commonest = {}
    for syllable, count in counts.items():
        key = fold(syllable)
        if count > counts.get(commonest.get(key), 0):
            commonest[key] = syllable
    right = total = 0
    for original in originals:
        for syllable in syllables(unicodedata.normalize("NFC", original).lower()):
            total += 1
            right += spelling(syllable) == spelling(commonest.get(fold(syllable), fold(syllable)))
    return right / max(1, total)


def ud_sentences(data, count):
    """The first `count` sentences of 5 to 40 words of the UD VTB test set."""
    path = data / "ud-vtb" / "vi_vtb-ud-test.conllu"
    if not path.exists():
        return []
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text") and "=" in line:
            text = line.split("=", 1)[1].strip()
            if 5 <= len(text.split()) <= 40:
                sentences.append(text)
    return sentences[:count]


def accent_accuracy(cli, db, titles, work, limit):
    """Share of the titles' syllables that the suggestion spells as the title does."""
    queries = work / "accents.tsv"
    queries.write_text("".join(f"{i}\t{fold(title)}\n" for i, title in enumerate(titles)), encoding="utf-8")
    process = subprocess.run([str(cli), "search", "--db", str(db), "--queries", str(queries), "--format", "json",
                              "--limit", str(limit)], capture_output=True, text=True)
    answers = process.stdout.splitlines()
    if len(answers) != len(titles):  # some queries may be refused (exit 1); none may go missing
        sys.exit(f"vankien search answered {len(answers)} of {len(titles)} queries: {process.stderr[-500:]}")
    right = total = 0
    for line in answers:
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
    parser.add_argument("--seed", type=int, default=SEED,
                        help="which known items (another seed: a held-out set, to check what was tuned on the default)")
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

    seed = arguments.seed
    rng = random.Random(seed)
    question_rng = random.Random(seed + 1)  # its own, so the other sets stay as they were
    items = {name: [] for name in SETS}
    for i in rng.sample(range(len(texts)), len(texts)):
        if len(items["sentence"]) == arguments.items:
            break
        title, _, body = texts[i].strip().partition("\n")
        sentence = middle_sentence(body, rng)
        if sentence is None:
            continue
        title = " ".join(title.split()[:10])
        asked = question(sentence, question_rng)
        for name, query in (("title", title), ("title-folded", fold(title)),
                            ("sentence", sentence), ("sentence-folded", fold(sentence)),
                            ("question", asked), ("question-folded", fold(asked))):
            items[name].append(f"d{i}\t{query}\n")
    files = {}
    for name in SETS:
        files[name] = work / f"{name}.tsv"
        files[name].write_text("".join(items[name]), encoding="utf-8")

    results = {"documents": len(texts), "items": len(items["sentence"]), "seed": seed, "engines": {}}
    for engine in ENGINES:
        db = work / f"{engine}.db"
        run_engine(arguments.bin, "index", engine, corpus, db)
        results["engines"][engine] = {name: run_engine(arguments.bin, "known", engine, db, files[name])
                                      for name in SETS}
    titles = [line.split("\t", 1)[1].rstrip("\n") for line in items["title"]]
    sentences = ud_sentences(arguments.data, 1000)
    results["accents"] = {}
    for name, originals in (("titles", titles), ("ud-vtb", sentences)):
        results["accents"][name] = {
            "sentences": len(originals),
            "commonest_form": commonest_form_accuracy(texts, originals),
            "reading": accent_accuracy(arguments.cli, work / "vankien.db", originals, work, 0),
            "search_suggestion": accent_accuracy(arguments.cli, work / "vankien.db", originals, work, 10),
        }
    (work / "quality.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    print(f"{results['documents']} VNTC articles, {results['items']} known items a set, seed {seed}\n")
    print("| set | " + " | ".join(f"{ENGINE_NAMES[e]} MRR@10 | success@10" for e in ENGINES) + " |")
    print("|---|" + "---:|---:|" * len(ENGINES))
    for name in SETS:
        cells = [f"{results['engines'][e][name]['mrr_at_10']:.3f} | {results['engines'][e][name]['success_at_10']:.3f}"
                 for e in ENGINES]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nAccent restoration, share of syllables right, typed without diacritics:\n")
    print("| text | sentences | commonest form alone | vankien's reading | search suggestion |")
    print("|---|---:|---:|---:|---:|")
    for name, scores in results["accents"].items():
        print(f"| {name} | {scores['sentences']} | {scores['commonest_form']:.3f} | {scores['reading']:.3f} "
              f"| {scores['search_suggestion']:.3f} |")


if __name__ == "__main__":
    main()
