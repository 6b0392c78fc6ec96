"""Encrypted drafts: the journal of answers, snapshots, keys and recovery."""
