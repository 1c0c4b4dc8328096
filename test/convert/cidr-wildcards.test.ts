import { describe, expect, it } from 'vitest'
import { cidrWildcards } from '../../src/convert/cidr-wildcards.js'

describe('cidrWildcards', () => {
  it('IPv4 networks on and off octet boundaries', () => {
    expect(cidrWildcards('10.0.0.0/8')).toEqual(['10.*'])
    expect(cidrWildcards('192.168.1.0/24')).toEqual(['192.168.1.*'])
    expect(cidrWildcards('172.16.0.0/12')).toHaveLength(16)
    expect(cidrWildcards('172.16.0.0/12')![15]).toBe('172.31.*')
    expect(cidrWildcards('10.1.2.3/32')).toEqual(['10.1.2.3'])
    expect(cidrWildcards('10.1.2.8/30')).toEqual(['10.1.2.8', '10.1.2.9', '10.1.2.10', '10.1.2.11'])
    expect(cidrWildcards('0.0.0.0/0')).toEqual(['*'])
  })

  it('IPv6 networks in their usual text form', () => {
    expect(cidrWildcards('::1/128')).toEqual(['::1'])
    expect(cidrWildcards('fe80::/10')).toEqual(['fe8?:*', 'fe9?:*', 'fea?:*', 'feb?:*'])
    expect(cidrWildcards('fc00::/7')).toEqual(['fc??:*', 'fd??:*'])
    expect(cidrWildcards('2001:db8::/32')).toEqual(['2001:db8:*'])
    expect(cidrWildcards('2001:0:0::/48')).toBeNull()
  })

  it('rejects nonsense', () => {
    expect(cidrWildcards('300.0.0.0/8')).toBeNull()
    expect(cidrWildcards('10.0.0.0')).toBeNull()
  })
})

describe('cidrWildcards, partly known IPv6 groups', () => {
  it('uses ? for unknown digits and covers the compressed form', () => {
    expect(cidrWildcards('2603:1006::/40')).toEqual(['2603:1006:?:*', '2603:1006:??:*', '2603:1006::*'])
    expect(cidrWildcards('2001:db8:d00::/40')).toEqual(['2001:db8:d??:*'])
  })
})
