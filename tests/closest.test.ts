/** Suggestions only within a sensible edit distance. */
import {describe, expect, it} from 'vitest'
import {closest, nearest, suchAs} from '../src/util/closest.js'

const groups = ['support', 'family', 'aftercare', 'relapse-prevention', 'psychoeducation']

describe('closest', () => {
  it('suggests near names, nearest first, and nothing for a far-off one', () => {
    expect(closest('suport', groups)).toEqual(['support'])
    expect(closest('relapse-prevension', groups)).toEqual(['relapse-prevention'])
    expect(closest('relapse', groups)).toEqual(['relapse-prevention'])
    expect(closest('no-such-module', groups)).toEqual([])
    expect(closest('x', groups)).toEqual([])
    expect(suchAs('suport', groups)).toBe(' such as `support`')
    expect(suchAs('zzzz', groups)).toBe('')
  })

  it('nearest: one likely typo, or none', () => {
    expect(nearest('objectves', ['objectives', 'tags'])).toBe('objectives')
    expect(nearest('duration', ['minutes', 'materials'])).toBeUndefined()
  })
})
