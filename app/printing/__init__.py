"""Printing: barcode labels and the controlled A4 forms, as PDF, from plain data.

ReportLab draws; python-barcode encodes Code 128; the bundled CJK font is embedded
(subset) in every PDF. Nothing here reads the database: app.printing.records maps
database records to the plain data classes of app.printing.data.
"""
