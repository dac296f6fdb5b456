"""Readable text of a fenced mermaid chart: its title, labels and values."""

from __future__ import annotations

import re


def chart_text(block: str) -> str:
    """Readable text of a mermaid block: title, labels and values.

    ``chart_text('```mermaid\\npie title "组合"\\n    "AMD" : 35\\n```') -> "组合. AMD: 35"``
    """
    lines = [ln.strip() for ln in block.strip().strip("`").splitlines()[1:] if ln.strip()]
    title = re.search(r'title\s+"?([^"\n]+)"?', "\n".join(lines))
    parts = [title.group(1).strip()] if title else []
    xs = re.search(r"x-axis\s*\[([^\]]*)\]", block)
    # a radar's axes, named one per line ("label Cost") or on one ("axis Cost, Speed"): each series' values are theirs
    axes = [a.strip() for ln in lines for a in (re.match(r"(?:label|axis)\s+(.+)$", ln) or [None, ""])[1].split(",")
            if a.strip()] if re.match(r"radar", lines[0] if lines else "") else []
    if axes:
        xs = None
        lines = [ln for ln in lines if not re.match(r"(?:label|axis)\s", ln)]
    for ln in lines[1:]:  # lines[0] names the chart type
        if ln.startswith(("title", "x-axis", "y-axis", "style", "classDef")):
            continue
        parts.extend(_chart_line(ln, xs.group(1).split(",") if xs else None, axes))
    return ". ".join(p for p in _unique(parts) if p)


def _chart_line(line: str, xs: list[str] | None, axes: list[str] = ()) -> list[str]:
    curve = re.match(r"(?:data|curve)\s+([^,{]+?)\s*[,{]\s*([-\d.,\s]+)\}?$", line) if axes else None
    if curve:  # "data Acme, 95, 90" under "label Speed", "label Cost": Acme's Speed 95, Cost 90
        values = [v.strip() for v in curve.group(2).split(",") if v.strip()]
        return [f"{curve.group(1)}: " + "; ".join(f"{a} {v}" for a, v in zip(axes, values))]
    series = re.match(r"(bar|line)\s*\[([^\]]*)\]", line)
    if series and xs:
        return ["; ".join(f"{x.strip()}: {v.strip()}" for x, v in zip(xs, series.group(2).split(",")))]
    pie = re.match(r'"([^"]+)"\s*:\s*([\d.]+)', line)
    if pie:
        return [f"{pie.group(1)}: {pie.group(2)}"]
    labels = re.findall(r"\[([^\]]+)\]", line)
    if labels:
        return [re.sub(r"<br\s*/?>", " ", lb) for lb in labels]
    return [re.sub(r"^(label|data|section)\s+", "", line.lstrip(": ").strip())]


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out
