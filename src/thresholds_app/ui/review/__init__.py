"""The MASH review mode: one referral read-only with the reviewer's form, and a folder table."""
