import type { DataSource } from '../model.js'

/**
 * Input of the Data Needed, Logging Policy and Enrichment card renderers. atc-data links to other
 * documents by title without checking that they exist, so the cross-inputs do not change a card;
 * they are accepted so every card renderer can be called the same way.
 */
export interface AtcDataCardInput {
  source: DataSource
  dataNeeded?: readonly DataSource[]
  loggingPolicies?: readonly DataSource[]
  enrichments?: readonly DataSource[]
}
