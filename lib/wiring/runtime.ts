// The runtime registry: which adapter stands behind each port in this process. Lambda functions get the AWS adapters
// (lib/wiring/aws.ts), built on first use from the environment; the local stack installs its own (lib/local/runtime.ts)
// before it serves. Handlers never choose: they ask lib/wiring/deps.ts, which asks here.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KeyVault } from '../credentials/key-vault.js';
import type { FileEraser } from '../domain/accounts/erasure.js';
import type { BatchQueue, CertificateFiles } from '../domain/certificates/ports.js';
import type { EventSink } from '../domain/events.js';
import type { BlobStore } from '../domain/files.js';
import type { Mailer } from '../domain/mail.js';

/** The table every repository works on. */
export interface TableAccess {
  db: DynamoDBDocumentClient;
  name: string;
}

/** Every adapter a use case may need, one factory per port (each called at most once per installation). */
export interface Adapters {
  table(): TableAccess;
  mailer(): Mailer;
  /** Application attachments: pre-signed uploads and downloads. */
  blobs(): BlobStore;
  /** Certificate PDFs, written and read by the functions. */
  certificateFiles(): CertificateFiles;
  /** Deletes files (certificate PDFs, consent scans) when a closed account's retention ends. */
  fileEraser(): FileEraser;
  /** The private halves of the issuer keys. */
  keyVault(): KeyVault;
  /** Where certificate runs send their batches. */
  batchQueue(): BatchQueue;
  /** Where committed domain events are delivered (the outbox's delivery publishes to it). */
  events(): EventSink;
  /** The public API origin: verification URLs, credential ids and QR codes hang off it. */
  baseUrl(): string;
  /** The HMAC key of the supervisors' decision links (resolved on first use). */
  linkKey(): () => Promise<Uint8Array>;
}

let installed: Adapters | undefined;
let generation = 0;

/**
 * The adapter behind one port: the installed one, else the AWS one `aws` builds. Each port module of lib/wiring/aws.ts
 * is passed separately, so a function bundles only the AWS adapters its deps use.
 */
export function adapter<K extends keyof Adapters>(port: K, aws: Adapters[K]): ReturnType<Adapters[K]> {
  const factory = (installed?.[port] ?? aws) as () => ReturnType<Adapters[K]>;
  return factory();
}

/** Installs a runtime's adapters (the local stack, tools, tests): every deps object resolves against them from now on. */
export function installAdapters(adapters: Adapters): void {
  installed = onceEach(adapters);
  generation++;
}

/** Back to the AWS adapters (tests). */
export function uninstallAdapters(): void {
  installed = undefined;
  generation++;
}

/** Each factory runs once: the installed runtime hands out one mailer, one queue, one table client. */
function onceEach(adapters: Adapters): Adapters {
  const out = {} as Record<keyof Adapters, () => unknown>;
  for (const port of Object.keys(adapters) as (keyof Adapters)[]) {
    let value: { v: unknown } | undefined;
    out[port] = () => (value ??= { v: adapters[port]() }).v;
  }
  return out as unknown as Adapters;
}

/**
 * A deps object that is built on first use, not when the handler module is imported (importing a bundle reads no
 * environment), and built again after installAdapters(). Handlers keep `const deps = certificateDeps()` at module scope.
 */
export function deferred<T extends object>(build: () => T): T {
  let built: { at: number; value: T } | undefined;
  const current = (): T => {
    if (!built || built.at !== generation) built = { at: generation, value: build() };
    return built.value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(current(), key),
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
