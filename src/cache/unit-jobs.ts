import { loadCatalogue, type AttackCatalogue } from '../attack/index.js'
import type { BuildConfig } from '../config.js'
import { ruleConverter } from '../convert-all.js'
import type { DataSource } from '../model.js'
import { atomicsUnit, ruleUnit, type AtomicsUnit, type RuleContext, type RuleUnit } from './work-units.js'

/** One rule or trigger file to carry through its per-file steps, on any thread. */
export type UnitJob = { kind: 'rule'; key: string; path: string; text: string } | { kind: 'atomics'; key: string; path: string; techniqueId: string; text: string }

/** What a thread needs to compute jobs: plain data, so it can be posted to a worker. */
export interface JobSetup {
  /** Omitted: the bundled catalogue (each thread loads it itself). */
  catalogue?: AttackCatalogue
  dataNeeded: DataSource[]
  enrichments: DataSource[]
  triggerFolders: string[]
  converterConfigs: BuildConfig['converterConfigs']
}

export function jobRunner(setup: JobSetup): (job: UnitJob) => RuleUnit | AtomicsUnit {
  const catalogue = setup.catalogue ?? loadCatalogue()
  let context: RuleContext | undefined
  return (job) => {
    if (job.kind === 'atomics') return atomicsUnit(job.path, job.techniqueId, job.text, catalogue)
    context ??= { catalogue, dataNeeded: setup.dataNeeded, enrichments: setup.enrichments, triggerFolders: new Set(setup.triggerFolders), convert: ruleConverter({ converterConfigs: setup.converterConfigs }) }
    return ruleUnit(job.path, job.text, context)
  }
}
