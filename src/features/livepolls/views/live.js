// Live results on the presenter's screen (progressive enhancement): leaves
// the self-refreshing page for ?live=1 and fetches the results as JSON every
// 2 seconds with If-None-Match, redrawing only what changed (a 304 costs
// almost nothing). Without JavaScript the page refreshes itself instead.
(function () {
  'use strict';
  var box = document.getElementById('poll-results');
  if (!box) return;
  var url = new URL(window.location.href);
  if (url.searchParams.get('ververs') === 'nee') return;
  if (url.searchParams.get('live') !== '1') {
    url.searchParams.set('live', '1');
    window.location.replace(url.toString());
    return;
  }
  var etag = '';
  function tick() {
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(box.getAttribute('data-json'), { headers: headers, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 200) {
          etag = r.headers.get('ETag') || '';
          return r.text().then(function () { window.location.reload(); });
        }
        return null;
      })
      .catch(function () { return null; })
      .then(function () { window.setTimeout(tick, 2000); });
  }
  fetch(box.getAttribute('data-json'), { credentials: 'same-origin' }).then(function (r) {
    etag = r.headers.get('ETag') || '';
    window.setTimeout(tick, 2000);
  });
}());
