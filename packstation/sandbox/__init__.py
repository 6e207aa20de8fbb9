"""A stateful emulator of the Yandex Market Partner API (an ASGI app). It enforces the Market's
packing rules so that mistakes show up here rather than on a live store, backs demo and training
mode in-process through httpx.ASGITransport, and serves the tests over real HTTP on 127.0.0.1.
It is written independently of the client in packstation.market so the two check each other.

Quick use::

    app = create_app(SandboxConfig(seed=1))            # packstation.sandbox.app
    sandbox = app.state.sandbox                         # packstation.sandbox.state.Sandbox
    order = sandbox.add_order((("SHOE-RUN-43", 2),))    # a new order arrives (demo catalogue offers)
    sandbox.codes_for("SHOE-RUN-43")                    # scannable CIS codes for that offer
    sandbox.finish_verifications()                      # pending code checks and reports complete
    sandbox.advance_clock(60)                           # Express couriers, delays move with the clock
    sandbox.cancel_by_buyer(order.id); sandbox.move_shipment_date(order.id); sandbox.eac_code(id)
    sandbox.received.count("PUT", "/status")            # requests received (faulted ones too)

Ids: `demo_data.DEMO_BUSINESS_ID` 1001, `DEMO_CAMPAIGN_ID` 2001 (FBS + Express),
`DEMO_DBS_CAMPAIGN_ID` 2002, `DEMO_LAAS_CAMPAIGN_ID` 2003. Faults: see `faults` (text form
"latency=0.2,5xx=0.1@/boxes,420=0.05,parallel=4,drop=0.02,lost=0.1@/status,slow_pdf=3"; `lost` applies
the request, then loses the answer). Health: GET /_sandbox/health.
"""
