"""Excel/CSV import-export and data packages (no Qt)."""
