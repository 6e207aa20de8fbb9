"""The local SQLite journal (WAL; synchronous=FULL, NORMAL for scan lines, see `journal`): every
packing action is stored before the UI shows it, Market mutations wait in an outbox until
confirmed, marking codes used at this station are indexed, and an audit log records who did what and when.
"""
