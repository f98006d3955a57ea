"""A compressed file decompressed by a thread ahead of its reader.

xz, gzip and bz2 release the GIL while they decompress, as SQLite does while
it runs a statement: the importer's one writer reads its next records while
its last ones are being indexed, instead of in turn.
"""
import io
import queue
import threading

BLOCK = 1 << 20  # at most this many bytes decompressed at a time (read1: what one step gives)
AHEAD = 64       # blocks (about 30 KB of xz each) the thread may be ahead by


class _Blocks(io.RawIOBase):
    """The raw stream of the blocks the thread decompresses from f."""

    def __init__(self, f):
        super().__init__()
        self.blocks = queue.Queue(AHEAD)
        self.pending = memoryview(b"")
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._decompress, args=(f,), daemon=True)
        self.thread.start()

    def _decompress(self, f):
        try:
            while not self.stop.is_set():
                block = f.read1(BLOCK)
                self._put(block)
                if not block:
                    return
        except BaseException as e:  # a damaged file: raised in the reader
            self._put(e)

    def _put(self, item):
        while not self.stop.is_set():
            try:
                self.blocks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def readable(self):
        return True

    def readinto(self, b):
        if not self.pending:
            block = self.blocks.get()
            if isinstance(block, BaseException):
                self.blocks.put(block)  # the same error at every later read
                raise block
            if not block:
                self.blocks.put(block)
                return 0
            self.pending = memoryview(block)
        n = min(len(b), len(self.pending))
        b[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n

    def close(self):
        """Stop the thread before the file it reads is closed."""
        self.stop.set()
        self.thread.join()
        super().close()


def read_ahead(f):
    """A buffered reader (read, readline) of the decompressed file f; close it before f."""
    return io.BufferedReader(_Blocks(f), BLOCK)
