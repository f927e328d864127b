// Search over every API's operations and schemas (by operationId, name, summary, method or path),
// and copy buttons on code samples. The pages read fine without it: it only adds to them. The
// index is loaded from search-index.js the first time the search box is used.
(function () {
  'use strict';
  var script = document.currentScript;
  var root = script ? new URL('..', script.src).href : '';
  var box = document.getElementById('search');
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var entries = null;
  var loading = false;

  function load() {
    if (entries || loading) return;
    loading = true;
    var s = document.createElement('script');
    s.src = root + 'search-index.js';
    s.onload = function () {
      var raw = window.oaskitSearchIndex || [];
      entries = raw.map(function (line) {
        var f = line.split('\t');
        var e = { kind: f[0], api: f[1], name: f[2], method: f[3], path: f[4], summary: f[5], href: f[6] };
        e.hay = (e.name + ' ' + e.method + ' ' + e.path + ' ' + e.summary + ' ' + e.api).toLowerCase();
        return e;
      });
      run();
    };
    document.head.appendChild(s);
  }

  function score(e, q, terms) {
    var name = e.name.toLowerCase();
    var path = e.path.toLowerCase();
    for (var i = 0; i < terms.length; i++) if (e.hay.indexOf(terms[i]) < 0) return -1;
    if (name === q || path === q) return 0;
    if (name.indexOf(q) === 0 || path.indexOf(q) === 0) return 1;
    if (name.indexOf(q) >= 0 || path.indexOf(q) >= 0) return 2;
    return e.kind === 'op' ? 3 : 4;
  }

  function run() {
    if (!entries) return;
    var q = input.value.trim().toLowerCase();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) {
      status.textContent = '';
      return;
    }
    var terms = q.split(/\s+/);
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], q, terms);
      if (s >= 0) hits.push({ s: s, i: i });
    }
    hits.sort(function (a, b) {
      return a.s - b.s || a.i - b.i;
    });
    status.textContent = hits.length === 0 ? 'No results' : hits.length + (hits.length === 1 ? ' result' : ' results');
    hits.slice(0, 30).forEach(function (h) {
      var e = entries[h.i];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', root + e.href);
      var name = document.createElement('span');
      name.className = 'hit-name';
      name.textContent = e.name;
      a.appendChild(name);
      var detail = document.createElement('span');
      detail.className = 'hit-detail';
      detail.textContent = (e.kind === 'op' ? e.method.toUpperCase() + ' ' + e.path : 'schema') + (e.summary ? ' · ' + e.summary : '') + ' · ' + e.api;
      a.appendChild(detail);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  if (box && input && list && status) {
    box.hidden = false;
    input.addEventListener('focus', load);
    input.addEventListener('input', function () {
      load();
      run();
    });
    input.addEventListener('keydown', function (ev) {
      var first = list.querySelector('a');
      if (ev.key === 'Enter' && first) {
        ev.preventDefault();
        first.click();
      } else if (ev.key === 'ArrowDown' && first) {
        ev.preventDefault();
        first.focus();
      } else if (ev.key === 'Escape') {
        input.value = '';
        run();
      }
    });
    list.addEventListener('keydown', function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var i = links.indexOf(document.activeElement);
      if (ev.key === 'ArrowDown' && i < links.length - 1) {
        ev.preventDefault();
        links[i + 1].focus();
      } else if (ev.key === 'ArrowUp') {
        ev.preventDefault();
        (i > 0 ? links[i - 1] : input).focus();
      } else if (ev.key === 'Escape') {
        input.focus();
      }
    });
    document.addEventListener('keydown', function (ev) {
      var t = ev.target;
      var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if (ev.key === '/' && !typing) {
        ev.preventDefault();
        input.focus();
      }
    });
  }

  // copy buttons on code samples
  if (navigator.clipboard) {
    Array.prototype.forEach.call(document.querySelectorAll('.sample'), function (sample) {
      var code = sample.querySelector('pre code');
      if (!code) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.textContent = 'Copy';
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = 'Copied';
          setTimeout(function () {
            button.textContent = 'Copy';
          }, 1500);
        });
      });
      sample.insertBefore(button, sample.firstChild);
    });
  }
})();
