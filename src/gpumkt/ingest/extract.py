"""Turn a user's file (Markdown, text, PDF, Word, HTML) into the text of record gpumkt quotes from.

One function per format, each returning an ``Extracted``: the text (Markdown-ish, so headings and
tables reach the chunker), where each PDF page starts in it, and what was detected on the way.
Faults a user can fix raise ``DocumentError`` naming the fix.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from gpumkt.errors import DocumentError
from gpumkt.ingest.html_tables import table_md
from gpumkt.ingest.html_text import HTMLText, extends, page_title
from gpumkt.ingest.pdf_columns import runs_of, sidebar_text
from gpumkt.lang.text import CSS_RULE, IMAGE_EMBED, SLIDE_MARK, markup_only

FORMATS = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")
MIN_TEXT_PER_PAGE = 20  # fewer visible characters per PDF page than this: a scan with no text layer


@dataclass
class Extracted:
    text: str
    format: str  # md | txt | pdf | docx | html
    encoding: str = "utf-8"  # of the original, for text files
    pages: list[int] = field(default_factory=list)  # offset in ``text`` where page 1, 2 … start
    title: str = ""  # a web page's own heading, wherever its menus and sidebars put it ("" for title_of)


def extract(path: Path) -> Extracted:
    """Read ``path`` by its suffix; raise DocumentError for unsupported, damaged or empty files."""
    path = Path(path)
    suffix = path.suffix.lower()
    readers = {".md": _markdown, ".markdown": _markdown, ".txt": _plain, ".pdf": _pdf,
               ".docx": _docx, ".html": _html, ".htm": _html}
    if suffix not in readers:
        raise DocumentError(f"{path.name}: unsupported type '{suffix or 'none'}': gpumkt reads "
                            f"{', '.join(FORMATS)}")
    out = readers[suffix](path)
    if len(re.sub(r"\s", "", out.text)) < MIN_TEXT_PER_PAGE:
        raise DocumentError(f"{path.name}: no text found in it: check the file opens and has text")
    return out


def decode(raw: bytes, name: str = "file") -> tuple[str, str]:
    """Text and encoding of a text file: a BOM, then UTF-8, then the best guess among the Chinese
    and Western encodings (charset-normalizer).

    ``decode("营收".encode("gb18030")) -> ("营收", "gb18030")`` for a longer text; short ones are
    guesses, so the encoding is always reported to the user.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec), codec.replace("-sig", "")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "latin_1"]).best()
    if best is None:
        raise DocumentError(f"{name}: cannot tell its text encoding: save it as UTF-8 and add it again")
    return str(best), best.encoding.replace("_", "-")


def _markdown(path: Path) -> Extracted:
    text, encoding = decode(path.read_bytes(), path.name)
    return Extracted(web_markdown(_clean(text)), "md", encoding)


def web_markdown(text: str) -> str:
    """A web page saved as Markdown, without what is not the article: style and script blocks,
    inline HTML tags, image embeds; a link keeps its text.

    ``web_markdown('<style>p{}</style>![logo](a.png)见[年报](http://x/y.pdf)。') -> '见年报。'``
    """
    text = re.sub(r"<(style|script)\b.*?</\1\s*>", "", text, flags=re.S | re.I)
    text = re.sub(CSS_RULE, "", text, flags=re.M)  # bare CSS rules
    text = re.sub(IMAGE_EMBED, "", text)
    text = re.sub(r"(?<!!)\[([^\]\n]+)\]\((?:https?:|/|\.|#)[^)\n]*\)", r"\1", text)
    text = re.sub(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>\n]*)?/?>", "", text)
    return re.sub(r"\n[ \t]*(\n[ \t]*){2,}", "\n\n", text)


def _plain(path: Path) -> Extracted:
    text, encoding = decode(path.read_bytes(), path.name)
    return Extracted(_clean(text), "txt", encoding)


def _clean(text: str) -> str:
    """Line ends unified, control characters but tab and newline dropped (offsets are into this
    text, so it is fixed once here). ``_clean("a\r\nb\x00c") -> "a\nbc"``"""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text.replace("\r\n", "\n").replace("\r", "\n"))


def _pdf(path: Path) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path.name}: the PDF is password-protected: save a copy without "
                                f"the password and add that")
        pages = [_page_text(page) for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"{path.name}: cannot read the PDF ({type(exc).__name__}): the file "
                            f"is damaged or not a PDF") from exc
    visible = sum(len(re.sub(r"\s", "", p)) for p in pages)
    if visible < MIN_TEXT_PER_PAGE * max(1, len(pages)) / 2:
        raise DocumentError(f"{path.name}: no text layer (a scanned PDF?): run OCR first, then add it")
    return _joined([_clean(p).strip("\n") for p in pages], "pdf")


def _page_text(page) -> str:
    """A page's text laid out as on the page: a table drawn as positioned columns keeps each row
    on one line with its cells apart (the plain mode gives one line per cell, and the rows cannot
    be read back), prose lines as they wrap; a page set in a column and a sidebar beside it is read
    a column at a time (``pdf_columns``). The page's left margin is taken off; a page the layout
    mode cannot read is read plainly."""
    try:
        box = page.mediabox
        text = sidebar_text(runs_of(page), float(box.width), float(box.height)) or \
            page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    except Exception:  # pypdf's layout mode is young: any fault in it is no fault of the file
        return page.extract_text() or ""
    return textwrap.dedent("\n".join(line.rstrip() for line in (text or "").splitlines()))


