"""A web page's visible text: headings as ``#`` lines, tables as Markdown rows, and no scripts,
menus, hidden elements, cookie banners or footnote marks; and what its title says.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gpumkt.ingest.html_tables import markdown

def page_title(raw: str) -> str:
    """The browser tab's words, unless they are a file's name stamped with a date, as filings
    saved from a register are ("abcd-20251231"), which says nothing of the page:
    ``page_title(" Pricing | Acme ") -> "Pricing - Acme"``; ``page_title("xyz-20240630") -> ""``."""
    title = " ".join(raw.split()).replace("|", "-")
    return "" if re.fullmatch(r"[\w.\-]*\d{6,}[\w.\-]*", title) else title


def extends(title: str, heading: str) -> bool:
    """The page's title is its first heading with more said: ``extends("Pricing - Acme Cloud",
    "pricing") -> True``; ``extends("公开资讯观测站", "重大讯息") -> False``."""
    key = lambda t: re.sub(r"\W+", "", t).lower()  # noqa: E731
    return len(key(title)) > len(key(heading)) > 0 and key(heading) in key(title)


BANNER = re.compile(r"cookie|consent|gdpr", re.I)


HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def _hidden(tag: str, attrs: list) -> bool:
    """An element the browser never shows: ``style="display:none"``, ``hidden``, an ``ix:header``."""
    given = dict(attrs)
    return tag == "ix:header" or "hidden" in given or bool(HIDDEN_STYLE.search(given.get("style") or ""))


class HTMLText(HTMLParser):
    """Visible text of a page: headings as ``#`` lines, tables as Markdown rows, no scripts."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav"}  # nav: site menus
    BREAK = {"p", "div", "br", "li", "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.row: list[str] | None = None
        self.carried: dict[int, int] = {}  # column -> rows a cell above still covers
        self.rows: list[list[str]] = []
        self.heads: list[bool] = []  # per row: the page marks it a header row (a <th> cell)
        self.row_head = False
        self.title, self.in_title, self.h1, self.in_h1 = "", False, "", False
        self.banner: list = []  # [tag, depth] of a cookie or consent banner being skipped
        self.after_link = False  # a link just ended: another right after it is the next in a list
        self.sup: str | None = None  # the text of a superscript being read

    def handle_starttag(self, tag, attrs):
        self.in_title = self.in_title or tag == "title"
        self.in_h1 = self.in_h1 or not self.h1 and tag == "h1"  # (its text may sit in a <span>)
        if self.banner:
            self.banner[1] += tag == self.banner[0]
            return
        if BANNER.search(" ".join(v or "" for k, v in attrs if k in ("class", "id"))) or _hidden(tag, attrs):
            self.banner = [tag, 1]  # a cookie notice is the site's, not what the page says; a hidden
            return  # block (an inline-XBRL filing's tagged facts) is no one's to read
        if tag == "sup":
            self.sup = ""
        if tag == "a" and self.after_link and self.row is None:
            self.out.append(" | ")  # links side by side (a menu bar) are apart on the screen
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "br" and self.row:
            self.row[-1][0] += "\n"  # a cell's lines: "1.董事會決議日期：114/11/12<br>2.…"
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "tr":
            self.row, self.row_head = [], False
        elif tag in ("td", "th") and self.row is not None:
            self.row_head = self.row_head or tag == "th"
            span, down = (dict(attrs).get(k) or "1" for k in ("colspan", "rowspan"))
            self.row.append(["", int(span) if span.isdigit() else 1, int(down) if down.isdigit() else 1])
        elif tag == "table":
            self.carried = {}
        elif tag in self.BREAK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        self.in_title = self.in_title and tag != "title"
        self.in_h1 = self.in_h1 and tag != "h1"
        if self.banner:
            self.banner[1] -= tag == self.banner[0]
            self.banner = self.banner if self.banner[1] > 0 else []
            return
        self.after_link = tag == "a"
        if tag == "sup" and self.sup is not None:
            mark, self.sup = self.sup, None
            if not _footnote_mark(mark, self._written()):
                self._write(mark)
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag) or tag in self.BREAK:
            self.out.append("\n")
        elif tag == "tr" and self.row is not None:
            row, self.row = self._placed([(text.strip(), span, down) for text, span, down in self.row]), None
            if any("\n" in text for text, _ in row):
                self._lines_row(row)
            else:
                self.rows.append(row)
                self.heads.append(self.row_head)
        elif tag == "table":
            self._write_table()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if data.strip():
            self.after_link = False
        if self.skipping or self.banner:
            return
        if self.in_h1:
            self.h1 += " ".join(data.split())
        if self.sup is not None:
            self.sup += data
        else:
            self._write(data)

    def _write(self, data: str) -> None:
        if self.row is not None and self.row:
            self.row[-1][0] += " ".join(data.split())
        elif self.row is None:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))

    def _written(self) -> str:
        """The last few characters written (in the cell being read, if any)."""
        if self.row is not None:
            return self.row[-1][0][-12:] if self.row else ""
        return "".join(self.out[-4:])[-12:]

    def _placed(self, row: list[tuple[str, int, int]]) -> list[tuple[str, int]]:
        """A row's cells in their columns: a column a cell above still covers (``rowspan``) holds an
        empty cell, so "2025年 | 2024年" under "指标 | 单位 | 数值 (two columns) | 同比" stand under 数值."""
        out, col, pending = [], 0, list(row)
        while pending or any(c >= col and n for c, n in self.carried.items()):
            if self.carried.get(col):
                self.carried[col] -= 1
                out, col = out + [("", 1)], col + 1
                continue
            text, span, down = pending.pop(0)
            self.carried.update({c: down - 1 for c in range(col, col + span)} if down > 1 else {})
            out, col = out + [(text, span)], col + span
        return out

    def _write_table(self) -> None:
        self.out.append("\n\n" + markdown(self.rows, self.heads) + "\n\n")
        self.rows, self.heads = [], []

    def _lines_row(self, row: list[tuple[str, int]]) -> None:
        """A row whose cell holds lines (a filing's "說明" with its numbered items) is prose, not
        a table row: the table so far is written, then the row's label and its lines."""
        if self.rows:
            self._write_table()
        label, *cells = [text for text, _ in row if text]
        lines = "\n".join(line.strip() for cell in cells for line in cell.split("\n") if line.strip())
        self.out.append(f"\n\n{label}：\n{lines}\n\n" if cells else f"\n\n{label}\n\n")

    def text(self) -> str:
        return "".join(self.out)


def _footnote_mark(mark: str, before: str) -> bool:
    """A superscript that refers to a footnote, which is dropped: its number would run into the
    figure or the word before it ("rose 7.5 percent.<sup>1</sup>" read as "percent.1", "Zone 4.<sup>2</sup>"
    as 4.2). One after a digit or a short unit is an exponent or an ordinal and stays ("10<sup>9</sup>",
    "m<sup>2</sup>", "1<sup>st</sup>"). ``_footnote_mark("3", "density.") -> True``;
    ``_footnote_mark("2", "1,200 m") -> False``."""
    mark = mark.strip()
    if not re.fullmatch(r"\d{1,3}|[*†‡§¶]{1,3}|[a-z]|\(\d{1,3}\)|\[\d{1,3}\]", mark):
        return False
    return bool(re.search(r"[.,;:!?)\]”’\"'%]$|[A-Za-z\u4e00-\u9fff]{3}$", before))
