const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g
const MAX_BYTES = 200

/**
 * Turns a title into one path segment that cannot leave its folder: separators, control and
 * Windows-reserved characters become `_`, dot-only names are prefixed, length is capped.
 */
export function safeFileName(name: string): string {
  let safe = name.replace(UNSAFE, '_')
  if (safe === '' || /^\.+$/.test(safe) || safe.startsWith('.')) safe = `_${safe}`
  while (Buffer.byteLength(safe) > MAX_BYTES) safe = safe.slice(0, -1)
  return safe
}
