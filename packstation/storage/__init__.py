"""The local SQLite journal (WAL; scan lines synced by a worker, the rest before they return, see
`journal`): every
packing action is stored before the UI shows it, Market mutations wait in an outbox until
confirmed, marking codes used at this station are indexed, and an audit log records who did what and when.
"""
