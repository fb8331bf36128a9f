/**
 * What is facilitator-only, and the client view of a tree: the one place that
 * decides what a client may see. It errs toward hiding: anything that looks
 * like an attempt to mark text for staff, but is not a well-formed
 * `:::facilitator` block, is a problem that stops every build, whatever the
 * lint configuration says. Client views are built by filtering a copy of the
 * parsed tree, never by editing it, so one parse serves every output.
 */
import type {Element, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import leven from 'leven'
import type {Nodes, Parent, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {filter} from 'unist-util-filter'
import {visit} from 'unist-util-visit'
import type {ModuleSections} from './sections.js'

/** Name of the container directive that marks facilitator-only material. */
export const facilitatorName = 'facilitator'

/**
 * Leaf directives a client may see: `::lines` (write-in lines) and `::scale`
 * (a "circle one" rating scale). Every other leaf directive is unknown
 * markup and is treated as facilitator-only.
 */
export const clientLeafDirectives: ReadonlySet<string> = new Set(['lines', 'scale'])

/** The two lint rules that report this guard's problems; neither can be lowered. */
export type GuardRule = 'facilitator-directive' | 'client-html'

/** Something that could put facilitator text in front of a client. */
export interface GuardProblem {
  ruleId: GuardRule
  reason: string
  place: Point
}

/** What the guard reads of a module. */
export interface GuardInput {
  tree: Root
  source: string
  sections: ModuleSections
}

/**
 * Whether a node is a facilitator-only block, or any container directive at
 * all: a misspelled one (`:::facilitater`) is treated as facilitator-only, so
 * a typo can hide text from clients but never show it.
 *
 * @param node Any mdast node.
 * @returns True when the node must not reach a client.
 */
export function isFacilitatorOnly(node: Nodes): boolean {
  if (node.type === 'containerDirective') return true
  // A leaf directive other than `::lines` or `::scale`, or a text directive that is
  // more than a bare `:word`, is an author's markup whose meaning we cannot know: hide it.
  if (node.type === 'leafDirective') return !clientLeafDirectives.has(node.name)
  if (node.type === 'textDirective') return looksLikeFacilitator(node.name) || node.children.length > 0 || Object.keys(node.attributes ?? {}).length > 0
  return false
}

/**
 * A client-safe copy of some nodes: facilitator blocks, every container
 * directive and unknown directives are dropped, everything else is copied.
 *
 * @param nodes Nodes from a handout.
 * @returns New nodes; the input is untouched.
 */
export function clientView(nodes: readonly RootContent[]): RootContent[] {
  const wrapper = {type: 'root', children: nodes} as unknown as Parent
  const kept = filter(wrapper, {cascade: false}, (node) => !isFacilitatorOnly(node as Nodes))
  return kept ? (kept.children as RootContent[]) : []
}

// Zero-width and other invisible characters an author (or a paste) can put
// inside a fence; they are removed before looking for colons.
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu
// The ASCII colon and characters that look like one (after NFKC, which
// already folds the fullwidth, small and vertical presentation forms).
const colonLike = ':\u02D0\u02F8\u05C3\u0589\u0703\u0704\u1361\u1365\u16EC\u205A\u2236\u2982\u2E35\uA4FD\uA789'
const rawColonLike = new RegExp(`[${colonLike}\uFF1A\uFE13\uFE55]`, 'u')
const colonRun = new RegExp(`[${colonLike}](?:[ \\t]*[${colonLike}]){2,}`, 'u')
const lineStartColons = new RegExp(`^[${colonLike}][ \\t]*[${colonLike}]`, 'u')
// Container markers (`>`, list bullets, `1.`) and indentation before a fence.
const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/
const openingFence = /^:{3,}facilitator(?:\[[^\]\r\n]*\])?(?:\{[^}\r\n]*\})?[ \t]*$/
const closingFence = /^[ \t>*+\-\d.)]*:{3,}[ \t]*$/
const readableProperties = new Set(['alt', 'title', 'src', 'href', 'cite', 'summary', 'label', 'value', 'placeholder'])
const hidingTags = new Set(['details', 'dialog', 'template', 'noscript'])

// Letters of other scripts that look like Latin ones (a small part of
// Unicode's confusables list: enough to spell `facilitator`).
const lookalikes: Record<string, string> = {
  а: 'a', ɑ: 'a', α: 'a', А: 'A', Α: 'A', с: 'c', ϲ: 'c', С: 'C', Ϲ: 'C', е: 'e', Е: 'E', Ε: 'E',
  і: 'i', ı: 'i', ɩ: 'i', ι: 'i', І: 'I', Ι: 'I', ӏ: 'l', ǀ: 'l', ℓ: 'l', ο: 'o', о: 'o', О: 'O', Ο: 'O',
  р: 'p', ρ: 'p', Р: 'P', Ρ: 'P', т: 't', Т: 'T', Τ: 'T', ѕ: 's', Ѕ: 'S', ϝ: 'f', ſ: 'f', ɾ: 'r', г: 'r'
}

