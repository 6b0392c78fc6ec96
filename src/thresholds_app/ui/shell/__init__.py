"""The window around the screens: pages and navigation, drafts, privacy lock, emergency key."""
