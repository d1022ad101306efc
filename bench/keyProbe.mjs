// Measures keystrokes in a page's Tiptap editor (the app's, or the bench floor editor): per key, the time from
// the keydown event until after the next frame (rAF, then a task: the frame that shows the key has been
// produced), the JavaScript time inside the editor's view.dispatch while handling it, and long tasks (> 50 ms).
// Installed with page.evaluate on a page whose editor exists; the app is not changed.

/** @typedef {{ key: string, t: number, dispatch: number, paint: number | null }} KeyRecord */
/** @typedef {{ start: number, duration: number, invoker: string, source: string }} ScriptRun one script of a long animation frame */
/** @typedef {{ keys: KeyRecord[], longTasks: Array<{ start: number, duration: number }>, scripts: ScriptRun[], cur: KeyRecord | null }} Probe */

/**
 * Page side: wraps the editor view's dispatch and listens for keydown (capture) and long tasks.
 * @param {string} selector the editor's element (Tiptap puts the editor on it as `.editor`)
 */
export function installKeyProbe(selector) {
  const w = /** @type {any} */ (window);
  const el = /** @type {any} */ (document.querySelector(selector));
  if (!el?.editor) throw new Error(`no Tiptap editor at ${selector}`);
  const editor = el.editor;
  const view = editor.view;
  /** @type {Probe} */
  const probe = { keys: [], longTasks: [], scripts: [], cur: null };
  w.__probe = probe;
  w.__probeEditor = editor;
  const original = view.dispatch;
  view.dispatch = function (/** @type {unknown} */ tr) {
    const t = performance.now();
    try {
      return original.call(this, tr);
    } finally {
      if (probe.cur) probe.cur.dispatch += performance.now() - t;
    }
  };
  window.addEventListener(
    'keydown',
    (e) => {
      /** @type {KeyRecord} */
      const rec = { key: e.key, t: e.timeStamp, dispatch: 0, paint: null };
      probe.cur = rec;
      probe.keys.push(rec);
      requestAnimationFrame(() =>
        setTimeout(() => {
          rec.paint = performance.now() - rec.t;
          if (probe.cur === rec) probe.cur = null;
        }, 0),
      );
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  // Long animation frames name the scripts that made them long (who called them: an event, a callback, a message).
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const frame of /** @type {any[]} */ (list.getEntries())) {
        for (const sc of frame.scripts ?? []) {
          probe.scripts.push({ start: sc.startTime, duration: sc.duration, invoker: String(sc.invoker ?? ''), source: `${sc.sourceFunctionName ?? ''} ${String(sc.sourceURL ?? '').split('/').pop()}`.trim() });
        }
      }
    }).observe({ type: 'long-animation-frame' });
  }
  /** Resolves when the last key's frame is done. */
  w.__probeSettled = () =>
    new Promise((resolve) => {
      const check = () => (probe.keys.every((k) => k.paint !== null) ? resolve(null) : setTimeout(check, 1));
      check();
    });
  /** Selects from..to (ProseMirror positions) and focuses the editor, outside any measured key. */
  w.__probeSelect = (/** @type {number} */ from, /** @type {number} */ to) => {
    editor.commands.setTextSelection({ from, to });
    editor.view.focus();
  };
  /** Inserts text at a position without keys (a paste), each newline a new paragraph. */
  w.__probePaste = (/** @type {number} */ at, /** @type {string} */ text) => {
    const tr = editor.state.tr;
    let p = at;
    text.split('\n').forEach((part, i) => {
      if (i > 0) {
        tr.split(p);
        p += 2;
      }
      if (part) {
        tr.insertText(part, p);
        p += part.length;
      }
    });
    editor.view.dispatch(tr);
  };
  /** Appends a top-level paragraph holding `marker` and returns the position right after the marker. */
  w.__probeMarkedParagraph = (/** @type {string} */ marker) => {
    const end = editor.state.doc.content.size;
    editor.commands.insertContentAt(end, { type: 'paragraph', content: [{ type: 'text', text: marker }] });
    return w.__probeFindMarker(marker);
  };
  w.__probeFindMarker = (/** @type {string} */ marker) => {
    let found = -1;
    editor.state.doc.descendants((/** @type {any} */ node, /** @type {number} */ pos) => {
      if (found === -1 && node.isTextblock && node.textContent.startsWith(marker)) found = pos + 1 + marker.length;
      return found === -1;
    });
    if (found === -1) throw new Error(`marker ${marker} not found`);
    return found;
  };
  /** The text from the marker's paragraph to the end of the document, a newline between text blocks. */
  w.__probeTextFrom = (/** @type {string} */ marker) => {
    /** @type {string[]} */
    const out = [];
    let on = false;
    editor.state.doc.descendants((/** @type {any} */ node) => {
      if (!node.isTextblock) return true;
      if (!on && node.textContent.startsWith(marker)) on = true;
      if (on) out.push(node.textContent);
      return false;
    });
    return out.join('\n');
  };
}

/** Keys Playwright knows by name; any other single character is sent through CDP with its text. */
const NAMED = new Set(['Enter', 'Backspace', 'Tab', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** @type {WeakMap<import('playwright-core').Page, import('playwright-core').CDPSession>} */
const sessions = new WeakMap();

/**
 * Presses one key as a real key event: named keys and ASCII through page.keyboard, any other character (æ, ø, å,
 * é, …) through CDP Input.dispatchKeyEvent with its text, as a keyboard layout that has it would.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 */
export async function pressKey(page, key) {
  if (NAMED.has(key) || (key.length === 1 && key >= ' ' && key <= '~')) {
    await page.keyboard.press(key);
    return;
  }
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
}

/**
 * Presses one key and waits until its frame has run.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 */
export async function pressMeasured(page, key) {
  await pressKey(page, key);
  await page.evaluate(() => /** @type {any} */ (window).__probeSettled());
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Probe>}
 */
export function readProbe(page) {
  return page.evaluate(() => {
    const p = /** @type {Probe} */ (/** @type {any} */ (window).__probe);
    return { keys: p.keys, longTasks: p.longTasks, scripts: p.scripts, cur: null };
  });
}
