/** Exit code of a dev server worker asking `vango dev` for a fresh one (the config changed). */
export const RESTART_EXIT = 75;

/** Exit code of a worker that cannot start because the config is wrong: wait for it to change. */
export const CONFIG_EXIT = 78;
