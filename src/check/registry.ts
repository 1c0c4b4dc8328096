import type { Check } from './check.js'
import { yamlSyntax } from './checks/yaml-syntax.js'
import { yamlDuplicateKey } from './checks/yaml-duplicate-key.js'
import { ruleDocumentType } from './checks/rule-document-type.js'
import { requiredFields } from './checks/required-fields.js'
import { fieldType } from './checks/field-type.js'
import { unknownField } from './checks/unknown-field.js'
import { idPresent } from './checks/id-present.js'
import { idFormat } from './checks/id-format.js'
import { idDuplicate } from './checks/id-duplicate.js'
import { titleLength } from './checks/title-length.js'
import { statusValue } from './checks/status-value.js'
import { levelValue } from './checks/level-value.js'
import { dateFormat } from './checks/date-format.js'
import { dateOrder } from './checks/date-order.js'
import { logsourceShape } from './checks/logsource-shape.js'
import { logsourceCase } from './checks/logsource-case.js'
import { descriptionPresent } from './checks/description-present.js'
import { referencesUrl } from './checks/references-url.js'
import { relatedShape } from './checks/related-shape.js'
import { tagFormat } from './checks/tag-format.js'
import { tagDuplicate } from './checks/tag-duplicate.js'
import { tacticSpelling } from './checks/tactic-spelling.js'
import { attackUnknown } from './checks/attack-unknown.js'
import { attackRevoked } from './checks/attack-revoked.js'
import { attackTacticMissing } from './checks/attack-tactic-missing.js'
import { detectionCondition } from './checks/detection-condition.js'
import { conditionSyntax } from './checks/condition-syntax.js'
import { conditionUnknownSelection } from './checks/condition-unknown-selection.js'
import { selectionUnused } from './checks/selection-unused.js'
import { selectionEmpty } from './checks/selection-empty.js'
import { selectionValueType } from './checks/selection-value-type.js'
import { selectionAlwaysTrue } from './checks/selection-always-true.js'
import { modifierUnknown } from './checks/modifier-unknown.js'
import { modifierMisplaced } from './checks/modifier-misplaced.js'
import { regexInvalid } from './checks/regex-invalid.js'
import { timeframeFormat } from './checks/timeframe-format.js'
import { cardNameCollision } from './checks/card-name-collision.js'
import { dataNeededNone } from './checks/data-needed-none.js'
import { triggerMissing } from './checks/trigger-missing.js'
import { enrichmentUnknown } from './checks/enrichment-unknown.js'
import { dataFields } from './checks/data-fields.js'
import { dataTitleDuplicate } from './checks/data-title-duplicate.js'
import { dataTitleFilename } from './checks/data-title-filename.js'
import { loggingPolicyMissing } from './checks/logging-policy-missing.js'
import { enrichmentDataNeeded } from './checks/enrichment-data-needed.js'
import { enrichmentRequirements } from './checks/enrichment-requirements.js'
import { atomicsTechnique } from './checks/atomics-technique.js'
import { atomicsExecutor } from './checks/atomics-executor.js'
import { atomicsPlatform } from './checks/atomics-platform.js'
import { atomicsArgumentType } from './checks/atomics-argument-type.js'
import { atomicsUndeclaredArgument } from './checks/atomics-undeclared-argument.js'
import { atomicsUnusedArgument } from './checks/atomics-unused-argument.js'
import { atomicsGuid } from './checks/atomics-guid.js'

/** Every check, in the order \`check --list\` shows them; ids are stable. */
export const CHECKS: readonly Check[] = [
  yamlSyntax,
  yamlDuplicateKey,
  ruleDocumentType,
  requiredFields,
  fieldType,
  unknownField,
  idPresent,
  idFormat,
  idDuplicate,
  titleLength,
  statusValue,
  levelValue,
  dateFormat,
  dateOrder,
  logsourceShape,
  logsourceCase,
  descriptionPresent,
  referencesUrl,
  relatedShape,
  tagFormat,
  tagDuplicate,
  tacticSpelling,
  attackUnknown,
  attackRevoked,
  attackTacticMissing,
  detectionCondition,
  conditionSyntax,
  conditionUnknownSelection,
  selectionUnused,
  selectionEmpty,
  selectionValueType,
  selectionAlwaysTrue,
  modifierUnknown,
  modifierMisplaced,
  regexInvalid,
  timeframeFormat,
  cardNameCollision,
  dataNeededNone,
  triggerMissing,
  enrichmentUnknown,
  dataFields,
  dataTitleDuplicate,
  dataTitleFilename,
  loggingPolicyMissing,
  enrichmentDataNeeded,
  enrichmentRequirements,
  atomicsTechnique,
  atomicsExecutor,
  atomicsPlatform,
  atomicsArgumentType,
  atomicsUndeclaredArgument,
  atomicsUnusedArgument,
  atomicsGuid,
]

/** The checks by id. */
export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(CHECKS.map((c) => [c.id, c]))
