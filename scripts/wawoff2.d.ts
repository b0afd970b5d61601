// The part of `wawoff2` (Google's WOFF2 decoder built to WebAssembly) the font scripts use; it ships no types.
declare module 'wawoff2' {
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
