#!/usr/bin/env python3
"""What the site search of a built gongkai site costs a reader.

    python3 bench/search_stats.py OUTPUT_DIR [QUERY ...]

Reads OUTPUT_DIR/search/ (the index gongkai writes: s/<n>.js shards, e/<n>.js entry files,
the shard count in index.html) and prints, as a Markdown table, for each query (default: typical
queries of 2 to 4 characters): the shards the script loads (one per distinct shard of its terms
and exact key, computed as js/search.js does: FNV-1a 32 of the term's UTF-8 bytes modulo the
shard count) and their bytes, the number of results, and the bytes of the entry files of the
first page (10 results, ranked as the script ranks). Then the index's totals.
Standard library only.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

QUERIES = ["百步", "政务公开", "依申请", "行政复议", "信息公开", "主动公开", "年度报告", "申请"]
PER_PAGE = 10
OPEN, CLOSE = "[(〔【〖﹝［", "])〕】〗﹞］"


def fold(c: str) -> str:
    u = ord(c)
    if 0xFF01 <= u <= 0xFF5E:
        c = chr(u - 0xFEE0)
    elif u == 0x3000:
        c = " "
    if c in OPEN:
        return "〔"
    if c in CLOSE:
        return "〕"
    return c.lower() if "A" <= c <= "Z" else c


def is_han(c: str) -> bool:
    u = ord(c)
    return 0x3400 <= u <= 0x4DBF or 0x4E00 <= u <= 0x9FFF or 0xF900 <= u <= 0xFAFF or 0x20000 <= u <= 0x3134F or u == 0x3007


def query_terms(q: str) -> list[str]:
    out: list[str] = []
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f]+|[0-9a-z]+", "".join(map(fold, q))):
        terms = [run[i : i + 2] for i in range(len(run) - 1)] if is_han(run[0]) and len(run) > 1 else [run[:40]]
        out += [t for t in terms if t not in out]
    return out


def shard_of(term: str, count: int) -> int:
    h = 0x811C9DC5
    for b in term.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h % count


def postings(text: str) -> dict[int, int]:
    out, i = {}, 0
    for p in text.split(","):
        m = re.fullmatch(r"([0-9a-z]+)([A-Z]?)", p)
        if m:
            i += int(m.group(1), 36)
            out[i] = ord(m.group(2)) - 64 if m.group(2) else 1
    return out


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    search = Path(sys.argv[1]) / "search"
    page = (search / "index.html").read_text(encoding="utf-8")
    shards = int(re.search(r'data-shards="(\d+)"', page).group(1))
    entries = int(re.search(r'data-entries="(\d+)"', page).group(1))
    sizes = {n: (search / "s" / f"{n}.js").stat().st_size for n in range(shards)}
    cache: dict[int, dict[str, str]] = {}

    def shard(n: int) -> dict[str, str]:
        if n not in cache:
            text = (search / "s" / f"{n}.js").read_text(encoding="utf-8")
            body = json.loads(text[text.index(",") + 1 : text.rindex(")")])
            cache[n] = dict(line.split("\t", 1) for line in body.split("\n") if "\t" in line)
        return cache[n]

    print(f"| query | terms | shards loaded | shard KiB | results | entry files KiB (first {PER_PAGE}) | total KiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for q in sys.argv[2:] or QUERIES:
        terms = query_terms(q)
        key = "#" + "".join(c for c in map(fold, q) if not c.isspace())
        loaded = sorted({shard_of(t, shards) for t in terms + [key]})
        lists = [postings(shard(shard_of(t, shards)).get(t, "")) for t in terms]
        scores: dict[int, float] = {}
        if lists and all(lists):
            idf = [math.log(1 + entries / len(l)) for l in lists]
            for i in min(lists, key=len):
                if all(i in l for l in lists):
                    scores[i] = sum(l[i] * f for l, f in zip(lists, idf))
        for i in postings(shard(shard_of(key, shards)).get(key, "")):
            scores[i] = scores.get(i, 0) + 1e6
        first = sorted(scores, key=lambda i: (-scores[i], i))[:PER_PAGE]
        shard_b = sum(sizes[n] for n in loaded)
        entry_b = sum((search / "e" / f"{i}.js").stat().st_size for i in first)
        print(f"| {q} | {len(terms)} | {len(loaded)} | {shard_b / 1024:.1f} | {len(scores)} | {entry_b / 1024:.1f} | {(shard_b + entry_b) / 1024:.1f} |")
    total_s = sum(sizes.values())
    total_e = sum(p.stat().st_size for p in (search / "e").iterdir())
    print()
    print(f"index: {entries} entries, {shards} shards, shards {total_s / 1048576:.1f} MiB "
          f"(largest {max(sizes.values()) / 1024:.0f} KiB), entry files {total_e / 1048576:.1f} MiB, "
          f"js/search.js {(Path(sys.argv[1]) / 'js' / 'search.js').stat().st_size / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
