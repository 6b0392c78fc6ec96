"""Settings an IT team manages: one schema, the machine policy, the layered result."""
