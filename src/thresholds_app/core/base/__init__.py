"""Building blocks for the rest of core: records, problems, the atomic writer, the calendar."""
