"""A case: the record saved as a case file, its reading and writing, and what blocks its export."""
