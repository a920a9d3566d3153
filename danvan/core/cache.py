"""The shared cache (Redis) with one client per connection pool.

Django's `RedisCache` builds a new `redis.Redis` for every operation, and building one costs about half a
millisecond with redis-py 6 and later (each sets up its table of some 170 reply handlers): three cache reads a
page (the session, the data version, the kept page) cost more than the page itself. A `redis.Redis` is safe to share
between threads (it takes a connection from its pool for each command), so one is kept per pool and reused."""

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    # Django's own (untyped in its stubs): the pool for reading or writing, and the client class.
    _get_connection_pool: Any
    _client: Any

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache`, its clients kept (see the module's text)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
