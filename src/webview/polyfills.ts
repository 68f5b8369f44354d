/**
 * What Edge Legacy (EdgeHTML 18: Office 2016/2019 retail without WebView2) lacks beyond the ECMAScript
 * built-ins, which babel adds from core-js where the code uses them (webpack.config.js; BigInt, which
 * cannot be polyfilled, is dealt with there too). Imported first by the pane and the ribbon commands; each
 * one is installed only where the webview has none.
 */
import { ResizeObserver as ResizeObserverPolyfill } from '@juggle/resize-observer';
// TextEncoder: src/office/read.ts and write.ts measure requests in UTF-8 bytes when they load
import 'fast-text-encoding';

const w = window as unknown as Record<string, unknown>;

// Fluent's positioning and MessageBar call `new window.ResizeObserver` unguarded (with box options)
if (typeof w.ResizeObserver !== 'function') w.ResizeObserver = ResizeObserverPolyfill;

if (typeof w.WeakRef !== 'function') {
  // Fluent's focus management (tabster, keyborg) keeps elements in WeakRefs, unguarded. A strong reference
  // behaves the same, except that a removed element is freed only when its holder is.
  w.WeakRef = class StrongRef<T> {
    constructor(private readonly target: T) {}
    deref(): T {
      return this.target;
    }
  };
}

const eventProto = Event.prototype as unknown as Record<string, unknown>;
if (typeof eventProto.composedPath !== 'function') {
  // Fluent's focus tracking reads the path of every focus event. Edge Legacy has no shadow DOM, so the path
  // is the target, its ancestors and the window.
  eventProto.composedPath = function composedPath(this: Event): EventTarget[] {
    const path: EventTarget[] = [];
    for (let n = this.target as Node | null; n; n = n.parentNode) path.push(n);
    if (path[path.length - 1] === document) path.push(window);
    return path;
  };
}

if (typeof window.matchMedia === 'function') {
  // Fluent's reduced-motion hook listens with addEventListener('change'); Edge Legacy has only addListener
  const mql = Object.getPrototypeOf(window.matchMedia('all')) as Record<string, unknown> & MediaQueryList;
  if (typeof mql.addEventListener !== 'function') {
    type Listener = (e: MediaQueryListEvent) => void;
    mql.addEventListener = function add(this: MediaQueryList, type: string, listener: Listener) {
      if (type === 'change') this.addListener(listener);
    } as MediaQueryList['addEventListener'];
    mql.removeEventListener = function remove(this: MediaQueryList, type: string, listener: Listener) {
      if (type === 'change') this.removeListener(listener);
    } as MediaQueryList['removeEventListener'];
  }
}

let hasDomRect = typeof w.DOMRect === 'function';
try {
  if (hasDomRect) new DOMRect();
} catch {
  hasDomRect = false;
}
if (!hasDomRect) {
  // Fluent's positioning makes empty rectangles with `new DOMRect`
  w.DOMRect = class DOMRectPolyfill {
    constructor(public x = 0, public y = 0, public width = 0, public height = 0) {}
    get top() { return Math.min(this.y, this.y + this.height); }
    get bottom() { return Math.max(this.y, this.y + this.height); }
    get left() { return Math.min(this.x, this.x + this.width); }
    get right() { return Math.max(this.x, this.x + this.width); }
    toJSON() { return { x: this.x, y: this.y, width: this.width, height: this.height, top: this.top, right: this.right, bottom: this.bottom, left: this.left }; }
  };
}

export {};
