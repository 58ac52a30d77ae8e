"""Reports: queries that the database computes (GROUP BY), returned as plain data."""
