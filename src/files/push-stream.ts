/**
 * A ReadableStream fed by pushes, with backpressure the producer can await.
 *
 *   createPushStream(highWaterMarkBytes?): PushStream
 *
 * fflate's Zip hands out chunks through a callback; this turns them into a byte stream and lets
 * the writer pause (`await drained()`) while the reader (R2 upload, HTTP response) catches up,
 * so an export never holds more than about one high-water mark of output in memory.
 */

export type PushStream = {
  stream: ReadableStream<Uint8Array>;
  push(chunk: Uint8Array): void;
  close(): void;
  fail(error: unknown): void;
  /** Resolves once the queue is below the high-water mark; rejects if the reader cancelled. */
  drained(): Promise<void>;
};

export function createPushStream(highWaterMarkBytes = 1 << 20): PushStream {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let cancelled: unknown;
  // Set once closed or failed: later pushes are dropped instead of throwing.
  let ended = false;

  const wake = () => {
    const pending = waiters;
    waiters = [];
    for (const w of pending) w.resolve();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull: wake,
      cancel(reason) {
        cancelled = reason ?? new Error("stream cancelled");
        const pending = waiters;
        waiters = [];
        for (const w of pending) w.reject(cancelled);
      },
    },
    { highWaterMark: highWaterMarkBytes, size: (chunk) => chunk.byteLength },
  );

  return {
    stream,
    push(chunk) {
      if (!ended && cancelled === undefined && chunk.byteLength > 0) controller?.enqueue(chunk);
    },
    close() {
      if (!ended && cancelled === undefined) controller?.close();
      ended = true;
    },
    fail(error) {
      if (!ended && cancelled === undefined) controller?.error(error);
      ended = true;
      const pending = waiters;
      waiters = [];
      for (const w of pending) w.reject(error);
    },
    drained() {
      if (cancelled !== undefined) return Promise.reject(cancelled);
      if (ended) return Promise.resolve();
      if ((controller?.desiredSize ?? 1) > 0) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
  };
}
