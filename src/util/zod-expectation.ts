/**
 * Plain-words expectations from zod issue messages, shared by every schema
 * error the toolkit reports (frontmatter, program files, config).
 */

/**
 * Turn a zod issue message ("Invalid input: expected string, received
 * number") into the "expected ..." half of our messages ("a string").
 *
 * @param message A zod issue message.
 * @returns What was expected, in plain words.
 */
export function expectation(message: string): string {
  const expected = /expected (\w+)/.exec(message)
  if (/^Invalid input: expected/.test(message) && expected) {
    const type = expected[1]
    return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : `a ${type}`
  }
  const options = /Invalid option: expected one of (.*)$/.exec(message)
  if (options) return `one of ${options[1].replaceAll('"', '`').replaceAll('|', ', ')}`
  const small = /Too small: expected (\w+) to have >=?(\d+) (\w+)/.exec(message)
  if (small) return `at least ${small[2]} ${small[3]}`
  const big = /Too big: expected (\w+) to have <=?(\d+) (\w+)/.exec(message)
  if (big) return `at most ${big[2]} ${big[3]}`
  const number = /Too (small|big): expected number to be ([<>]=?)(\d+)/.exec(message)
  if (number) return `a number ${number[2]} ${number[3]}`
  return message.replace(/^Invalid input: /, '')
}

