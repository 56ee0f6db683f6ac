import type { Readable } from 'node:stream'

/** What a stored file came to. */
export interface StoredFile { size: number; sha256: string }

/**
 * Where uploaded bytes live, behind one seam (local disk by default; an object store later).
 * Keys are opaque ids chosen by Baton, never user input.
 */
export interface FileStorage {
  readonly name: string
  /** Stores `source` under `key`; refuses (and keeps nothing) past `maxBytes`. */
  write(key: string, source: Readable, maxBytes: number): Promise<StoredFile>
  /** The bytes under `key`; throws `FileMissingError` when there are none. */
  read(key: string): Promise<Readable>
  remove(key: string): Promise<void>
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) { super(`The file is larger than ${maxBytes} bytes.`) }
}

export class FileMissingError extends Error {
  constructor(key: string) { super(`No stored file ${key}.`) }
}
