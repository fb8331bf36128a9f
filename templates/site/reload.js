// Live reload for `iop preview`: the server sends the pages a save changed
// (Server-Sent Events); this page reloads when it is one of them.
;(function () {
  'use strict'
  var events = new EventSource('/__iop/events')
  // Marks the page as following the preview (tests wait for it before saving a file).
  events.addEventListener('open', function () {
    document.documentElement.setAttribute('data-live-reload', 'connected')
  })
  events.addEventListener('change', function (event) {
    var pages = JSON.parse(event.data)
    var here = location.pathname.replace(/\/$/, '/index.html')
    if (pages.indexOf(here) !== -1) location.reload()
  })
})()
