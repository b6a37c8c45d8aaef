/** Caps a decoder enforces. Every count and length on the wire is checked against them before use. */
export interface Limits {
  /** Largest accepted frame, header included, in bytes. */
  maxFrame: number;
  /** Largest accepted string, in UTF-8 bytes. */
  maxString: number;
  /** Largest accepted collection (ops, attributes, children, form fields, touches, ...). */
  maxItems: number;
  /** Deepest accepted wire subtree (a lone node has depth 1). */
  maxDepth: number;
}

// Plain literals (4 MiB, 64 KiB, 1 MiB, 2^18) so bundlers see side-effect-free constants and drop
// whichever set a bundle does not use.

/** Defaults for decoding server→client frames (used by the browser client). */
export const S2C_LIMITS: Limits = { maxFrame: 4194304, maxString: 1048576, maxItems: 262144, maxDepth: 512 };

/** Defaults for decoding client→server frames (used by the server). */
export const C2S_LIMITS: Limits = { maxFrame: 65536, maxString: 1048576, maxItems: 262144, maxDepth: 512 };
