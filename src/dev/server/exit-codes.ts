/** Exit code of a dev server worker asking `vango dev` for a fresh one (the config changed). */
export const RESTART_EXIT = 75;
