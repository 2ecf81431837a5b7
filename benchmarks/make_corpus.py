#!/usr/bin/env python3
"""Writes a benchmark corpus: plain UTF-8, one document a line.

    make_corpus.py OUT [--megabytes N] [--data ../shared/data]

Takes the first N MB (default 50) of article text from the VNTC corpus in
shared/data/vntc when it exists; otherwise generates Vietnamese-like text from
syllables written here, mixing NFC and NFD, both tone styles and upper case, so
every stage of the analyzer has work to do.
"""
import argparse
import gzip
import json
import pathlib
import random
import sys
import unicodedata

SYLLABLES = (
    "đảng bộ huyện tỉnh ủy ban thường vụ chấp hành nghị quyết lãnh đạo chỉ đạo "
    "phương thức đổi mới công tác cán bộ đảng viên tổ chức cơ sở kiểm tra giám sát "
    "kỷ luật tuyên truyền dân vận mặt trận kinh tế xã hội nông thôn mới giảm nghèo "
    "quốc phòng an ninh đại hội nhiệm kỳ thi đua khen thưởng sắp xếp bộ máy tinh gọn "
    "hòa hoà thúy thuý khỏe khoẻ người nước lượng quỹ văn hóa giáo dục y tế"
).split()


def vntc_lines(data: pathlib.Path, limit: int):
    written = 0
    for name in ("vntc_train_full.jsonl.gz", "vntc_test_full.jsonl.gz"):
        with gzip.open(data / "vntc" / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = " ".join(json.loads(line)["text"].split())
                yield text
                written += len(text.encode()) + 1
                if written >= limit:
                    return


def generated_lines(limit: int):
    rng = random.Random(2026)
    written = 0
    while written < limit:
        words = []
        for _ in range(rng.randint(200, 800)):
            word = rng.choice(SYLLABLES)
            roll = rng.random()
            if roll < 0.05:
                word = unicodedata.normalize("NFD", word)
            elif roll < 0.10:
                word = word.upper()
            words.append(word)
            if rng.random() < 0.08:
                words[-1] += rng.choice([",", ".", ";"])
            if rng.random() < 0.01:
                words.append(f"{rng.randint(1, 99)}-NQ/HU")
        text = " ".join(words)
        yield text
        written += len(text.encode()) + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--data", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    limit = int(args.megabytes * 1_000_000)
    if (args.data / "vntc").is_dir():
        source, lines = f"VNTC ({args.data / 'vntc'})", vntc_lines(args.data, limit)
    else:
        source, lines = "generated", generated_lines(limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB from {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
