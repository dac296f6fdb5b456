"""Dates a text names, said again in the answer's language ("2025年3月28日" <-> "March 28, 2025")."""

from __future__ import annotations

import re

from gpumkt.lang.periods import MONTH_WORDS, MONTHS, month_number

CN_DATE = re.compile(r"((?:19|20)\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?|"
                     r"(?<![\d.])(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
EN_DATE = re.compile(r"\b(" + "|".join(MONTH_WORDS) + r")\b\.?"
                     r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+((?:19|20)\d\d))?|\b((?:19|20)\d\d)\b")


def dates(text: str, language: str) -> list[str]:
    """The dates and years a text names (at most three), said in ``language``.

    ``dates("CoreWeave于2025年3月28日上市", "en") -> ["March 28, 2025"]``;
    ``dates("listed on March 28, 2025", "zh-Hans") -> ["2025年3月28日"]``
    """
    found = []
    if re.search(r"[\u4e00-\u9fff]", text):
        for m in CN_DATE.finditer(text):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else ("", m.group(4), m.group(5))
            found.append((y, int(mo) if mo else 0, int(d) if d else 0))
    else:
        for m in EN_DATE.finditer(text):
            mo = month_number(m.group(1)) if m.group(1) else 0
            found.append((m.group(3) or m.group(4) or "", mo, int(m.group(2)) if m.group(2) else 0))
    said = [_said_date(y, mo, d, language) for y, mo, d in found if 0 < mo <= 12 or (y and not mo)]
    return list(dict.fromkeys(said))[:3]


def _said_date(year: str, month: int, day: int, language: str) -> str:
    if language != "en":
        return f"{year + '年' if year else ''}{f'{month}月' if month else ''}{f'{day}日' if day else ''}"
    if not month:
        return year
    return f"{MONTHS[month - 1]}{f' {day}' if day else ''}{(', ' if day else ' ') + year if year else ''}"
