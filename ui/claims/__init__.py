"""Supplier claims, replacements and warranty at receipt in the window (issue 13, area claims)."""
