/**
 * The faster paths of the module parser give what the plain unified parse
 * gives: lazy modules read frontmatter without parsing the Markdown
 * (src/module/frontmatter-node.ts), and text that can hold no literal
 * autolink is parsed without that extension.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {frontmatterNode} from '../src/module/frontmatter-node.js'
import {parseModule} from '../src/module/parse-module.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

function fromRemark(text: string) {
  const node = (parser.parse(text) as Root).children[0]
  return node?.type === 'yaml' ? {value: node.value, position: node.position} : undefined
}

function quick(text: string) {
  const node = frontmatterNode(text)
  return node ? {value: node.value, position: node.position} : undefined
}

const curriculum = path.resolve(import.meta.dirname, '..', 'curriculum')
const files = readdirSync(curriculum, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md'))

describe('frontmatter without a Markdown parse', () => {
  it('gives the node remark-frontmatter gives, for every bundled module and translation', () => {
    expect(files.length).toBeGreaterThan(100)
    for (const name of files) {
      const text = readFileSync(path.join(curriculum, name), 'utf8')
      expect(quick(text), name).toEqual(fromRemark(text))
    }
  })

  it('gives the same node as remark-frontmatter for fences with spaces, tabs, CR, CRLF, empty blocks and no closing fence', () => {
    const piece = fc.constantFrom('---', '--- ', '---\t', '----', '-- -', 'id: a', '', ' ', 'x: "---"', '# T', '  ---')
    const ending = fc.constantFrom('\n', '\r\n', '\r')
    const text = fc.array(fc.tuple(piece, ending), {maxLength: 8}).map((lines) => lines.map(([line, end]) => line + end).join(''))
    fc.assert(
      fc.property(fc.oneof(text, text.map((t) => '---\n' + t), fc.string()), (value) => {
        expect(quick(value)).toEqual(fromRemark(value))
      }),
      {numRuns: Number(process.env.FUZZ_RUNS ?? 500)}
    )
  })

  it('a lazy module has the metadata and, once parsed, the tree and messages of an eager one', () => {
    const name = files.find((f) => f.endsWith('coping-with-cravings.md'))!
    const value = readFileSync(path.join(curriculum, name))
    const eager = parseModule({path: name, value})
    const lazy = parseModule({path: name, value}, {lazy: true})
    expect(lazy.meta).toEqual(eager.meta)
    expect(lazy.hash).toBe(eager.hash)
    expect(lazy.tree).toEqual(eager.tree)
    expect(lazy.sections.list.map((s) => [s.kind, s.minutes, s.parts.length])).toEqual(eager.sections.list.map((s) => [s.kind, s.minutes, s.parts.length]))
    expect(lazy.sections.list.length).toBeGreaterThan(4)
    expect(lazy.file.messages).toEqual(eager.file.messages)
  })
})

describe('the module parser skips literal autolinks only where there can be none', () => {
  const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective)
  const tree = (value: string) => parseModule({path: 'm.md', value}).tree

  it('gives the tree remark-gfm gives for every bundled module and translation', () => {
    for (const name of files) {
      const text = readFileSync(path.join(curriculum, name), 'utf8')
      expect(tree(text), name).toEqual(full.parse(text))
    }
  })

  it('gives the same tree for generated text with links, e-mails, character references, tables, task lists and emphasis', () => {
    const piece = fc.constantFrom('www.example.com', 'https://a.org/x_y_', 'me@example.org', '&#64;', 'me&#64;example.org', '&#119;ww.x.org', 'http&#58;//x.org', '&amp;', '| a | b |\n| - | - |\n| c | d |', '- [ ] task', '- [x] done', '_em_', '**b**', '~~s~~', '[^1]\n\n[^1]: note', '[t](https://x.org)', '<https://x.org>', 'text', ' ', '\n', '\n\n', ':::facilitator\nx\n:::', '`www.code`')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}).map((parts) => parts.join('')), (value) => {
        expect(tree(value)).toEqual(full.parse(value))
      }),
      {numRuns: Number(process.env.FUZZ_RUNS ?? 300)}
    )
  })
})

describe('a lazy module holds no text between uses', () => {
  it('reads its file again when a step needs the text, and refuses bytes that changed since the load', async () => {
    const {mkdtempSync, mkdirSync, writeFileSync, rmSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {loadCurriculum} = await import('../src/curriculum/load-curriculum.js')
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-reread-'))
    try {
      mkdirSync(path.join(dir, 'support'))
      const name = files.find((f) => f.endsWith('joining-the-group.md'))!
      const text = readFileSync(path.join(curriculum, name), 'utf8')
      writeFileSync(path.join(dir, 'support', 'joining-the-group.md'), text)
      const [module] = loadCurriculum([dir]).modules
      expect(module.source).toBe(text)
      expect(module.tree).toEqual(parseModule({path: 'x.md', value: text}).tree)
      const [changed] = loadCurriculum([dir]).modules
      writeFileSync(path.join(dir, 'support', 'joining-the-group.md'), text.replace('Joining', 'Starting'))
      expect(() => changed.tree).toThrow(/joining-the-group\.md: Unexpected change to the module while iop was using it, expected it unchanged until the command ends/)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
