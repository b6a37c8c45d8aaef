/**
 * Platform capability bits sent in ClientHello (`caps`, a varint so the set can grow). Values are
 * wire values: append only.
 */
export const Capability = {
  /** `'ontouchstart' in window` or `maxTouchPoints > 0`. */
  Touch: 1 << 0,
  /** `(prefers-reduced-motion: reduce)`. */
  ReducedMotion: 1 << 1,
  /** `(prefers-color-scheme: dark)`. */
  DarkScheme: 1 << 2,
  /** `(prefers-contrast: more)`. */
  HighContrast: 1 << 3,
  /** `(hover: hover)`: a precise hovering pointer exists. */
  Hover: 1 << 4,
  /** `(pointer: coarse)`. */
  CoarsePointer: 1 << 5,
  WebGL: 1 << 6,
  WebGL2: 1 << 7,
  WebGPU: 1 << 8,
  PointerEvents: 1 << 9,
  ServiceWorker: 1 << 10,
  /** `navigator.clipboard.writeText`. */
  Clipboard: 1 << 11,
  /** `navigator.share`. */
  Share: 1 << 12,
  /** `navigator.vibrate`. */
  Vibrate: 1 << 13,
  /** `PublicKeyCredential` (WebAuthn). */
  WebAuthn: 1 << 14,
  /** `document.startViewTransition`. */
  ViewTransitions: 1 << 15,
  /** Running as an installed app: `(display-mode: standalone)`. */
  Standalone: 1 << 16,
  /** `navigator.connection.saveData`. */
  SaveData: 1 << 17,
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];
