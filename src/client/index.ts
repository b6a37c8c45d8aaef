/**
 * The thin client's entry (built into `/_vango/client.js`): start on the server-rendered page and
 * expose `window.Vango` (`hooks.register`, `__debug`).
 */
import { start } from './client.ts';

const boot = document.getElementById('vango-boot');
const root = document.getElementById('vango-root');
if (boot && root) (window as any).Vango = start({ root, boot: JSON.parse(boot.textContent!) });
