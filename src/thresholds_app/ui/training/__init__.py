"""Training screens: the scenario library, the presenter view for a room, and practice."""
