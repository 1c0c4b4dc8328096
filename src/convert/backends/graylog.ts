import type { TextBackend } from '../text-backend.js'
import { elasticQuerystring } from './es-qs.js'

// Like Elasticsearch query strings, but `=` stays unescaped and list items are separated by spaces.
const GRAYLOG_ESCAPE = /([\s+\-!(){}[\]^"~:/]|(?<!\\)\\(?![*?\\])|\\u|&&|\|\|)/g

export const graylogBackend: TextBackend = elasticQuerystring('graylog', GRAYLOG_ESCAPE, ' ')
