import type { AtomicsSource, DataSource, LinkedRule } from '../model.js'

/** What the cross-links and the site are built from: the linked, converted rules and the ATC inputs. */
export interface WikiModel {
  rules: LinkedRule[]
  dataNeeded: DataSource[]
  loggingPolicies: DataSource[]
  enrichments: DataSource[]
  atomics: AtomicsSource[]
}
