"""gpumkt: a local, offline assistant for five GPU-compute market reports."""

__version__ = "0.1.0"
