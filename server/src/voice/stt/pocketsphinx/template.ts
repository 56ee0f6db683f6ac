/**
 * The little template language of the command domain, shared by the JSGF grammar and the n-gram
 * corpus so that both always describe the same sentences:
 *   word   a literal word          {slot}   a slot (its own list of templates, or free text)
 *   (a b | c)   alternatives       [a b]    optional
 */

export type Node =
  | { t: 'word'; word: string }
  | { t: 'slot'; name: string }
  | { t: 'alt'; options: Node[][] }
  | { t: 'opt'; seq: Node[] }

const TOKEN = /\s*(\{[\w-]+\}|[()[\]|]|[^\s()[\]|{}]+)/y

export function parseTemplate(source: string): Node[] {
  const tokens: string[] = []
  let end = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) { tokens.push(m[1]!); end = TOKEN.lastIndex }
  if (source.slice(end).trim()) throw new Error(`bad template near "${source.slice(end)}" in "${source}"`)
  let i = 0
  const seq = (close?: string): Node[][] => {
    const options: Node[][] = [[]]
    while (i < tokens.length) {
      const tok = tokens[i++]!
      if (tok === close) return options
      if (tok === '|') { options.push([]); continue }
      const cur = options[options.length - 1]!
      if (tok === '(') cur.push({ t: 'alt', options: seq(')') })
      else if (tok === '[') { const inner = seq(']'); cur.push({ t: 'opt', seq: inner.length === 1 ? inner[0]! : [{ t: 'alt', options: inner }] }) }
      else if (tok === ')' || tok === ']') throw new Error(`unbalanced "${tok}" in "${source}"`)
      else if (tok.startsWith('{')) cur.push({ t: 'slot', name: tok.slice(1, -1) })
      else cur.push({ t: 'word', word: tok })
    }
    if (close) throw new Error(`missing "${close}" in "${source}"`)
    return options
  }
  const top = seq()
  return top.length === 1 ? top[0]! : [{ t: 'alt', options: top }]
}

/** Names of the slots a template refers to (at any depth). */
export function slotRefs(nodes: Node[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.t === 'slot') into.add(n.name)
    else if (n.t === 'alt') n.options.forEach((o) => slotRefs(o, into))
    else if (n.t === 'opt') slotRefs(n.seq, into)
  }
  return into
}

/** Literal words of a template. */
export function words(nodes: Node[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.t === 'word') into.add(n.word)
    else if (n.t === 'alt') n.options.forEach((o) => words(o, into))
    else if (n.t === 'opt') words(n.seq, into)
  }
  return into
}

/** JSGF text of a sequence. */
export function toJsgf(nodes: Node[]): string {
  return nodes.map((n) => {
    switch (n.t) {
      case 'word': return n.word
      case 'slot': return `<${n.name}>`
      case 'alt': return `( ${n.options.map(toJsgf).join(' | ')} )`
      case 'opt': return `[ ${toJsgf(n.seq)} ]`
    }
  }).join(' ')
}
