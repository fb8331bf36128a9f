/**
 * Browser helpers for the site tests: Content-Security-Policy violations
 * collected from every page, axe-core's serious and critical findings, and
 * the elements the Tab key reaches.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Browser, Page} from 'puppeteer-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * A page that records every CSP violation (and page error) into `violations`.
 *
 * @param browser The browser.
 * @param violations Where to record them.
 * @returns The page.
 */
export async function watchedPage(browser: Browser, violations: string[]): Promise<Page> {
  const page = await browser.newPage()
  // Injected by the test through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluateOnNewDocument(`document.addEventListener('securitypolicyviolation', (event) => {
    console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI + ' in ' + event.documentURI)
  })`)
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation') || /Content Security Policy/.test(message.text())) violations.push(message.text())
  })
  page.on('pageerror', (error) => violations.push(`page error: ${(error as Error).message}`))
  return page
}

/**
 * axe-core's serious and critical violations on a URL.
 *
 * @param browser The browser.
 * @param url The page.
 * @returns One line per violation.
 */
export async function axeFindings(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage()
  try {
    // Only this page lifts the CSP, to run axe; the CSP checks use their own pages.
    await page.setBypassCSP(true)
    await page.goto(url, {waitUntil: 'load'})
    await page.addScriptTag({content: axeSource})
    const result = (await page.evaluate(`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})`)) as {violations: Array<{id: string; impact: string | null; help: string; nodes: unknown[]}>}
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`)
  } finally {
    await page.close()
  }
}

/**
 * Press Tab through a page and compare with what can take focus.
 *
 * @param page A loaded page.
 * @returns The elements Tab reached (in order) and the visible focusable ones it missed.
 */
export async function tabThrough(page: Page): Promise<{reached: string[]; missed: string[]}> {
  // Each element that can take focus gets a number, so two links with the same text stay apart.
  const focusable = (await page.evaluate(`[...document.querySelectorAll('a[href], input, select, button, textarea, iframe, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden]') && !el.disabled)
    .map((el, i) => { el.dataset.tabCheck = String(i); return i + ' ' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.id || '') })`)) as string[]
  const reached: string[] = []
  await page.evaluate('document.activeElement && document.activeElement.blur()')
  for (let i = 0; i < focusable.length + 5; i++) {
    await page.keyboard.press('Tab')
    const here = (await page.evaluate(`(() => { const el = document.activeElement; return el && el.dataset && el.dataset.tabCheck !== undefined ? el.dataset.tabCheck + ' ' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.id || '') : 'outside' })()`)) as string
    if (here === 'outside' || reached.includes(here)) break
    reached.push(here)
  }
  return {reached, missed: focusable.filter((item) => !reached.includes(item))}
}
