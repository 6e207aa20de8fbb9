"""The warehouse fleet: several packing desks on one store, sharing a PostgreSQL database.

What is shared: order claims (`store.FleetStore`), marking codes reserved at scan time
(`code_reservations`), the store's orders read from the Market by one elected poller
(`election`, `store.FleetStore.publish`) and the history of every order across desks. Each
desk's journal and outbox stay local, so a desk keeps packing what it holds when the database is
away. `packstation fleet init|status` live in `cli`.

Driver: psycopg 3 (async, with psycopg_pool) rather than asyncpg. Measured with
`bench/fleet_driver_compare.py` on this machine's loopback PostgreSQL 15 (the claim statement,
one connection, 2000 round trips; see the bench for the numbers): both answer in well under a
millisecond (asyncpg ~15-30 % faster per statement), so the 20 ms budget does not decide. What
does: psycopg runs on any asyncio loop through `add_reader` (qasync's `QEventLoop` included,
checked by the same bench), has `LISTEN/NOTIFY` as a plain async iterator, a sync API with the
same semantics for the synchronous scan path (`code_reservations`), and is libpq: `~/.pgpass`,
service files, `sslmode` and Kerberos work exactly as in `psql`, which is what a warehouse IT
person tests with.
"""