/** Text as a reader's eye sees it: invisible characters gone, lookalikes folded. */
function visible(text: string): string {
  return text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/[^\x00-\x7F]/g, (character) => lookalikes[character] ?? character)
}

// Colons and what follows them on the line: the shape of every fence
// spelling (`::: {#note .facilitator}`, `:[facilitator]`); the words there
// are compared with `facilitator`. The tail is a lookahead, so a later
// fence on the same line is still found.
const colonsThenTail = new RegExp(`([${colonLike}](?:[ \\t]*[${colonLike}])*)(?=([^\\r\\n]{0,80}))`, 'gu')

/** Whether text has colons before a spelling of `facilitator`. */
function hasMarkedWord(text: string): boolean {
  for (const [, colons, tail] of text.matchAll(colonsThenTail)) {
    let scope: string
    if (colons.length > 1) scope = tail
    // One colon then a space is prose ("Ask your facilitator: Facilitator Sam");
    // one colon then a word or a bracket is directive-like.
    else if (/^\s/.test(tail)) continue
    else if (/^[[{(]/.test(tail)) scope = tail.slice(0, tail.search(/[\]})]/) + 1 || undefined)
    else scope = /^[^\p{L}\p{N}]{0,4}[\p{L}\p{N}_-]*/u.exec(tail)![0]
    for (const word of scope.match(/[\p{L}\p{N}_-]{1,40}/gu) ?? []) if (looksLikeFacilitator(word)) return true
  }
  return false
}

/**
 * Whether a directive name is a spelling of `facilitator` (case, typos, separators).
 *
 * @param name A directive name.
 * @returns True when it is close enough to be meant as one.
 */
export function looksLikeFacilitator(name: string): boolean {
  const letters = visible(name).toLowerCase().replace(/[^a-z]/g, '')
  return letters.includes('facilitat') || (letters.length < 20 && leven(letters, facilitatorName) <= 3)
}

/**
 * Every way this module could put facilitator text in front of a client:
 * fence-like lines that do not open or close a well-formed `:::facilitator`
 * block, unknown or unclosed directives, and raw HTML in the handouts that
 * hides text or names the facilitator class. Pure; linear in the module.
 *
 * @param module The parse of one module.
 * @returns Problems in source order; empty when the module is safe to build.
 */
export function clientSafetyProblems(module: GuardInput): GuardProblem[] {
  const cached = cache.get(module)
  if (cached) return cached
  const problems: GuardProblem[] = []
  const lines = module.source.split(/\r?\n/)
  const reported = new Set<number>()
  const report = (ruleId: GuardRule, reason: string, place: Point | undefined) => {
    const at = place ?? {line: 1, column: 1}
    if (ruleId === 'facilitator-directive') {
      if (reported.has(at.line)) return
      reported.add(at.line)
    }
    problems.push({ruleId, reason, place: {line: at.line, column: at.column}})
  }

  // Lines that a parsed, well-formed directive owns.
  const fences = new Set<number>()
  visit(module.tree, (node: Nodes) => {
    const start = node.position?.start
    if (node.type === 'containerDirective') {
      const end = node.position?.end
      // Its own fence lines are reported here once, not again as stray colons.
      if (start) fences.add(start.line)
      if (end) fences.add(end.line)
      if (node.name !== facilitatorName) {
        report('facilitator-directive', `Unexpected directive \`:::${node.name}\`, expected \`:::${facilitatorName}\``, start)
        return
      }
      const opening = start ? (lines[start.line - 1] ?? '').slice(start.column - 1) : ''
      const last = end ? lines[end.line - 1] ?? '' : ''
      // A block left open swallows what follows; a later block's `:::` can
      // close it, so also look for what an open block would have swallowed.
      const swallowed = node.children.find((child) => child.type === 'heading' || (child.type === 'containerDirective' && child.name === facilitatorName))
      if (!openingFence.test(opening)) {
        report('facilitator-directive', `Unexpected \`${opening.trim().slice(0, 40)}\`, expected \`:::facilitator\` alone on its line`, start)
      } else if (!closingFence.test(last) || swallowed || !end || end.line === start?.line) {
        report('facilitator-directive', `Unexpected unclosed \`:::facilitator\` block${swallowed ? ` (it runs on past line ${swallowed.position?.start.line})` : ''}, expected a closing \`:::\` line`, start)
      }
      return
    }
    if (node.type === 'leafDirective') {
      if (clientLeafDirectives.has(node.name)) {
        if (start) fences.add(start.line)
      } else {
        report('facilitator-directive', `Unexpected directive \`::${node.name}\`, expected \`::lines\` or \`::scale\`${looksLikeFacilitator(node.name) ? ', or a `:::facilitator` block closed by `:::`' : ''}`, start)
      }
      return
    }
    if (node.type === 'textDirective' && looksLikeFacilitator(node.name)) {
      report('facilitator-directive', `Unexpected text directive \`:${node.name}\`, expected a \`:::facilitator\` block on its own lines`, start)
      return
    }
    // Text the parser decoded (`&#58;` entities, alt text); code and HTML are
    // verbatim source, which the line scan below reads at the exact line.
    const values =
      node.type === 'text'
        ? [node.value]
        : node.type === 'image' || node.type === 'imageReference'
          ? [node.alt ?? '', 'title' in node ? node.title ?? '' : '']
          : node.type === 'link'
            ? [node.title ?? '']
            : []
    if (values.some((value) => colonRun.test(visible(value)) || hasMarkedWord(visible(value)))) {
      report('facilitator-directive', strayReason, start)
    }
  })

  // Every line, whatever the parser made of it: a fence that did not parse as
  // a directive (Pandoc's `::: {.facilitator}`, fullwidth colons, a zero-width
  // space, an indent that made it code) is still an author marking text for staff.
  const frontmatter = module.tree.children[0]?.type === 'yaml' ? module.tree.children[0].position?.end.line ?? 0 : 0
  for (let index = frontmatter; index < lines.length; index++) {
    const line = lines[index]
    if (fences.has(index + 1) || !rawColonLike.test(line)) continue
    const seen = visible(line)
    const body = seen.replace(containerPrefix, '')
    if (colonRun.test(seen) || lineStartColons.test(body) || hasMarkedWord(seen)) {
      report('facilitator-directive', strayReason, {line: index + 1, column: line.search(rawColonLike) + 1})
    }
  }

  const handouts = module.sections.byKind.handouts
  if (handouts) {
    // What reaches a client: HTML inside a facilitator block is the guide's.
    const root = {type: 'root', children: clientView([...handouts.intro, ...handouts.parts.flatMap((part) => [part.heading, ...part.children])])} as Root
    // Raw HTML, and markup shown as text or code, which prints verbatim.
    visit(root, (node: Nodes) => {
      if (node.type !== 'html' && node.type !== 'text' && node.type !== 'code' && node.type !== 'inlineCode') return
      for (const reason of hidingHtml(node.value)) report('client-html', reason, node.position?.start)
    })
  }

  problems.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column)
  cache.set(module, problems)
  return problems
}

