import type { BackendName } from '../../model.js'
import type { TextBackend } from '../text-backend.js'
import { esQsBackend } from './es-qs.js'
import { graylogBackend } from './graylog.js'
import { grepBackend } from './grep.js'
import { powershellBackend } from './powershell.js'
import { logpointBackend } from './logpoint.js'
import { splunkBackend } from './splunk.js'
import { xpackWatcherBackend } from './xpack-watcher.js'

export const BACKEND_TABLE: Readonly<Record<BackendName, TextBackend>> = {
  powershell: powershellBackend,
  'es-qs': esQsBackend,
  graylog: graylogBackend,
  'xpack-watcher': xpackWatcherBackend,
  splunk: splunkBackend,
  logpoint: logpointBackend,
  grep: grepBackend,
}

/** The bundled configuration each backend used for the wiki (graylog and grep ran without one). */
export const DEFAULT_CONFIG_OF: Readonly<Record<BackendName, string | null>> = {
  powershell: 'powershell',
  'es-qs': 'winlogbeat',
  'xpack-watcher': 'winlogbeat',
  graylog: null,
  splunk: 'splunk-windows',
  logpoint: 'logpoint-windows',
  grep: null,
}
