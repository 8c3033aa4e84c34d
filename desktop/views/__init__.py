"""Everything Qt. Views call services and show DTOs; they never touch SQLAlchemy."""
