/**
 * Errors raised by the reactive core and the pluggable reporter for errors that have no caller to
 * propagate to (effects, cleanups, reactions run from a flush).
 */

/** Where a reported error came from. */
export type ReactiveErrorKind = 'effect' | 'cleanup' | 'reaction' | 'loop';

/** Context passed to the error handler alongside the error. */
export interface ReactiveErrorContext {
  readonly kind: ReactiveErrorKind;
  /** The name of the effect/reaction/owner involved, when it has one. */
  readonly name: string | undefined;
}

/** Receives errors thrown by effects, cleanups and reactions, and effect-loop reports. */
export type ReactiveErrorHandler = (error: unknown, context: ReactiveErrorContext) => void;

const defaultHandler: ReactiveErrorHandler = (error, context) => {
  const where = context.name === undefined ? context.kind : `${context.kind} "${context.name}"`;
  console.error(`[vango] error in ${where}:`, error);
};

let handler: ReactiveErrorHandler = defaultHandler;

/**
 * Install the reporter for errors thrown inside effects, cleanups and reactions (and for
 * {@link ReactiveLoopError}). Pass `null`/`undefined` to restore the default (`console.error`).
 * Returns the previously installed handler so callers can restore it.
 */
export function setReactiveErrorHandler(fn: ReactiveErrorHandler | null | undefined): ReactiveErrorHandler {
  const prev = handler;
  handler = fn ?? defaultHandler;
  return prev;
}

/** Report an error; a throwing handler must not break the flush that called it. */
export function reportReactiveError(error: unknown, kind: ReactiveErrorKind, name: string | undefined): void {
  try {
    handler(error, { kind, name });
  } catch (handlerError) {
    console.error('[vango] the reactive error handler threw while reporting', error, handlerError);
  }
}

/** An effect kept re-triggering itself within one flush and was stopped. */
export class ReactiveLoopError extends Error {
  override name = 'ReactiveLoopError';
  /** The effect that was stopped. */
  readonly effectName: string;
  /** The signals/memos whose changes kept re-triggering it. */
  readonly sourceNames: readonly string[];

  constructor(effectName: string, sourceNames: readonly string[], runs: number) {
    const via = sourceNames.length === 0 ? 'its own writes' : sourceNames.map((n) => `"${n}"`).join(', ');
    super(
      `Effect "${effectName}" re-ran ${runs} times in one flush and was stopped; it keeps being re-triggered by ${via}. ` +
        'An effect that writes a signal it also reads (directly, through a memo, or through another effect) loops forever. ' +
        'Fix: read that signal with peek() or untrack() inside the effect, make the write conditional so it settles, ' +
        'or derive the value with memo() instead of writing it from an effect.',
    );
    this.effectName = effectName;
    this.sourceNames = sourceNames;
  }
}

/** A signal was written while a memo was computing (memos must be pure). */
export class MemoWriteError extends Error {
  override name = 'MemoWriteError';
  constructor(signalName: string, memoName: string) {
    super(
      `Cannot write signal "${signalName}" while memo "${memoName}" is computing: memos must be pure. ` +
        'Move the write into an effect or an event handler, or derive the value with another memo.',
    );
  }
}

/** A memo read itself, directly or through other memos. */
export class MemoCycleError extends Error {
  override name = 'MemoCycleError';
  constructor(memoName: string) {
    super(`Cycle detected: memo "${memoName}" depends on its own value (directly or through other memos).`);
  }
}

/** A component called its hooks (signal/memo/effect) in a different order than in its first render. */
export class SlotMismatchError extends Error {
  override name = 'SlotMismatchError';
  constructor(message: string) {
    super(message);
  }
}
