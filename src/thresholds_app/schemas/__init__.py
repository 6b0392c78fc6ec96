"""The JSON Schemas the app ships (``*.schema.json``) and, in :mod:`.source`, their source."""