const cache = new WeakMap<GuardInput, GuardProblem[]>()

const strayReason =
  'Unexpected fence-like colons, expected `:::facilitator` alone on its own line (no braces, spaces, indent or lookalike colons; not in code, HTML or a table) and a closing `:::` line'

/**
 * Why a piece of raw HTML in a handout is refused: it names the facilitator
 * class or hides text (`hidden`, `<details>`, `display: none`). Raw HTML
 * cannot mark text as facilitator-only; the sanitizer would drop the class or
 * attribute and print the text, and Markdown output keeps the text as well.
 */
function hidingHtml(value: string): string[] {
  if (!/<[a-z]/i.test(value)) return []
  const reasons: string[] = []
  const tree = fromHtml(value, {fragment: true}) as HastRoot
  visit(tree, 'element', (element: Element) => {
    const name = `<${element.tagName}>`
    const classes = Array.isArray(element.properties.className) ? element.properties.className.map(String) : []
    // Any attribute naming the facilitator (`class`, `data-audience`, `role`...).
    // Readable text (alt, title) and URLs may speak of a facilitator.
    const naming = Object.entries(element.properties).find(([key, value]) =>
      !readableProperties.has(key) &&
      [key, ...(Array.isArray(value) ? value : [value])].some((word) => String(word).split(/[\s,;:=]+/).some((part) => part.length <= 40 && looksLikeFacilitator(part)))
    )
    if (naming) {
      const shown = naming[0] === 'className' ? `class="${classes.join(' ')}"` : naming[0]
      reasons.push(`Unexpected \`${shown}\` on ${name} in a handout, expected a \`:::facilitator\` block (raw HTML cannot mark text as facilitator-only)`)
    } else if (element.properties.hidden !== undefined && element.properties.hidden !== false && element.properties.hidden !== null) {
      reasons.push(`Unexpected \`hidden\` on ${name} in a handout, expected visible text (put facilitator-only text in a \`:::facilitator\` block)`)
    } else if (element.properties.ariaHidden !== undefined && String(element.properties.ariaHidden) !== 'false') {
      reasons.push(`Unexpected \`aria-hidden\` on ${name} in a handout, expected text every reader gets (put facilitator-only text in a \`:::facilitator\` block)`)
    } else if (hidingTags.has(element.tagName)) {
      reasons.push(`Unexpected ${name} in a handout, expected visible text (a printed handout shows everything; put facilitator-only text in a \`:::facilitator\` block)`)
    } else if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(String(element.properties.style ?? ''))) {
      reasons.push(`Unexpected hiding \`style\` on ${name} in a handout, expected visible text (put facilitator-only text in a \`:::facilitator\` block)`)
    }
  })
  return reasons
}
