"""Guidance packs: safe YAML, schema and cross-file checks, and the immutable model."""
