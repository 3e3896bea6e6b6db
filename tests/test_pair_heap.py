"""The pair view keeps garbage collection out of keystrokes and collects when idle."""

from __future__ import annotations

import gc

from compare_tui.ui.screens.pair_scroll import Heap


def test_settle_idle_release() -> None:
    heap = Heap()
    assert gc.isenabled()
    heap.settle()
    try:
        assert not gc.isenabled() and gc.get_freeze_count() > 0
        junk = [[n] for n in range(Heap.ALLOCATIONS + 1000)]  # allocations since settling
        heap.moved()
        before = gc.get_count()[0]
        heap.idle()  # a key was just pressed: nothing collected
        assert gc.get_count()[0] >= before
        heap.last_move -= Heap.IDLE + 1
        heap.idle()  # quiet, and enough allocated: collected
        assert gc.get_count()[0] < before
        del junk
    finally:
        heap.release()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    heap.release()  # twice is harmless
    assert gc.isenabled()
