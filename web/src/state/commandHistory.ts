/**
 * ↑/↓ in the command bar walks back through what I said or typed before (my command history,
 * newest first, duplicates once), like a shell. Loaded when first needed; a new command goes on top.
 */
export class CommandHistory {
  private items: string[] | null = null
  private index = -1
  private draft = ''

  /** `load` gives my earlier commands, newest first (GET /commands). */
  constructor(private readonly load: () => Promise<string[]>) {}

  /** The previous (older) entry, or null when there is none; `current` is kept to come back to. */
  async older(current: string): Promise<string | null> {
    const items = await this.loaded()
    if (this.index === -1) this.draft = current
    if (this.index + 1 >= items.length) return null
    this.index++
    return items[this.index]!
  }

  /** The next (newer) entry; past the newest, what was being typed. */
  newer(): string | null {
    if (this.index < 0) return null
    this.index--
    return this.index === -1 ? this.draft : this.items![this.index]!
  }

  remember(text: string) {
    const clean = text.trim()
    if (!clean) return
    this.items = [clean, ...(this.items ?? []).filter((t) => t !== clean)]
    this.reset()
  }

  reset() { this.index = -1 }

  private async loaded(): Promise<string[]> {
    if (this.items) return this.items
    try { this.items = [...new Set((await this.load()).map((t) => t.trim()).filter(Boolean))] } catch { this.items = [] }
    return this.items
  }
}
