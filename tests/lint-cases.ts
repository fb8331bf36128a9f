/**
 * Not-ok cases for every rule and every bad-input case of the foundation:
 * each is the valid base module (fixtures/lint/base.md) with one change.
 * The expected messages live in fixtures/lint/expected/<case>.txt.
 */
export interface LintCase {
  /** Case name, also the fixture file name. */
  name: string
  /** The rule the case is about. */
  rule: string
  /** Group folder and id of the virtual file. */
  file?: string
  /** Text replacements applied to the base module, in order. */
  edits: Array<[string | RegExp, string]>
  /** Extra modules (id -> frontmatter overrides) for curriculum rules. */
  others?: Array<{id: string; edits: Array<[string | RegExp, string]>}>
}

export const cases: LintCase[] = [
  {name: 'malformed-yaml', rule: 'frontmatter-schema', edits: [['title: Nested Facilitator Blocks', 'title: [unclosed']]},
  {name: 'missing-field', rule: 'frontmatter-schema', edits: [['title: Nested Facilitator Blocks\n', '']]},
  {name: 'wrong-type', rule: 'frontmatter-schema', edits: [['minutes: 60', 'minutes: sixty'], ['version: 1.2.3', 'version: 1.2']]},
  {name: 'unknown-group', rule: 'frontmatter-schema', edits: [['group: support', 'group: suport']]},
  {name: 'unknown-phase', rule: 'frontmatter-schema', edits: [['phase: any', 'phase: early']]},
  {name: 'unknown-key', rule: 'frontmatter-schema', edits: [['tags: [support]', 'tags: [support]\nduration: 60']]},
  {name: 'duplicate-key', rule: 'frontmatter-schema', edits: [['phase: any', 'phase: any\nphase: maintenance']]},
  {name: 'no-frontmatter', rule: 'frontmatter-schema', edits: [[/^---[\s\S]*?---\n/, '']]},
  {name: 'id-mismatch', rule: 'id-matches-file', edits: [['id: base', 'id: other-name']]},
  {name: 'missing-section', rule: 'sections', edits: [['## Topic (20 min)\n\nSay: "Help is a skill."\n\n', '']]},
  {name: 'out-of-order', rule: 'sections', edits: [['## Check-out (10 min)\n\nOne word each.\n\n', ''], ['## Facilitator notes', '## Check-out (10 min)\n\nOne word each.\n\n## Facilitator notes']]},
  {name: 'unknown-section', rule: 'sections', edits: [['## Topic (20 min)', '## Lesson (20 min)']]},
  {name: 'timing-mismatch', rule: 'timing-total', edits: [['### Practice (20 min)', '### Practice (25 min)']]},
  {name: 'timing-part', rule: 'timing-part', edits: [['## Check-in (10 min)', '## Check-in (20 min)'], ['## Topic (20 min)', '## Topic (10 min)']]},
  {name: 'no-handout', rule: 'handout-present', edits: [[/### Asking for Help[\s\S]*?(?=## Facilitator notes)/, '']]},
  {name: 'empty-handout', rule: 'handout-present', edits: [['### Second Page\n\nA short second page with a [link](https://example.org).\n', '### Second Page\n\n:::facilitator\nOnly staff text.\n:::\n']]},
  {name: 'unclosed-directive', rule: 'facilitator-directive', edits: [['HANDOUT-QUOTE-SECRET check on Sam.\n> :::', 'HANDOUT-QUOTE-SECRET check on Sam.']]},
  {name: 'unclosed-then-closed', rule: 'facilitator-directive', edits: [['Say: "Help is a skill."', 'Say: "Help is a skill."\n\n:::facilitator\nTOPIC-SECRET never closed.'], ['One word each.', 'One word each.\n\n:::facilitator\nCHECKOUT-SECRET closed.\n:::']]},
  {name: 'misspelled-directive', rule: 'facilitator-directive', edits: [['  :::facilitator\n  NESTED-LIST-SECRET', '  :::facilitater\n  NESTED-LIST-SECRET']]},
  {name: 'marker-in-table', rule: 'facilitator-directive', edits: [['Who can you ask this week?', '| who | note |\n|---|---|\n| me | :::facilitator secret |']]},
  {name: 'marker-indented', rule: 'facilitator-directive', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n    :::facilitator\n    INDENTED-SECRET\n    :::']]},
  {name: 'marker-in-code', rule: 'facilitator-directive', edits: [['Who can you ask this week?', 'Who can you ask? `:::facilitator CODE-SECRET`']]},
  {name: 'pandoc-fence', rule: 'facilitator-directive', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n::: {.facilitator}\nPANDOC-SECRET\n:::']]},
  {name: 'fullwidth-fence', rule: 'facilitator-directive', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n：：：facilitator\nFULLWIDTH-SECRET\n：：：']]},
  {name: 'html-facilitator-class', rule: 'client-html', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n<div class="facilitator">\n\nHTML-SECRET\n\n</div>']]},
  {name: 'html-hidden', rule: 'client-html', edits: [['Who can you ask this week?', 'Who can you ask <span hidden>HIDDEN-SECRET</span> this week?\n\n<details><summary>More</summary>DETAILS-SECRET</details>']]},
  {name: 'lines-out-of-range', rule: 'directive-syntax', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n::lines{n=40}']]},
  {name: 'scale-malformed', rule: 'directive-syntax', edits: [['Who can you ask this week?', 'Who can you ask this week?\n\n::scale{from=0 to=20 low="none"}\n\n::scale{from=5 to=5 low="a very long label that goes on and on" high="most" size=3}\n\n::scale{choices="Yes||No" low="x"}']]},
  {name: 'text-directive', rule: 'directive-syntax', edits: [['Who can you ask this week?', 'Who can you ask this week? Note:remember one name.']]},
  {name: 'objectives-vague', rule: 'objectives-measurable', edits: [['  - Name one support person\n  - Practice asking for help', '  - Understand support']]},
  {name: 'reading-level', rule: 'handout-reading-level', edits: [['Who can you ask this week?', 'Individuals experiencing considerable psychological difficulties frequently underestimate the availability of interpersonal resources, consequently postponing communication with potentially supportive acquaintances, professional organizations, and community institutions.']]},
  {name: 'sentence-length', rule: 'sentence-length', edits: [['Who can you ask this week?', 'Who can you ask this week?\nWhen a hard day comes and you want to use, you can call a friend, a sponsor, a family member or someone from this group, and ask them to sit with you for an hour.']]},
  {name: 'sentence-length-title-objectives', rule: 'sentence-length', edits: [['title: Nested Facilitator Blocks', 'title: Asking the People Around You for Help When Cravings or Hard Feelings Come Up During Your First Few Weeks Back at Home'], ['  - Practice asking for help', '  - Practice communicating interpersonal vulnerability appropriately within established therapeutic relationships']]},
  {name: 'placeholder-template', rule: 'placeholder-text', edits: [['### Second Page\n\nA short second page', '### Handout title\n\nShort sentences, everyday words.\n\nA short second page'], ['  - Practice asking for help', '  - Practice one ...']]},
  {name: 'placeholder-gaps', rule: 'placeholder-text', edits: [['Say: "Help is a skill."', 'Say, in your own words: "..."\n\nTODO: add a story.'], ['One word each.', 'One word each.\n\n- Telehealth: ...\n- Finish the stem: "I feel ... when ..."']]},
  {name: 'misspelled-key', rule: 'frontmatter-schema', edits: [['tags: [support]', 'tags: [support]\nmaterial: []\nreveiw:\n  by: A. Clinician\n  on: 2026-01-01']]},
  {name: 'vocabulary', rule: 'handout-vocabulary', edits: [['Who can you ask this week?', 'Consider which acquaintances, relatives, or neighbors could provide assistance. Identify professionals, including physicians, pharmacists, and therapists. Document their telephone numbers. Evaluate availability during evenings and weekends. Anticipate obstacles and solutions.']]},
  {name: 'words-matter-relapse', rule: 'words-matter', edits: [['Say: "Help is a skill."', 'Say: A relapse is not a failure. She fails each time she relapses. A former addict helps.']]},
  {name: 'words-matter', rule: 'words-matter', edits: [['Who can you ask this week?', 'Every addict needs help. Ask someone, even a "junkie" word hurts.'], ['Say: "Help is a skill."', 'Say: Help any alcoholic who asks, and avoid detox talk.']]},
  {name: 'safety-missing', rule: 'safety-notes', edits: [[/NOTES-SECRET[^\n]*/, 'NOTES-SECRET Be kind.']]},
  {name: 'safety-alone-missing', rule: 'safety-notes', edits: [[/\*\*If you are facilitating alone:\*\*[^\n]*/, 'Ask a colleague to help.']]},
  {name: 'safety-preparation-missing', rule: 'safety-notes', edits: [[/### Preparation\n\n[^\n]*\n/, '### Preparation\n\nPrint the handouts.\n']]},
  {name: 'credits-malformed', rule: 'credits', edits: [['authors: [fixture]', 'authors: [fixture]\ncredits:\n  - work: https://example.org/manual\n    author: TODO\n    year: 2099\n  - work: Asking for Help Manual\n    author: A. Writer\n    note: "..."\n  - work: asking for help  manual\n    author: A. Writer']]},
  {name: 'credits-missing', rule: 'credits', edits: [['approaches: [mi]', 'approaches: [mi, dbt, craft]']]},
  {name: 'requires-unknown', rule: 'requires-exists', edits: [['tags: [support]', 'requires: [asking-for-hepl]\ntags: [support]']], others: [{id: 'asking-for-help', edits: []}]},
  {name: 'requires-cycle', rule: 'requires-acyclic', edits: [['tags: [support]', 'requires: [cycle-b]\ntags: [support]']], others: [{id: 'cycle-b', edits: [['tags: [support]', 'requires: [base]\ntags: [support]']]}]},
  {name: 'requires-later-phase', rule: 'requires-phase-order', edits: [['phase: any', 'phase: engagement'], ['tags: [support]', 'requires: [later]\ntags: [support]']], others: [{id: 'later', edits: [['phase: any', 'phase: maintenance']]}]},
  {name: 'duplicate-id', rule: 'unique-id', edits: [], others: [{id: 'base', edits: []}]},
  {name: 'broken-link', rule: 'links', edits: [['[link](https://example.org)', '[link](./missing-file.md) and [other](module:no-such-module)']]}
]
