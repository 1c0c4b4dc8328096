import { isPyMap, pyTruthy, type PyMap } from './py-semantics.js'

/**
 * ATC's Sigma → Data Needed vocabulary. One table for keys and values alike, as in ATC
 * (`product` → `platform`, `service` → `channel`, `windows` → `Windows`, …).
 */
const TRANSLATION: Readonly<Record<string, string>> = {
  product: 'platform',
  service: 'channel',
  windows: 'Windows',
  linux: 'Unix',
  sysmon: 'Microsoft-Windows-Sysmon/Operational',
  security: 'Security',
  system: 'System',
  sql: 'SQL',
  django: 'Django',
  python: 'Python',
  vsftpd: 'vsftpd.log',
  clamav: 'ClamAV',
  auth: 'auth.log',
  sshd: 'auth.log',
  firewall: 'Firewall',
  ruby_on_rails: 'Ruby on Rails',
  spring: 'Spring',
  dns: 'DNS',
  'dns-server': 'DNS Server',
  taskscheduler: 'Microsoft-Windows-TaskScheduler/Operational',
  wmi: 'Microsoft-Windows-WMI-Activity/Operational',
  'driver-framework': 'Microsoft-Windows-DriverFrameworks-UserMode/Operational',
  dhcp: 'Microsoft-Windows-DHCP-Server/Operational',
  powershell: 'Microsoft-Windows-PowerShell/Operational',
  'powershell-classic': 'Windows PowerShell',
  ntlm: 'Microsoft-Windows-NTLM/Operational',
  'dns-server-audit': 'Microsoft-Windows-DNS-Server/Audit',
  proxy: 'Proxy',
  apache: 'Apache',
  webserver: 'Web Server',
}

const LOGSOURCE_KEYS = ['category', 'product', 'service'] as const

/** A document's logsource in Data Needed terms (`category`, `platform`, `channel`), or null when it has none. */
export type Logsource = Map<string, unknown>

/**
 * The document's `category`, `product`, `service` that are set (Python-truthy), translated.
 * Null when the document has no `logsource` key.
 */
export function documentLogsource(doc: PyMap): Logsource | null {
  if (!('logsource' in doc)) return null
  const raw = doc.logsource
  const out: Logsource = new Map()
  if (!isPyMap(raw)) return out
  for (const key of LOGSOURCE_KEYS) {
    const value = raw[key]
    if (pyTruthy(value)) out.set(translate(key), typeof value === 'string' ? translate(value) : value)
  }
  return out
}

function translate(word: string): string {
  return Object.hasOwn(TRANSLATION, word) ? TRANSLATION[word]! : word
}
