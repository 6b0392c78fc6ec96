"""The rules: conditions, the engine, contacts by time, stepping and a pack's own test cases."""
