/** The type each top-level Sigma rule field must have; anything else is an unknown field. */
export type FieldKind = 'string' | 'string-list' | 'map' | 'list' | 'scalar' | 'any'

export const RULE_FIELDS: Readonly<Record<string, FieldKind>> = {
  title: 'string',
  id: 'string',
  name: 'string',
  related: 'list',
  taxonomy: 'string',
  status: 'string',
  description: 'string',
  license: 'string',
  author: 'string',
  references: 'string-list',
  date: 'scalar',
  modified: 'scalar',
  logsource: 'map',
  detection: 'map',
  fields: 'string-list',
  falsepositives: 'string-list',
  level: 'string',
  tags: 'string-list',
  scope: 'string-list',
  action: 'string',
  correlation: 'map',
  filter: 'map',
  generate: 'scalar',
  regression_tests_path: 'string',
  simulation: 'any',
  // Fields ATC itself reads beside Sigma's own.
  enrichment: 'string-list',
}

export const REQUIRED_RULE_FIELDS = ['title', 'id', 'detection'] as const
