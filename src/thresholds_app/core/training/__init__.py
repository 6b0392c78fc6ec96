"""Training: the scenario library, practice scored against a scenario's answer, and agreement."""
