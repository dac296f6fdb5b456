"""Typed errors. The library raises these; only the CLI and UI turn them into one line."""


class GpumktError(Exception):
    """Base class: a foreseeable fault with a message that names the fix."""


class ModelMissing(GpumktError):
    """A model file or folder is not where the settings say."""


class ModelCorrupt(GpumktError):
    """A model file exists but its hash or format is wrong."""


class PullFailed(GpumktError):
    """A model could not be fetched or assembled."""


class IndexMissing(GpumktError):
    """No index has been built yet."""


class IndexStale(GpumktError):
    """The index no longer matches the seeds, chunker or embedding model."""


class IndexCorrupt(GpumktError):
    """The index files cannot be read."""


class BackendError(GpumktError):
    """The generation backend failed (server down, timeout, bad reply, no GPU support)."""


class BadQuestion(GpumktError):
    """The question cannot be used (empty, only punctuation, ...)."""


class DocumentError(GpumktError):
    """A user's document cannot be added (unsupported, damaged, no text layer, too big, a duplicate)."""
