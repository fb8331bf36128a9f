// The site's search and filters (iop site): a classic script, so it runs from
// file:// too. The index was built by `iop site` with MiniSearch and ships in
// search-index.js as `globalThis.iopSearch`; nothing is fetched.
;(function () {
  'use strict'
  var data = globalThis.iopSearch
  var list = document.getElementById('modules')
  var input = document.getElementById('search')
  var status = document.getElementById('status')
  if (!list || !input || !status || !data || !globalThis.MiniSearch) return
  var engine = globalThis.MiniSearch.loadJS(data.index, data.options)
  var items = Array.prototype.slice.call(list.querySelectorAll('li[data-id]'))
  var order = items.slice()
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'))
  // The controls are shown only now that they work; the note for readers without them goes.
  document.getElementById('search-area').hidden = false
  var off = document.getElementById('search-off')
  if (off) off.hidden = true

  function matchesFilters(li) {
    return selects.every(function (select) {
      if (!select.value) return true
      var values = (li.getAttribute('data-' + select.getAttribute('data-filter')) || '').split(' ')
      return values.indexOf(select.value) !== -1
    })
  }

  function update() {
    var query = input.value.trim()
    var scores = null
    if (query) {
      scores = {}
      engine.search(query, {prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: {title: 3, objectives: 2}}).forEach(function (result) {
        scores[result.id] = result.score
      })
    }
    var shown = []
    items.forEach(function (li) {
      var visible = (!scores || scores.hasOwnProperty(li.getAttribute('data-id'))) && matchesFilters(li)
      li.hidden = !visible
      if (visible) shown.push(li)
    })
    // Best match first while searching; the catalogue's own order otherwise.
    var sorted = scores ? shown.slice().sort(function (a, b) { return scores[b.getAttribute('data-id')] - scores[a.getAttribute('data-id')] }) : order
    sorted.forEach(function (li) { list.appendChild(li) })
    status.textContent = shown.length === 1 ? '1 session shown' : shown.length + ' sessions shown'
    if (shown.length === 0) status.textContent += ': try fewer words, or set a filter back to "Any"'
  }

  input.addEventListener('input', update)
  selects.forEach(function (select) { select.addEventListener('change', update) })
  update()
})()
