/**
 * `client-html`: raw HTML in a handout does not hide text or name the
 * facilitator class. A client-safety rule: the guard in module/facilitator.ts
 * decides, this rule reports, and config cannot set it below `error`.
 */
import {clientSafetyProblems} from '../../module/facilitator.js'
import type {ModuleRule} from '../rule.js'

export const clientHtml: ModuleRule = {
  id: 'client-html',
  scope: 'module',
  severity: 'error',
  clientSafety: true,
  description: 'Raw HTML in handouts neither hides text nor uses the facilitator class',
  check({module, report}) {
    for (const problem of clientSafetyProblems(module)) {
      if (problem.ruleId === 'client-html') report(problem.reason, problem.place)
    }
  }
}
