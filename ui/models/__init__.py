"""Item models of the station window: paged lists over app.services.queues, and the
editable tables of the forms (lines of a new return, rework materials and labour)."""
