"""Embeddings, the FAISS/BM25 index on disk, and hybrid retrieval."""
