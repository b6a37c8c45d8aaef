/**
 * The `Capability` bitset sent in ClientHello. Only Touch (bit 0) for now: every media-query bit costs
 * about 25 bytes of the client's 8 KB gzip budget, and no server code reads them yet.
 */
export const caps = (): number => +(navigator.maxTouchPoints > 0);
