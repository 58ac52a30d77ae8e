"""Excel in and out (openpyxl): legacy logs read (legacy), their rejected rows written back
(rejects), and the database import built on them (importer)."""
