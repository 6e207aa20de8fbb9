"""The warehouse fleet: several packing desks on one store, sharing a PostgreSQL database.

What is shared: order claims (`store.FleetStore`), marking codes reserved at scan time
(`code_reservations`), the store's orders read from the Market by one elected poller
(`election`, `store.FleetStore.publish`) and the history of every order across desks. Each
desk's journal and outbox stay local, so a desk keeps packing what it holds when the database is
away. `packstation fleet init|status` live in `cli`.

Driver: psycopg 3 (async, with psycopg_pool) rather than asyncpg. Measured with
`bench/fleet_driver_compare.py` (the claim statement, one connection, 2000 round trips, loopback
PostgreSQL 15 on a loaded 2-core machine):

    psycopg 3 async, asyncio   p50 0.20 ms  p99 6.9 ms
    asyncpg, asyncio           p50 0.13 ms  p99 5.8 ms
    psycopg 3 async, qasync    p50 0.38 ms  p99 8.0 ms
    asyncpg, qasync            p50 0.14 ms  p99 5.5 ms

asyncpg is faster per statement and both run on qasync's loop, but both are far under the 20 ms
budget, so speed does not decide. What does: the scan path is synchronous (`CodeGuard.check`),
and psycopg has a sync API with the same types and SQL for it (`code_reservations`), where
asyncpg has none; `LISTEN/NOTIFY` is a plain async iterator; and psycopg is libpq, so
`~/.pgpass`, service files, `sslmode` and Kerberos behave exactly as in `psql`, which is what a
warehouse IT person checks the server with.
"""
