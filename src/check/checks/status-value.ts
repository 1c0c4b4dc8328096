import { enumValueCheck } from '../enum-value-check.js'

export const statusValue = enumValueCheck('status-value', 'status', ['stable', 'test', 'experimental', 'deprecated', 'unsupported'], 'the status is one of')
