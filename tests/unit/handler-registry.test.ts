import { describe, expect, it } from 'vitest'
import { methods, type MethodName } from '../../preload/api'
import { registerHandlers, type FeatureHandlers } from '../../main/core/api/handler-registry'

const stub = () => {
  throw new Error('not called')
}
/** One handler for every method of the contract, split over two features. */
function everyMethod(): { first: FeatureHandlers; second: FeatureHandlers } {
  const names = Object.keys(methods) as MethodName[]
  const half = Math.floor(names.length / 2)
  const of = (part: MethodName[]) => Object.fromEntries(part.map((name) => [name, stub])) as FeatureHandlers
  return { first: of(names.slice(0, half)), second: of(names.slice(half)) }
}

describe('the handler registry', () => {
  it('joins features that together implement the contract exactly', () => {
    const { first, second } = everyMethod()
    expect(Object.keys(registerHandlers({ first, second })).sort()).toEqual(Object.keys(methods).sort())
  })

  it('refuses a method two features both handle, naming both', () => {
    const { first, second } = everyMethod()
    expect(() => registerHandlers({ first, second, again: { 'cases.create': stub } })).toThrow(
      /cases\.create is handled by both (first|second) and again/
    )
  })

  it('refuses a handler for a method the contract does not have, and a contract method with none', () => {
    const { first, second } = everyMethod()
    expect(() => registerHandlers({ first, second, extra: { 'cases.purge': stub } as FeatureHandlers })).toThrow(
      /extra handles cases\.purge, which the contract/
    )
    const { 'station.info': _dropped, ...withoutInfo } = { ...first, ...second }
    expect(() => registerHandlers({ all: withoutInfo })).toThrow(/no feature handles station\.info/)
  })
})
