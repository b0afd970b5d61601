// A Blob's bytes as an async iterable of chunks, straight off its stream: the backup codec's input and output.

/** Reads `blob` chunk by chunk; nothing holds the whole file (ReadableStream's own async iterator is not typed here). */
export async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Cancelling (not just releasing) lets the browser stop reading a file the codec has refused early.
    await reader.cancel().catch(() => undefined);
  }
}
