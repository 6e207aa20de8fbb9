"""The async Yandex Market Partner API client: one shared httpx.AsyncClient, pydantic wire models
named as the official spec names them, a typed error tree with messages for the packer, safe
retries, rate-limit handling and the parallel-request cap, plus the gateway that maps wire models
to domain values for the services.
"""
