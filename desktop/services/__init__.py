"""Use cases. One public method = one transaction; results are frozen dataclasses."""
