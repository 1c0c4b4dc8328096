import { basename, dirname } from 'node:path'
import { dataCheck } from '../define-check.js'
import { atDocument, atValue } from '../locate.js'

const TECHNIQUE_FOLDER = /^T\d{4}(?:\.\d{3})?$/

export const atomicsTechnique = dataCheck(
  { id: 'atomics-technique', severity: 'error', description: "an atomics file's attack_technique is the technique its folder is named after (triggers are found by folder)" },
  'atomics',
  (file) => {
    const folder = basename(dirname(file.path))
    const value = file.doc.attack_technique
    if (value === undefined || value === null) return [atDocument(file, `atomics file has no attack_technique, expected ${TECHNIQUE_FOLDER.test(folder) ? folder : 'a technique id such as T1059.001'}`)]
    if (TECHNIQUE_FOLDER.test(folder) && value !== folder) return [atValue(file, ['attack_technique'], `attack_technique '${String(value)}' differs from the folder name ${folder}, expected ${folder}`)]
    if (!TECHNIQUE_FOLDER.test(String(value))) return [atValue(file, ['attack_technique'], `attack_technique '${String(value)}' is not a technique id, expected e.g. T1059.001`)]
    return []
  },
)
