"""The demo store's ids, apart from its data: the app's first frame keys the kept order list by
campaign before the emulator (and its ~0.1 s of imports) loads (issue 19)."""

DEMO_BUSINESS_ID = 1001
DEMO_CAMPAIGN_ID = 2001  # FBS store; Express orders live in it too
DEMO_DBS_CAMPAIGN_ID = 2002
DEMO_LAAS_CAMPAIGN_ID = 2003  # LaaS orders created through the API