def _joined(pages: list[str], fmt: str) -> Extracted:
    """Pages joined by blank lines, with each page's start offset.

    ``_joined(["a", "b"], "pdf") -> Extracted("a\\n\\nb", "pdf", pages=[0, 3])``
    """
    text, starts = "", []
    for page in pages:
        text += "\n\n" if starts else ""
        starts.append(len(text))
        text += page
    return Extracted(text, fmt, pages=starts)


def _docx(path: Path) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile / KeyError / lxml faults for bad files
        raise DocumentError(f"{path.name}: cannot read the Word file ({type(exc).__name__}): the "
                            f"file is damaged or not .docx (old .doc files: save as .docx)") from exc
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.append(table_md([[c.text.strip() for c in row.cells] for row in item.rows]))
        elif item.text.strip():
            blocks.append(_heading_mark(item.style.name if item.style else "") + item.text.strip())
    return Extracted(_clean("\n\n".join(blocks)), "docx")


def _heading_mark(style: str) -> str:
    """``_heading_mark("Heading 2") -> "## "``; ``"Title" -> "# "``; body text -> ""."""
    if style == "Title":
        return "# "
    m = re.match(r"Heading (\d)", style)
    return "#" * int(m.group(1)) + " " if m else ""


def _html(path: Path) -> Extracted:
    data = path.read_bytes()
    raw, encoding = _declared(data) or decode(data, path.name)
    parser = HTMLText()
    parser.feed(raw)
    parser.close()
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in parser.text().split("\n")))
    # a page with no heading of its own is headed by its title (its browser tab): its first visible
    # lines are the site's menus, not what the page is about
    title = page_title(parser.title)
    heading = title if parser.h1 and extends(title, parser.h1) else parser.h1
    if heading != parser.h1:
        # "GPU Cloud Pricing & SLA | Halvern Cloud" over "GPU cloud pricing": the tab names the company
        text = text.replace(f"# {parser.h1}", f"# {title}", 1)
    title = "" if parser.h1 else title
    # (the page's heading is its title even below a long menu and sidebar: a portal's notice)
    return Extracted(_clean(f"# {title}\n\n{text.strip()}" if title else text).strip(), "html", encoding,
                     title=heading)


def _declared(raw: bytes) -> tuple[str, str] | None:
    """Text in the charset a page declares (``<meta charset="big5">``), when it decodes cleanly."""
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096])
    try:
        return (raw.decode(m.group(1).decode()), m.group(1).decode().lower()) if m else None
    except (LookupError, UnicodeDecodeError):
        return None


# (a line of a person, a title and a company, "Jane Roe, Chief Financial Officer, Acme Cloud, Inc.", is no name)
# (a cover block sets the filer's name in capitals too: "ACME CLOUD, INC.")
LEGAL_NAME = re.compile(r"^\S[^,]{0,60}(?:,\s*)?\b(?:Inc|Corp|Corporation|Ltd|Limited|Holdings|plc|N\.V|S\.A|AG|SE|LLC|L\.P"
                        r"|INC|CORP|CORPORATION|LTD|LIMITED|HOLDINGS|PLC)\.?$")


def title_of(text: str) -> str:
    """The document's title: its first line with prose in it, without Markdown marks, unless a
    level-one heading follows a few short lines (a web page saved as Markdown starts with its
    CSS, navigation and breadcrumbs, then the article's own heading).

    ``title_of("\\n# 报告\\n正文") -> "报告"``; ``title_of("p{margin:0}\\n首页 > 科技\\n# 年报") -> "年报"``;
    ``title_of("UNITED STATES\\nFORM 10-Q\\nAcme Corp.\\n") -> "Acme Corp."`` (or "ACME CORP.");
    ``title_of("甲公司投资者关系活动记录表        编号：2025-011") -> "甲公司投资者关系活动记录表"``;
    ``title_of("CONFIDENTIAL\\nACME FUNDING I, LLC\\nTerm Sheet") -> "ACME FUNDING I, LLC"``
    """
    lines = [line.strip() for line in text.splitlines() if line.strip() and not markup_only(line.strip())
             and not SLIDE_MARK.match(line) and re.search(r"\w", line)]  # (a row of empty cells: layout)
    for i, line in enumerate(lines[:7]):
        if re.match(r"#\s", line):
            if all(len(x) <= 40 for x in lines[:i]):
                return line.lstrip("#").strip()
            break
    if lines and not re.search(r"[a-z\u4e00-\u9fff]", lines[0]):
        # an upper-case cover block ("UNITED STATES / SECURITIES AND EXCHANGE COMMISSION / FORM 10-Q")
        # is the form's; the filer's name line below it is what the document is about
        filer = next((x for x in lines[1:15] if LEGAL_NAME.search(x)), "")
        if filer:
            return filer
    return _without_reference(lines[0].lstrip("#").strip()) if lines else ""


# A reference number set apart at a header line's end: "编号：2025-011", "No.: 2025/11"
REFERENCE_CELL = re.compile(r"\s{3,}[^：:\d\s]{1,10}[：:]\s*[A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/.]*$")


def _without_reference(line: str) -> str:
    """``_without_reference("甲公司投资者关系活动记录表      编号：2025-011") -> "甲公司投资者关系活动记录表"``;
    a line with anything else at its end is kept whole."""
    return REFERENCE_CELL.sub("", line)
