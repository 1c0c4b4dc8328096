/**
 * Wildcard patterns that match the text of every address in a CIDR network, for query languages with
 * no network operator: `10.0.0.0/8` → `10.*`, `172.16.0.0/12` → `172.16.*` … `172.31.*`,
 * `fe80::/10` → `fe8?:*` … `feb?:*`. IPv6 patterns assume the usual lower-case, zero-compressed spelling;
 * networks whose text cannot be matched that way return null.
 */
export function cidrWildcards(network: string): string[] | null {
  const [address, bitsText] = network.split('/')
  const bits = Number(bitsText)
  if (!address || !Number.isInteger(bits)) return null
  return address.includes(':') ? ipv6Wildcards(address, bits) : ipv4Wildcards(address, bits)
}

function ipv4Wildcards(address: string, bits: number): string[] | null {
  const octets = address.split('.').map(Number)
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || bits < 0 || bits > 32) return null
  if (bits === 32) return [octets.join('.')]
  const whole = Math.floor(bits / 8)
  const rest = bits % 8
  const prefix = octets.slice(0, whole).join('.')
  const lead = whole > 0 ? prefix + '.' : ''
  if (rest === 0) return [whole === 0 ? '*' : prefix + '.*']
  const size = 2 ** (8 - rest)
  const first = octets[whole]! & (256 - size)
  const out: string[] = []
  for (let v = first; v < first + size; v++) out.push(whole === 3 ? lead + v : `${lead}${v}.*`)
  return out
}

function expandIpv6(address: string): string | null {
  const halves = address.toLowerCase().split('::')
  if (halves.length > 2) return null
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'))
  const head = groups(halves[0]!)
  const tail = halves.length === 2 ? groups(halves[1]!) : []
  const missing = 8 - head.length - tail.length
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null
  const all = [...head, ...Array(missing).fill('0'), ...tail]
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  return all.map((g) => g.padStart(4, '0')).join('')
}

function ipv6Wildcards(address: string, bits: number): string[] | null {
  const hex = expandIpv6(address)
  if (hex === null || bits < 0 || bits > 128) return null
  if (bits === 128) return [compress(hex)]
  if (bits % 4 !== 0 && bits > 0) {
    // Split into the nibble-aligned sub-networks one level down.
    const nibble = Math.floor(bits / 4)
    const rest = bits % 4
    const size = 2 ** (4 - rest)
    const first = Number.parseInt(hex[nibble]!, 16) & (16 - size)
    const out: string[] = []
    for (let v = first; v < first + size; v++) {
      const sub = ipv6Wildcards(addressOf(hex.slice(0, nibble) + v.toString(16) + hex.slice(nibble + 1)), bits - rest + 4)
      if (!sub) return null
      out.push(...sub)
    }
    return out
  }
  const nibbles = bits / 4
  if (nibbles === 0) return ['*']
  const groups: string[] = []
  for (let i = 0; i < nibbles; i += 4) groups.push(hex.slice(i, Math.min(i + 4, nibbles)))
  const last = groups[groups.length - 1]!
  const partial = last.length < 4
  const complete = partial ? groups.slice(0, -1) : groups
  // A whole zero group may be compressed away (`::`): a prefix pattern cannot follow that.
  if (complete.some((g) => /^0+$/.test(g))) return null
  const head = complete.map((g) => g.replace(/^0+(?=.)/, ''))
  if (!partial) return [head.join(':') + ':*']
  // A partly known group loses its leading zeros in text: `?` stands for each unknown digit.
  const lead = head.length > 0 ? head.join(':') + ':' : ''
  const unknown = 4 - last.length
  const tail = groups.length < 8 ? ':*' : ''
  const known = last.replace(/^0+/, '')
  if (known !== '') return [lead + known + '?'.repeat(unknown) + tail]
  const out: string[] = []
  for (let n = 1; n <= unknown; n++) out.push(lead + '?'.repeat(n) + tail)
  if (head.length > 0) out.push(head.join(':') + '::*')
  return out
}

function addressOf(hex: string): string {
  const groups: string[] = []
  for (let i = 0; i < 32; i += 4) groups.push(hex.slice(i, i + 4))
  return groups.join(':')
}

/** RFC 5952 text of a full 32-nibble address. */
function compress(hex: string): string {
  const groups: string[] = []
  for (let i = 0; i < 32; i += 4) groups.push(hex.slice(i, i + 4).replace(/^0+(?=.)/, ''))
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === '0') j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j
  }
  if (best < 0) return groups.join(':')
  return groups.slice(0, best).join(':') + '::' + groups.slice(best + bestLen).join(':')
}
