"""A TCP proxy between a client and PostgreSQL that can lose the reply to a COMMIT (a real network fault)."""

from __future__ import annotations

import socket
import threading
from types import TracebackType


class CommitReplyDropper:
    """Forwards every byte between clients and ``upstream``; once :meth:`arm`\\ ed, it passes the next ``COMMIT``
    on to the server, swallows the server's reply and closes both sides, so the client never learns whether the
    commit happened. Needs ``sslmode=disable`` (the query text must be visible)."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._armed = threading.Event()
        self.dropped = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self) -> None:
        """Lose the reply to the next COMMIT that passes."""
        self._armed.set()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self._sockets += [client, server]
            committing = threading.Event()
            threading.Thread(target=self._pump_up, args=(client, server, committing), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(server, client, committing), daemon=True).start()

    def _pump_up(self, client: socket.socket, server: socket.socket, committing: threading.Event) -> None:
        while data := _recv(client):
            if self._armed.is_set() and b"COMMIT\x00" in data.upper():
                self._armed.clear()
                committing.set()  # before forwarding: whatever the server sends next is the reply
            try:
                server.sendall(data)
            except OSError:
                return
        _close(server)

    def _pump_down(self, server: socket.socket, client: socket.socket, committing: threading.Event) -> None:
        while data := _recv(server):
            if committing.is_set():  # the server has committed; the client never hears of it
                self.dropped.set()
                _close(client)
                _close(server)
                return
            try:
                client.sendall(data)
            except OSError:
                return
        _close(client)

    def close(self) -> None:
        _close(self._listener)
        for sock in self._sockets:
            _close(sock)

    def __enter__(self) -> CommitReplyDropper:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
