/** Schemas written for editors: every field of both JSON Schemas has a description. */
import {describe, expect, it} from 'vitest'
import {moduleJsonSchema} from '../src/module/frontmatter-schema.js'
import {programJsonSchema} from '../src/schedule/program-schema.js'

type Schema = {properties?: Record<string, Schema>; items?: Schema | Schema[]; prefixItems?: Schema[]; anyOf?: Schema[]; description?: string}

function undescribed(schema: Schema, at: string): string[] {
  const missing: string[] = []
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    if (!value.description) missing.push(`${at}.${key}`)
    missing.push(...undescribed(value, `${at}.${key}`))
  }
  for (const child of [schema.items, schema.prefixItems, schema.anyOf].flat()) if (child) missing.push(...undescribed(child, `${at}[]`))
  return missing
}

describe('JSON Schemas', () => {
  it('describe every field of module frontmatter and program files', () => {
    expect(undescribed(moduleJsonSchema() as Schema, 'module')).toEqual([])
    expect(undescribed(programJsonSchema() as Schema, 'program')).toEqual([])
    expect(Object.keys((moduleJsonSchema() as Schema).properties!).length).toBeGreaterThan(10)
    expect(Object.keys((programJsonSchema() as Schema).properties!).length).toBeGreaterThan(5)
  })
})
