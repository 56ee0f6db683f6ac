import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FileMissingError, FileTooLargeError, type FileStorage, type StoredFile } from './fileStorage'

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

/**
 * Files on the local disk under `root` (`./data/files` by default), fanned out by the key's first
 * two characters. Writes go to a temporary name and are renamed into place, so a reader never sees
 * half a file and an upload cut off leaves nothing behind. Several nodes need a shared volume here.
 */
export class LocalDiskStorage implements FileStorage {
  readonly name = 'local-disk'
  constructor(private readonly root: string) {}

  async write(key: string, source: Readable, maxBytes: number): Promise<StoredFile> {
    const path = this.pathOf(key)
    await mkdir(join(path, '..'), { recursive: true })
    const partial = join(this.root, `.upload-${randomUUID()}`)
    const hash = createHash('sha256')
    let size = 0
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes))
        hash.update(chunk)
        done(null, chunk)
      },
    })
    try {
      await pipeline(source, meter, createWriteStream(partial))
      await rename(partial, path)
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    return { size, sha256: hash.digest('hex') }
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key)
    try { await stat(path) } catch { throw new FileMissingError(key) }
    return createReadStream(path)
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  private pathOf(key: string) {
    if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${key}`)
    return join(this.root, key.slice(0, 2), key)
  }
}
