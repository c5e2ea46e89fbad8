"""Wrong login codes: free mistakes, then a growing wait, then a lockout; per address and per code prefix."""

from __future__ import annotations

from wijwerken_widgets.app.web.throttle import WINDOW, LoginThrottle, Rule


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_grows_after_the_free_mistakes_and_a_lockout_follows() -> None:
    rule = Rule(free=2, lockout_after=10, first_wait=5, max_wait=60, lockout=900)
    assert [rule.wait_after(n) for n in range(1, 11)] == [0, 0, 5, 10, 20, 40, 60, 60, 60, 900]


def test_a_code_prefix_is_limited_whatever_the_address_and_an_address_whatever_the_code() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for n, address in enumerate(["10.0.0.1", "10.0.0.2", "10.0.0.3"]):
        assert throttle.wait(address, "K7QMZZZZ") == 0
        throttle.failed(address, f"K7QM{n}ZZZ")
    assert throttle.wait("10.0.0.4", "K7QMRIGHT") == 5  # the prefix waits, from any address
    assert throttle.wait("10.0.0.4", "ABCDRIGHT") == 0
    for n in range(6):
        throttle.failed("10.9.9.9", f"{n:04d}WRONG")
    assert throttle.wait("10.9.9.9", "WXYZRIGHT") == 5  # the address waits, whatever the code
    clock.now += 5
    assert throttle.wait("10.0.0.4", "K7QMRIGHT") == 0 and throttle.wait("10.9.9.9", "WXYZRIGHT") == 0


def test_ten_wrong_codes_lock_a_prefix_out_and_the_window_forgets_them() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for n in range(10):
        clock.now += 61  # waiting out every pause
        throttle.failed(f"10.0.{n}.1", f"K7QM{n:04d}")
    assert throttle.wait("10.0.0.99", "K7QMRIGHT") == 15 * 60
    clock.now += WINDOW + 1
    assert throttle.wait("10.0.0.99", "K7QMRIGHT") == 0
    throttle.failed("10.0.0.99", "K7QMWRONG")
    assert throttle.wait("10.0.0.99", "K7QMRIGHT") == 0  # the old failures have aged out of the window


def test_the_right_code_resets_its_prefix_but_not_the_address() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for n in range(6):
        throttle.failed("10.0.0.1", f"K7QM{n:04d}")
    throttle.succeeded("K7QMRIGHT")
    assert throttle.wait("10.0.0.2", "K7QMRIGHT") == 0
    assert throttle.wait("10.0.0.1", "ABCDRIGHT") > 0


def test_memory_stays_bounded() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock, max_keys=100)
    for n in range(1000):
        throttle.failed(f"10.{n // 256}.{n % 256}.1", f"{n:04d}XXXX")
    assert len(throttle._counts) <= 101
