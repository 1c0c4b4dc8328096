import { basename } from 'node:path'

export function fileStem(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '')
}
