import { isAvailable, memberSets, requiredSet, UseKind } from './api-sets';
import { SimSheet, SimWorkbookState } from './model';

/**
 * A request context of the simulated Excel: commands are queued and run only at sync(), in order, as
 * Office batches them. Each command names the API members it uses (the whole path from the workbook),
 * and the requirement set of each comes from @types/office-js (api-sets.ts), so a member above the
 * simulated ExcelApi version fails at sync with ApiNotFound, as in Excel. A failing command stops the
 * batch; the commands before it have taken effect (Office batches are not transactions).
 */
export interface SimOptions {
  /** the ExcelApi version Excel supports: any of 1.1 … 1.20 */
  api: string;
  /** Excel on the web's payload limit per request and per response */
  payloadLimit?: number;
  /** what the user does in Excel between the add-in's requests (tests: rename, delete, edit) */
  beforeSync?: (index: number, state: SimWorkbookState) => void;
  /** classes missing from a stale same-origin office.js: their members are undefined in JavaScript */
  missingClasses?: string[];
}

export interface SyncRecord {
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** time the simulated Excel spent on this request (not the add-in's) */
  ms: number;
}

export interface Member {
  cls: string;
  name: string;
  kind: UseKind;
  /** optional parameters passed, where the typings give them a set of their own */
  params?: string[];
}

export class SimError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Excel on the web: "the payload size limit is 5 MB" for a request and for a response (Resource limits and performance optimization for Office Add-ins). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Worksheet.getRange: "The `address` has a limit of 8192 characters … an `InvalidArgument` error" (@types/office-js). */
export const ADDRESS_LIMIT = 8192;

const encoder = new TextEncoder();
export const jsonBytes = (v: unknown) => encoder.encode(JSON.stringify(v ?? null)).length;

interface Op {
  members: Member[];
  request: unknown;
  run(): unknown; // the response part (loaded values), if any
}

export class SimContext {
  readonly syncs: SyncRecord[] = [];
  private queue: Op[] = [];

  constructor(readonly state: SimWorkbookState, readonly options: SimOptions, readonly delayForCellEdit = false) {}

  get missing(): Set<string> {
    return new Set(this.options.missingClasses ?? []);
  }

  enqueue(members: Member[], request: unknown, run: () => unknown): void {
    this.queue.push({ members, request, run });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const requestBytes = batch.reduce((n, op) => n + jsonBytes(op.request) + 24 * op.members.length + 16, 0);
    const record: SyncRecord = { ops: batch.length, requestBytes, responseBytes: 0, ms: 0 };
    this.syncs.push(record);
    this.options.beforeSync?.(this.syncs.length, this.state);
    const t0 = Date.now();
    try {
      this.process(batch, record);
    } finally {
      record.ms = Date.now() - t0;
    }
  }

  private process(batch: Op[], record: SyncRecord): void {
    const limit = this.options.payloadLimit ?? Infinity;
    if (record.requestBytes > limit) throw new SimError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
    if (this.state.editing) {
      // RunOptions.delayForCellEdit (ExcelApi 1.11): the batch waits until the user leaves the cell; older Excel ignores it
      if (this.delayForCellEdit && isAvailable('1.11', this.options.api)) this.state.editing = false;
      else throw new SimError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    for (const op of batch) {
      for (const m of op.members) this.check(m);
      const response = op.run();
      if (response !== undefined) record.responseBytes += jsonBytes(response);
    }
    if (record.responseBytes > limit) throw new SimError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
  }

  private check(m: Member): void {
    // the simulation may only offer what the typings declare: anything else is its own defect
    if (memberSets(m.cls, m.name) === undefined) throw new Error(`simulation: @types/office-js declares no ${m.cls}.${m.name}`);
    const set = requiredSet(m.cls, m.name, m.kind, m.params);
    if (set === undefined) return; // untagged (RequestContext.workbook)
    if (!isAvailable(set, this.options.api)) {
      throw new SimError('ApiNotFound', `${m.cls}.${m.name}${m.kind === 'set' ? ' (set)' : ''} needs ${/^\d/.test(set) ? `ExcelApi ${set}` : set}; this Excel has ExcelApi ${this.options.api}.`);
    }
  }

  get stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number } {
    return {
      syncs: this.syncs.length,
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
    };
  }
}

export function requireSheet(ctx: SimContext, name: string): SimSheet {
  const s = ctx.state.sheet(name);
  if (!s) throw new SimError('ItemNotFound', `The worksheet '${name}' does not exist (it may have been renamed or deleted).`);
  return s;
}

