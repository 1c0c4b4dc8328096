import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atValue } from '../locate.js'
import { itemValues, ownDetectionItems } from '../rule-detections.js'

const describe = (v: unknown) => (Array.isArray(v) ? 'a list' : isMap(v) ? 'a map' : v instanceof Date ? 'a date' : `a ${typeof v}`)
const isPlain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)

export const selectionValueType = ruleCheck(
  { id: 'selection-value-type', severity: 'error', description: 'the values of a field are plain values or a list of them (no maps or lists inside); keywords are strings or numbers' },
  (rule) => {
    const out: Finding[] = []
    for (const { selection, item } of ownDetectionItems(rule)) {
      if (item.field === undefined) {
        if (!isPlain(item.value) || typeof item.value === 'boolean') out.push(atValue(rule, item.path, `keyword in selection '${selection.name}' is ${describe(item.value)}, expected a string or a number`, selection.doc))
        continue
      }
      itemValues(item).forEach((value, i) => {
        if (isPlain(value)) return
        const path = Array.isArray(item.value) ? [...item.path, i] : item.path
        out.push(atValue(rule, path, `value of '${item.key}' in selection '${selection.name}' is ${describe(value)}, expected a string, number, boolean or null`, selection.doc))
      })
    }
    return out
  },
)
