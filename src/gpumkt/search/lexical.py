"""BM25 over jieba tokens of normalised text, plus alias expansion of queries.

Small enough to keep in-house (about 120 chunks): the scoring is the textbook Okapi BM25, so the
index is just each chunk's token list.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from gpumkt.lang import vocab
from gpumkt.lang.text import jieba_loaded, stem

STOP = set("的 了 是 在 和 与 及 或 等 其 该 这 那 为 对 从 将 把 被 也 都 而 并 之 于 以 中 上 下 个 年 月 日 "
           "吗 呢 吧 啊 么 什么 多少 哪些 哪个 如何 怎么 怎样 为什么 是否 有 有没有 请问 请 报告 "
           "the a an of in on to for is are was were what which who how does did do and or by with "
           "as at its it this that be has have from about".split())
TOKEN_OK = re.compile(r"[\w%$.+]")


def tokenize(text: str) -> list[str]:
    """Search tokens of already-normalised text: jieba words, English words stemmed (revenues ->
    revenu), numbers, tickers and names with digits kept whole.

    ``tokenize("coreweave 客户集中度 77% revenues") -> ["coreweave", "客户", "集中", "集中度", "77%", "revenu"]``
    """
    out = []
    for tok in jieba_loaded().lcut_for_search(text):
        tok = tok.strip().strip(".")
        if tok and tok not in STOP and TOKEN_OK.search(tok):
            out.append(stem(tok) if re.fullmatch(r"[a-z]{4,}", tok) else tok)
    return out


def expand_query(norm_query: str, names=()) -> str:
    """Append the other forms of every name, metric and term group the query mentions, so a
    Chinese question meets an English passage and the reverse.

    ``expand_query("辉达 营收")`` adds "revenue sales 營收 ..." (and, given the index's mined
    names, "nvidia nvda ...").
    """
    extra = []
    for _, _, group in vocab.find(norm_query, list(names) + list(vocab.all_groups())):
        extra.extend(f for f in group.forms if f not in norm_query)
    return norm_query + (" " + " ".join(dict.fromkeys(extra)) if extra else "")


def mentions(text: str, alias: str) -> bool:
    if re.fullmatch(r"[a-z0-9 .&-]+", alias):  # Latin names must match whole words
        return re.search(rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])", text) is not None
    return alias in text


class BM25:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.docs, self.k1, self.b = docs, k1, b
        self.tf = [Counter(d) for d in docs]
        self.avgdl = sum(map(len, docs)) / max(1, len(docs))
        df = Counter(t for d in docs for t in set(d))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def scores(self, query: list[str]) -> list[float]:
        out = []
        for tf, doc in zip(self.tf, self.docs):
            norm = self.k1 * (1 - self.b + self.b * len(doc) / self.avgdl)
            out.append(sum(self.idf.get(t, 0.0) * tf[t] * (self.k1 + 1) / (tf[t] + norm)
                           for t in set(query) if t in tf))
        return out

    def top(self, query: list[str], k: int) -> list[tuple[int, float]]:
        scored = [(i, s) for i, s in enumerate(self.scores(query)) if s > 0]
        return sorted(scored, key=lambda x: -x[1])[:k]
