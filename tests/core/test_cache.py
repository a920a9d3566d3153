"""The shared cache (Redis, as production and the benchmark run it) keeps one client per connection pool."""

import secrets
import threading

from danvan.core.cache import SharedClientRedisCache

REDIS = "redis://127.0.0.1:6379/0"


def _cache():
    return SharedClientRedisCache(REDIS, {"KEY_PREFIX": f"test-{secrets.token_hex(4)}"})


def test_values_go_in_and_come_out_and_one_client_serves_every_call():
    cache = _cache()
    cache.set("page", ("<p>Xin chào</p>", [("Content-Type", "text/html")]), 30)
    assert cache.get("page") == ("<p>Xin chào</p>", [("Content-Type", "text/html")])
    assert cache.add("version", "a", None) and not cache.add("version", "b", None)
    assert cache.get("version") == "a"
    cache.delete("page")
    assert cache.get("page") is None
    # Building a redis-py client costs about half a millisecond: a page reads the cache three times.
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes share its pool


def test_threads_share_the_client_without_mixing_answers():
    cache = _cache()
    errors: list[str] = []

    def work(n: int) -> None:
        for i in range(50):
            cache.set(f"k{n}-{i}", n * 1000 + i, 30)
            if cache.get(f"k{n}-{i}") != n * 1000 + i:
                errors.append(f"thread {n}, value {i}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
