"""Search: the pack's indicators, pathways, consent, stepping and contacts, by everyday words.

:func:`thresholds_app.core.search.find.search` is the only search in the app.
"""
