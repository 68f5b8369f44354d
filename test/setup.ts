// jsdom lacks a few globals every browser that runs Office has.
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as Record<string, unknown>;
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  // Fluent's MessageBar watches its size; jsdom has no layout, so nothing ever changes size
  (window as unknown as Record<string, unknown>).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
