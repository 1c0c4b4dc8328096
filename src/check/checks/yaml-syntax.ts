import { fileCheck } from '../define-check.js'

export const yamlSyntax = fileCheck(
  { id: 'yaml-syntax', severity: 'error', description: 'the file is valid YAML (the build leaves out a file that is not)' },
  (file) => file.syntaxErrors.map((d) => ({ path: file.path, line: d.line, col: d.col, message: d.message })),
)
