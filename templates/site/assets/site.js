/* Analytics Wiki client: search, rule index filters and sorting, copy buttons, small navigation helpers.
 * Plain ES2017, no dependencies, no requests to other hosts. Page text is only ever set with
 * textContent: titles and descriptions come from rules and are data, not markup. */
(function () {
  'use strict'

  var root = document.documentElement.getAttribute('data-root') || ''

  function el(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }

  function pageUrl(dir, name) {
    return root + dir + '/' + encodeURIComponent(name) + '.html'
  }

  /* ---------- Navigation toggle (phones) ---------- */
  var toggle = document.querySelector('.nav-toggle')
  if (toggle) {
    toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open')
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false')
    })
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
        document.body.classList.remove('nav-open')
        toggle.setAttribute('aria-expanded', 'false')
      }
    })
  }

  /* ---------- Search ---------- */
  var input = document.getElementById('search')
  var list = document.getElementById('search-results')
  var index = null
  var loading = null
  var active = -1
  var shown = []

  function loadIndex() {
    if (!loading) {
      loading = fetch(root + 'assets/search-index.json')
        .then(function (r) {
          if (!r.ok) throw new Error('search index: HTTP ' + r.status)
          return r.json()
        })
        .then(function (data) {
          index = data.docs.map(function (d) {
            var kind = data.kinds[d[0]] || { label: d[0], dir: '' }
            return {
              kind: kind.label, url: pageUrl(kind.dir, d[1]), title: d[2], id: d[3], text: d[4], attack: d[5], level: d[6],
              titleLc: d[2].toLowerCase(), idLc: (d[3] + ' ' + d[5]).toLowerCase(), textLc: d[4].toLowerCase(),
            }
          })
          return index
        })
    }
    return loading
  }

  function score(doc, terms, whole) {
    var total = 0
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i]
      var s = 0
      if (doc.titleLc.indexOf(t) === 0) s = 12
      else if (doc.titleLc.indexOf(t) > 0) s = doc.titleLc.indexOf(' ' + t) >= 0 ? 9 : 6
      else if (doc.idLc.indexOf(t) >= 0) s = doc.idLc.split(' ').indexOf(t) >= 0 ? 8 : 4
      else if (doc.textLc.indexOf(t) >= 0) s = 1
      if (!s) return 0
      total += s
    }
    if (doc.id && doc.id.toLowerCase() === whole) total += 60
    if (doc.titleLc === whole) total += 30
    return total - doc.title.length / 200
  }

  function search(query) {
    var whole = query.trim().toLowerCase()
    var terms = whole.split(/\s+/).filter(Boolean)
    if (!terms.length) return []
    var hits = []
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], terms, whole)
      if (s > 0) hits.push({ doc: index[i], score: s })
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.doc.title < b.doc.title ? -1 : 1) })
    return hits.slice(0, 25).map(function (h) { return h.doc })
  }

  function render(results, query) {
    list.textContent = ''
    shown = results
    active = results.length ? 0 : -1
    if (!query.trim()) {
      list.hidden = true
      input.setAttribute('aria-expanded', 'false')
      return
    }
    if (!results.length) {
      list.appendChild(el('li', 'r-empty', 'No match for “' + query.trim() + '”'))
    }
    results.forEach(function (doc, i) {
      var li = el('li')
      li.setAttribute('role', 'option')
      li.id = 'search-result-' + i
      var a = el('a')
      a.href = doc.url
      a.appendChild(el('span', 'r-kind', doc.kind + (doc.level ? ' · ' + doc.level : '')))
      a.appendChild(el('span', 'r-title', doc.title))
      var detail = doc.text || doc.attack || ''
      if (detail) a.appendChild(el('span', 'r-text', detail))
      li.appendChild(a)
      list.appendChild(li)
    })
    list.hidden = false
    input.setAttribute('aria-expanded', 'true')
    highlight()
  }

  function highlight() {
    var items = list.querySelectorAll('li[role="option"]')
    for (var i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', i === active ? 'true' : 'false')
    if (active >= 0 && items[active]) {
      input.setAttribute('aria-activedescendant', items[active].id)
      items[active].scrollIntoView({ block: 'nearest' })
    } else {
      input.removeAttribute('aria-activedescendant')
    }
  }

  if (input && list) {
    var pending = 0
    input.addEventListener('focus', loadIndex, { once: true })
    input.addEventListener('input', function () {
      var query = input.value
      var ticket = ++pending
      loadIndex().then(function () {
        if (ticket === pending) render(search(query), query)
      }, function () {
        list.textContent = ''
        list.appendChild(el('li', 'r-empty', 'The search index could not be loaded.'))
        list.hidden = false
      })
    })
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && shown.length) { active = (active + 1) % shown.length; highlight(); e.preventDefault() }
      else if (e.key === 'ArrowUp' && shown.length) { active = (active - 1 + shown.length) % shown.length; highlight(); e.preventDefault() }
      else if (e.key === 'Enter' && active >= 0 && shown[active]) { window.location.href = shown[active].url; e.preventDefault() }
      else if (e.key === 'Escape') { input.value = ''; render([], ''); input.blur() }
    })
    document.addEventListener('click', function (e) {
      if (!list.hidden && !list.contains(e.target) && e.target !== input) list.hidden = true
    })
    document.addEventListener('keydown', function (e) {
      var t = e.target
      var typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)
      if (e.key === '/' && !typing) { e.preventDefault(); input.focus() }
    })
  }

  /* ---------- Copy buttons on code blocks ---------- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text)
    return new Promise(function (resolve, reject) {
      var area = el('textarea')
      area.value = text
      area.setAttribute('readonly', '')
      area.style.position = 'fixed'
      area.style.opacity = '0'
      document.body.appendChild(area)
      area.select()
      var ok = false
      try { ok = document.execCommand('copy') } catch (err) { ok = false }
      document.body.removeChild(area)
      if (ok) resolve()
      else reject(new Error('copy failed'))
    })
  }

  var blocks = document.querySelectorAll('.content pre')
  for (var b = 0; b < blocks.length; b++) {
    (function (pre) {
      var code = pre.querySelector('code') || pre
      if (!code.textContent.trim()) return
      var wrap = el('div', 'codeblock')
      pre.parentNode.insertBefore(wrap, pre)
      wrap.appendChild(pre)
      var button = el('button', 'copy', 'Copy')
      button.type = 'button'
      button.setAttribute('aria-label', 'Copy this block')
      button.addEventListener('click', function () {
        copyText(code.textContent).then(function () {
          button.textContent = 'Copied'
          button.classList.add('done')
        }, function () {
          button.textContent = 'Select and copy'
        })
        setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('done') }, 1600)
      })
      wrap.insertBefore(button, pre)
    })(blocks[b])
  }

  /* ---------- Rule index: filters and sorting ---------- */
  var table = document.getElementById('rule-index')
  var filters = document.getElementById('rule-filters')
  if (table && filters) {
    var body = table.tBodies[0]
    var rows = Array.prototype.slice.call(body.rows)
    var haystack = rows.map(function (r) { return (r.textContent + ' ' + (r.getAttribute('data-id') || '')).toLowerCase() })
    var controls = {}
    Array.prototype.forEach.call(filters.querySelectorAll('[data-filter]'), function (c) { controls[c.getAttribute('data-filter')] = c })
    var count = document.getElementById('rule-count')
    filters.hidden = false

    var readHash = function () {
      var params = new URLSearchParams(window.location.hash.slice(1))
      ;['text', 'level', 'status', 'tactic', 'product', 'category'].forEach(function (k) {
        if (controls[k] && params.has(k)) controls[k].value = params.get(k)
      })
    }
    var writeHash = function () {
      var params = new URLSearchParams()
      ;['text', 'level', 'status', 'tactic', 'product', 'category'].forEach(function (k) {
        if (controls[k] && controls[k].value) params.set(k, controls[k].value)
      })
      var hash = params.toString()
      history.replaceState(null, '', hash ? '#' + hash : window.location.pathname + window.location.search)
    }
    var apply = function () {
      var text = (controls.text.value || '').trim().toLowerCase().split(/\s+/).filter(Boolean)
      var want = {
        level: controls.level.value, status: controls.status.value, tactic: controls.tactic.value,
        product: controls.product.value, category: controls.category.value,
      }
      var visible = 0
      rows.forEach(function (row, i) {
        var ok = (!want.level || row.getAttribute('data-level') === want.level) &&
          (!want.status || row.getAttribute('data-status') === want.status) &&
          (!want.tactic || (' ' + row.getAttribute('data-tactics') + ' ').indexOf(' ' + want.tactic + ' ') >= 0) &&
          (!want.product || row.getAttribute('data-product') === want.product) &&
          (!want.category || row.getAttribute('data-category') === want.category) &&
          text.every(function (t) { return haystack[i].indexOf(t) >= 0 })
        row.hidden = !ok
        if (ok) visible++
      })
      count.textContent = visible + ' of ' + rows.length + ' rules'
    }
    Object.keys(controls).forEach(function (k) {
      var c = controls[k]
      if (k === 'reset') {
        c.addEventListener('click', function () {
          Object.keys(controls).forEach(function (j) { if (j !== 'reset') controls[j].value = '' })
          apply(); writeHash()
        })
      } else {
        c.addEventListener(c.tagName === 'SELECT' ? 'change' : 'input', function () { apply(); writeHash() })
      }
    })
    window.addEventListener('hashchange', function () { readHash(); apply() })

    var headers = table.tHead.rows[0].cells
    Array.prototype.forEach.call(headers, function (th, col) {
      th.tabIndex = 0
      var sort = function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending'
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort') })
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending')
        var byRank = th.getAttribute('data-sort') === 'level'
        var key = function (row) {
          var cell = row.cells[col]
          return byRank ? Number(cell.getAttribute('data-rank')) : cell.textContent.trim().toLowerCase()
        }
        var keyed = rows.map(function (row, i) { return { row: row, key: key(row), i: i } })
        keyed.sort(function (a, b) {
          var c = a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i
          return ascending ? c : -c
        })
        var fragment = document.createDocumentFragment()
        keyed.forEach(function (k) { fragment.appendChild(k.row) })
        body.appendChild(fragment)
      }
      th.addEventListener('click', sort)
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort() } })
    })
    readHash()
    apply()
  }

  /* ---------- Coverage matrix: covered techniques only ---------- */
  var coveredOnly = document.getElementById('matrix-covered-only')
  var matrix = document.getElementById('matrix')
  if (coveredOnly && matrix) {
    coveredOnly.addEventListener('change', function () { matrix.classList.toggle('covered-only', coveredOnly.checked) })
  }

  /* ---------- "Open in ATT&CK Navigator" next to layer links (served sites only) ---------- */
  if (/^https?:$/.test(window.location.protocol)) {
    var layers = document.querySelectorAll('a[href$="attack-navigator/layer.json"]')
    Array.prototype.forEach.call(layers, function (a) {
      var url = new URL(a.getAttribute('href'), window.location.href).href
      var open = el('a', 'nav-layer', 'open in the ATT&CK Navigator ↗')
      open.href = 'https://mitre-attack.github.io/attack-navigator/#layerURL=' + encodeURIComponent(url)
      open.rel = 'noopener noreferrer'
      a.parentNode.insertBefore(open, a.nextSibling)
      a.parentNode.insertBefore(document.createTextNode(' '), open)
    })
  }
})()
