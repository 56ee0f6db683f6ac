/**
 * Runs a command-line tool on bytes given on stdin (poppler, tesseract): a missing tool, a timeout,
 * a failure or an oversized output is an outcome to report, never an exception.
 */
import { spawn } from 'node:child_process'

export interface ToolRun {
  outcome: 'ok' | 'truncated' | 'missing' | 'timeout' | 'failed'
  stdout: Buffer
  stderr: string
}

/** Runs `program` with `input` on stdin, keeping at most `maxBytes` of stdout (the process is killed past that). */
export function runTool(program: string, args: string[], input: Buffer, maxBytes: number, timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs })
    const out: Buffer[] = []
    let size = 0, stderr = '', truncated = false, settled = false
    const finish = (outcome: ToolRun['outcome']) => {
      if (settled) return
      settled = true
      resolve({ outcome, stdout: Buffer.concat(out), stderr })
    }
    child.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ENOENT' ? 'missing' : 'failed'))
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return
      const room = maxBytes - size
      out.push(chunk.length > room ? chunk.subarray(0, room) : chunk)
      size += Math.min(chunk.length, room)
      if (chunk.length > room) { truncated = true; child.kill('SIGKILL') }
    })
    child.stderr.on('data', (chunk: Buffer) => { if (stderr.length < 4096) stderr += chunk.toString('utf8') })
    child.stdin.on('error', () => { /* EPIPE: the tool stopped reading (bad file or killed); its exit says why */ })
    child.stdin.end(input)
    child.on('close', (code, signal) => {
      if (truncated) finish('truncated')
      else if (signal === 'SIGTERM') finish('timeout')
      else finish(code === 0 ? 'ok' : 'failed')
    })
  })
}
