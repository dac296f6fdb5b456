"""CLI, Gradio chat UI, API server and its client: they only call the pipeline."""
