"""The quarterly handoff district → city: keys and cards, packages, staging, merge, receipts,
reference data back (DESIGN.md "The quarterly data package")."""
