/**
 * A bounded history of sent Patches frames, so a client that missed frames (a gap or a reconnect) gets
 * exactly the frames after its last applied seq. When the history no longer reaches that far, the session
 * falls back to a full resync.
 */
export class ReplayRing {
  private frames: Uint8Array[] = [];
  private seqs: number[] = [];
  private bytes = 0;
  private readonly maxFrames: number;
  private readonly maxBytes: number;

  constructor(maxFrames: number, maxBytes: number) {
    this.maxFrames = maxFrames;
    this.maxBytes = maxBytes;
  }

  push(seq: number, frame: Uint8Array): void {
    this.frames.push(frame);
    this.seqs.push(seq);
    this.bytes += frame.byteLength;
    while (this.frames.length > this.maxFrames || (this.bytes > this.maxBytes && this.frames.length > 1)) this.shift();
  }

  /** Drop frames the client acknowledged. */
  ack(seq: number): void {
    while (this.seqs.length > 0 && this.seqs[0]! <= seq) this.shift();
  }

  /** Frames with seq > `after`, or undefined when the history does not reach back that far. */
  since(after: number, current: number): Uint8Array[] | undefined {
    if (after >= current) return [];
    const first = this.seqs[0];
    if (first === undefined || first > after + 1) return undefined;
    const out: Uint8Array[] = [];
    for (let i = 0; i < this.seqs.length; i++) if (this.seqs[i]! > after) out.push(this.frames[i]!);
    return out;
  }

  clear(): void {
    this.frames = [];
    this.seqs = [];
    this.bytes = 0;
  }

  get size(): number {
    return this.bytes;
  }

  private shift(): void {
    this.bytes -= this.frames.shift()!.byteLength;
    this.seqs.shift();
  }
}
