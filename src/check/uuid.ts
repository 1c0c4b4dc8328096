export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What is wrong with an id that should be a UUID, or undefined when it is one (in lower case, as Sigma writes them). */
export function uuidProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${value === null ? 'empty' : `a ${Array.isArray(value) ? 'list' : typeof value}`}, expected a UUID such as 0f06a3a5-6a09-413f-8743-e6cf35561297`
  if (!UUID.test(value)) return `'${value}' is not a UUID, expected 8-4-4-4-12 hexadecimal digits such as 0f06a3a5-6a09-413f-8743-e6cf35561297`
  if (value !== value.toLowerCase()) return `'${value}' is written in upper case, expected lower-case hexadecimal digits`
  return undefined
}
