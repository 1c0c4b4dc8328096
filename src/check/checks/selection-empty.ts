import type { Finding } from '../check.js'
import { ruleCheck } from '../define-check.js'
import { isMap } from '../is-map.js'
import { atKey, atValue } from '../locate.js'
import { detectionItems, ruleDetections } from '../rule-detections.js'

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0)

export const selectionEmpty = ruleCheck(
  { id: 'selection-empty', severity: 'error', description: 'no selection is empty, and no field is given an empty list of values (both match nothing or fail to convert)' },
  (rule) => {
    const out: Finding[] = []
    for (const detection of ruleDetections(rule)) {
      for (const selection of detection.selections) {
        if (selection.doc !== detection.doc) continue
        if (isEmpty(selection.value)) {
          out.push(atKey(rule, ['detection', selection.name], `selection '${selection.name}' is empty, expected field: value pairs or a list of keywords`, selection.doc))
          continue
        }
        for (const item of detectionItems(selection)) {
          if (item.field !== undefined && Array.isArray(item.value) && item.value.length === 0) {
            out.push(atValue(rule, item.path, `field '${item.key}' of selection '${selection.name}' has an empty list of values, expected at least one value (or null to match an empty field)`, selection.doc))
          } else if (item.field === undefined && isMap(item.value) && Object.keys(item.value).length === 0) {
            out.push(atValue(rule, item.path, `selection '${selection.name}' holds an empty map, expected field: value pairs`, selection.doc))
          }
        }
      }
    }
    return out
  },
)
