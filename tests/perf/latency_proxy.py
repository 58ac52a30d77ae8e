"""A loopback TCP proxy that delays every packet: a database "across sites" for the benchmark.

    with LatencyProxy("127.0.0.1", 55432, rtt_ms=20) as proxy:
        url = make_url(PG_URL).set(host="127.0.0.1", port=proxy.port)

Each chunk read from either side is forwarded `rtt_ms / 2` after it arrived, in order, so a
request and its answer cost `rtt_ms` more than on the loopback — what a WAN between two
plants adds to every round trip (bandwidth is not limited: a WAN's latency is what hurts
a chatty client). It runs an asyncio loop on a thread of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import Any


class LatencyProxy:
    """Forward 127.0.0.1:`port` → `host`:`target_port`, `rtt_ms` added per round trip."""

    def __init__(self, host: str, target_port: int, *, rtt_ms: float = 20.0) -> None:
        self.host, self.target_port = host, target_port
        self.delay = rtt_ms / 2000.0  # seconds, each way
        self.port = 0
        self.packets = 0  # chunks forwarded (both ways), for the report
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._run, name="latency-proxy", daemon=True)

    def __enter__(self) -> LatencyProxy:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the latency proxy did not start")

    def stop(self) -> None:
        """Close the listening socket and every forwarded connection, then the loop."""

        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            for writer in list(self._writers):
                writer.close()  # each pipe then reads its end and finishes by itself
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            if tasks:
                _done, left = await asyncio.wait(tasks, timeout=10)
                for task in left:
                    task.cancel()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(30)
        self._loop.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(self.host, self.target_port)
        except OSError:
            client_w.close()
            return
        self._writers.update((client_w, server_w))
        try:
            await asyncio.gather(self._pipe(client_r, server_w), self._pipe(server_r, client_w))
        finally:
            self._writers.difference_update((client_w, server_w))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Read chunks as they come; each leaves `delay` after it arrived (a queue keeps the
        order, and a burst is not delayed once per chunk but once in all, as on a wire)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def send() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.packets += 1
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.ensure_future(send())
        try:
            while data := await reader.read(65536):
                queue.put_nowait((time.monotonic() + self.delay, data))
        except (ConnectionError, OSError):
            pass
        queue.put_nowait((0.0, b""))
        with contextlib.suppress(ConnectionError, OSError):
            await sender
