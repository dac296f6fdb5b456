"""Evaluation (dev/test) and benchmarks."""
