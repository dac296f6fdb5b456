"""The glossary as the question's words meet it: a word as the tokenizer leaves it, or a Chinese
form the tokenizer cuts in two, mapped to every form of its group, in either language."""

from __future__ import annotations

from functools import lru_cache

from gpumkt.answer.fitting import HAN
from gpumkt.lang import vocab
from gpumkt.lang.text import to_mainland


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """A question word (as the tokenizer leaves it: "token", "词元") -> every form of its group; a
    Chinese form the tokenizer cuts into pieces is a key as written."""
    from gpumkt.search.lexical import tokenize

    out: dict[str, set[str]] = {}
    for g in vocab.all_groups():
        for form in g.forms:
            tokens = tokenize(form)
            if len(tokens) == 1 or HAN.search(form):
                out.setdefault(tokens[0] if len(tokens) == 1 else form, set()).update(g.forms)
    return {w: tuple(forms) for w, forms in out.items()}


@lru_cache(maxsize=1)
def phrases() -> tuple[str, ...]:
    """The glossary terms' Chinese forms of several tokens, as a question (normalised) writes them
    (names and measures asked are held to the unit apart)."""
    from gpumkt.search.lexical import tokenize

    return tuple(f for g in vocab.terms() for f in g.forms if HAN.search(f) and f == to_mainland(f) and len(tokenize(f)) > 1)
