import { enumValueCheck } from '../enum-value-check.js'

export const levelValue = enumValueCheck('level-value', 'level', ['informational', 'low', 'medium', 'high', 'critical'], 'the level is one of')
