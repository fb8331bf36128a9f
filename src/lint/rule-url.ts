/** Where each rule is documented: messages carry this link (vfile `url`). */

/** The rules page, as published with the package's repository. */
export const rulesDocsUrl = 'https://github.com/iop-curriculum/iop-curriculum/blob/main/docs/rules.md'

/**
 * The documentation link of one rule.
 *
 * @param id A rule id.
 * @returns The URL of its section in docs/rules.md.
 */
export function ruleUrl(id: string): string {
  return `${rulesDocsUrl}#${id}`
}
