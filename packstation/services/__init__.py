"""Use cases of the packing desk (the order queue, the packing session, the label job), written as
async, Qt-free code that talks only to the ports in services.ports; app.py plugs in the real
Market client, journal and printers, and the tests plug in fakes.
"""
