/**
 * The full-page error overlay. It lives in a shadow root so the app's CSS cannot restyle or hide it,
 * and every server-provided string goes in through textContent: an error message is untrusted text.
 */
import type { DevProblem } from '../events.ts';

export const OVERLAY_TAG = 'vango-dev-overlay';

export interface OverlayHooks {
  /** The file:line:col link was clicked. */
  open(problem: DevProblem): void;
}

const STYLE = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
}
.backdrop {
  position: fixed; inset: 0; overflow: auto; box-sizing: border-box; padding: 6vh 4vw;
  background: rgba(8, 10, 14, 0.86);
  font: 14px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; color: #e6e6e6;
}
.panel {
  max-width: 960px; margin: 0 auto; background: #181b21; border: 1px solid #30343c;
  border-top: 4px solid #ff5c5c; border-radius: 8px; padding: 20px 24px;
  box-shadow: 0 20px 60px rgba(0, 0, 0, 0.5);
}
header { display: flex; align-items: baseline; gap: 12px; }
.kind { color: #ff7b7b; font-weight: 700; font-size: 15px; text-transform: uppercase; letter-spacing: 0.04em; }
.where { color: #9aa0aa; }
.close {
  margin-left: auto; background: none; border: 1px solid #3a3f48; color: #c8c8c8; border-radius: 4px;
  font: inherit; padding: 0 10px; cursor: pointer;
}
.close:hover { background: #262a31; }
pre {
  font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 12px 0 0;
  white-space: pre-wrap; word-break: break-word;
}
.message { color: #fff; font-size: 15px; font-weight: 600; }
.file { display: inline-block; margin-top: 10px; color: #7cc4ff; font-family: ui-monospace, Menlo, Consolas, monospace; }
a.file { cursor: pointer; text-decoration: underline; }
.frame { background: #0f1115; border: 1px solid #2a2e36; border-radius: 6px; padding: 12px 14px; overflow-x: auto; white-space: pre; }
.stack { color: #9aa0aa; }
footer { margin-top: 16px; color: #8a909a; font-size: 12px; }
kbd { font: inherit; border: 1px solid #3a3f48; border-radius: 3px; padding: 0 4px; }
`;

/** Removes the overlay, if any. */
export function hideOverlay(doc: Document): void {
  doc.querySelectorAll(OVERLAY_TAG).forEach((el) => el.remove());
}

/** Shows `problem`, replacing any overlay already on screen. */
export function showOverlay(doc: Document, problem: DevProblem, hooks: OverlayHooks): HTMLElement {
  hideOverlay(doc);
  const host = doc.createElement(OVERLAY_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const style = doc.createElement('style');
  style.textContent = STYLE;
  const backdrop = el('div', 'backdrop');
  const panel = el('div', 'panel');
  panel.setAttribute('role', 'alertdialog');
  panel.setAttribute('aria-modal', 'true');

  const header = el('header', 'header');
  header.append(el('span', 'kind', problem.kind === 'build' ? 'Build error' : 'Runtime error'));
  if (problem.where) header.append(el('span', 'where', `in ${problem.where}`));
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.title = 'Close (Esc)';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => host.remove());
  header.append(close);
  panel.append(header, el('pre', 'message', problem.message));

  if (problem.file) {
    const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
    if (problem.absFile) {
      const link = el('a', 'file', where);
      link.href = '#';
      link.title = 'Open in editor';
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        hooks.open(problem);
      });
      panel.append(link);
    } else {
      panel.append(el('span', 'file', where));
    }
  }
  if (problem.frame) panel.append(el('pre', 'frame', problem.frame));
  if (problem.kind === 'runtime' && problem.stack) panel.append(el('pre', 'stack', problem.stack));

  const footer = el('footer', 'footer');
  footer.append(
    problem.kind === 'build' ? 'The page keeps running the last good build. Fix the error and save: this closes by itself. ' : 'Fix the error and save: this closes by itself. ',
    el('kbd', '', 'Esc'),
    ' to dismiss.',
  );
  panel.append(footer);
  // Clicks on the dimmed area close it, clicks inside the panel do not.
  backdrop.addEventListener('click', (ev) => {
    if (ev.target === backdrop) host.remove();
  });
  backdrop.append(panel);
  root.append(style, backdrop);
  doc.documentElement.append(host);
  return host;
}
