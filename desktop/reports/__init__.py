"""ReportLab documents: plain data in, PDF bytes out (no Qt, no Session)."""
