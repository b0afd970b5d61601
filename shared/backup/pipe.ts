// Bytes through a platform transform stream (CompressionStream, DecompressionStream) into an async consumer, in order.

export interface BytePipe {
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes the rest; rejects with the first failure (the consumer's, or the transform's). */
  end(): Promise<void>;
  /** Gives up: what the transform still holds is dropped, and the consumer is not called again. */
  abort(): void;
}

/**
 * Writes go into `stream` while its output is read as it comes and handed to `onChunk` (a stream's queues are
 * small, so the two run concurrently). Whatever fails first — `onChunk` (e.g. a refusal) or the transform (e.g.
 * corrupt input) — is the reason every later call rejects with, passed through `reason`.
 */
export function pipeThrough(
  stream: { writable: WritableStream<BufferSource>; readable: ReadableStream<Uint8Array> },
  onChunk: (chunk: Uint8Array) => Promise<void>,
  reason: (error: unknown) => unknown = (error) => error,
): BytePipe {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let aborted = false;
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || aborted) return;
      await onChunk(value);
    }
  })();
  let failure: unknown;
  const settled = pump.catch((error: unknown) => {
    failure = error;
    // The writer can only fail from now on; its own rejection is not the reason.
    void writer.abort(error).catch(() => undefined);
  });
  return {
    async write(bytes) {
      if (failure !== undefined) throw reason(failure);
      try {
        await writer.write(bytes as Uint8Array<ArrayBuffer>);
      } catch (error) {
        await settled;
        throw reason(failure ?? error);
      }
    },
    async end() {
      if (failure === undefined) await writer.close().catch(() => undefined);
      await settled;
      if (failure !== undefined) throw reason(failure);
    },
    abort() {
      aborted = true;
      void writer.abort().catch(() => undefined);
      void reader.cancel().catch(() => undefined);
    },
  };
}
