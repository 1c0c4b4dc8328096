import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hashOf } from '../../src/cache/hash.js'
import { listInputs } from '../../src/cache/list-inputs.js'
import { quickKey } from '../../src/cache/build-state.js'
import { forgetReadTexts, knownInputsOf, readInputs } from '../../src/cache/read-inputs.js'
import { ageFiles, exampleCopy, firstFile } from './example-copy.js'

/** Lists the inputs as the up-to-date check does (which takes their stats), and reads them. */
function listAndRead(config: ReturnType<typeof exampleCopy>['config'], known?: Parameters<typeof readInputs>[2]) {
  const listed = listInputs(config)
  const quick = quickKey(config, 'tool', '', listed)!
  return { listed, quick, read: readInputs(config, listed, known) }
}

/** A copy of the example content built once (what a first build records), and its first rule file. */
function afterFirstBuild() {
  const { dir, config } = exampleCopy()
  ageFiles(dir)
  const first = listAndRead(config)
  const known = knownInputsOf(first.read, first.listed.stats, first.quick.racy)
  return { dir, config, known, rule: firstFile(join(dir, 'rules'), '.yml') }
}

const inputOf = (read: ReturnType<typeof readInputs>, path: string) => read.texts[read.files.findIndex((file) => file.path === path)]!

describe('readInputs', () => {
  it('leaves a rule the last build read unread while its stamp holds, and reads it when asked', () => {
    const { dir, config, known, rule } = afterFirstBuild()
    expect(known.get(rule)?.hash).toBe(hashOf(readFileSync(rule, 'utf8')))

    // A new process: nothing read yet but what the last build recorded.
    forgetReadTexts()
    const second = listAndRead(config, known)
    const input = inputOf(second.read, rule)
    expect(input.hash).toBe(known.get(rule)!.hash)
    // Not read by readInputs: the text asked for now is the file as it is now.
    const original = readFileSync(rule, 'utf8')
    writeFileSync(rule, `${original}# changed after the listing\n`)
    expect(input.text()).toBe(`${original}# changed after the listing\n`)
    // The atc-data is read every time (every rule's key covers it): its text is the file as listed.
    const dn = firstFile(join(dir, 'data_needed'), '.yml')
    const dnInput = inputOf(second.read, dn)
    const dnText = readFileSync(dn, 'utf8')
    writeFileSync(dn, `${dnText}# changed after the listing\n`)
    expect(dnInput.text()).toBe(dnText)
  })

  it('reads a file whose stamp changed, and gives the hash of what it holds now', () => {
    const { dir, config, known, rule } = afterFirstBuild()
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}# edited\n`)
    ageFiles(dir)
    const second = listAndRead(config, known)
    const input = inputOf(second.read, rule)
    expect(input.hash).toBe(hashOf(readFileSync(rule, 'utf8')))
    expect(input.hash).not.toBe(known.get(rule)!.hash)
  })

  it('records no input changed too recently for its stamp to be trusted', () => {
    const { dir, config } = exampleCopy()
    ageFiles(dir)
    const rule = firstFile(join(dir, 'rules'), '.yml')
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}# just now\n`)
    const { listed, quick, read } = listAndRead(config)
    expect(quick.racy).toEqual([rule])
    const known = knownInputsOf(read, listed.stats, quick.racy)
    expect(known.has(rule)).toBe(false)
    expect(known.size).toBe(read.files.length - 1)
  })
})
