import type { TextBackend } from '../text-backend.js'
import { elasticEscaper } from './elastic-escape.js'
import { elasticQuerystring } from './es-qs.js'

// Like Elasticsearch query strings, but `=` stays unescaped and list items are separated by spaces.
const GRAYLOG_ESCAPE = elasticEscaper('+-!(){}[]^"~:/')

export const graylogBackend: TextBackend = elasticQuerystring('graylog', GRAYLOG_ESCAPE, ' ')
