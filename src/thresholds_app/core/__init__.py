"""The pure-Python core: pack loading, the rules engine, case files and the rationale.

Nothing here imports Qt or reportlab, so it runs headless and imports fast.
"""
