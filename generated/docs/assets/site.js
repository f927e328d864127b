// What JavaScript adds to the reference; every page reads fine without it. Search over every
// API's operations and schemas (by operationId, name, summary, method or path; the index is
// loaded from search-index.js the first time the search box is used), copy buttons on code
// samples, the section being read highlighted in the navigation, folded fields opened when a
// link points into them, and the phone navigation opened and closed without a jump.
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
  // the section being read, highlighted in the navigation: the last linked section whose top has
  // passed the upper quarter of the window
  var toc = document.getElementById('toc');
  if (toc && 'IntersectionObserver' in window) {
    var linkOf = new Map();
    var sections = [];
    Array.prototype.forEach.call(toc.querySelectorAll('a[href*="#"]'), function (a) {
      var url = new URL(a.href);
      if (url.pathname !== location.pathname || !url.hash) return;
      var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (!target || linkOf.has(target)) return;
      linkOf.set(target, a);
      sections.push(target);
    });
    var current = null;
    var update = function () {
      var line = window.innerHeight / 4;
      var found = null;
      for (var i = 0; i < sections.length; i++) {
        if (sections[i].getBoundingClientRect().top <= line) found = sections[i];
      }
      var link = found ? linkOf.get(found) : null;
      if (link === current) return;
      if (current) {
        current.classList.remove('active');
        current.removeAttribute('aria-current');
      }
      current = link;
      if (!link) return;
      link.classList.add('active');
      link.setAttribute('aria-current', 'location');
      // keep the highlighted entry in view inside the navigation's own scroll area
      var top = link.offsetTop;
      if (top < toc.scrollTop + 40 || top > toc.scrollTop + toc.clientHeight - 40) toc.scrollTop = top - toc.clientHeight / 3;
    };
    var observer = new IntersectionObserver(update, { rootMargin: '0px 0px -75% 0px' });
    sections.forEach(function (s) {
      observer.observe(s);
    });
    update();
  }

  // a link into folded fields: open every <details> around the target, and the target's own
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    // an operation listed on the overview of an API split into pages: go to its page
    var list = document.getElementById('operations');
    var link = target.tagName === 'LI' && list && list.contains(target) && target.querySelector('a[href]');
    if (link) {
      location.replace(link.href);
      return;
    }
    var opened = false;
    for (var e = target.parentElement; e; e = e.parentElement) {
      if (e.tagName === 'DETAILS' && !e.open) {
        e.open = true;
        opened = true;
      }
    }
    var own = target.querySelector(':scope > details');
    if (own && !own.open) {
      own.open = true;
      opened = true;
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // the phone navigation: the Contents link works without JavaScript (CSS :target); here it
  // opens and closes the navigation in place, without changing the address
  var menu = document.querySelector('.menu');
  if (menu && toc) {
    var setOpen = function (open) {
      document.body.classList.toggle('toc-open', open);
      menu.setAttribute('aria-expanded', String(open));
    };
    menu.setAttribute('role', 'button');
    menu.setAttribute('aria-expanded', 'false');
    menu.addEventListener('click', function (ev) {
      ev.preventDefault();
      setOpen(!document.body.classList.contains('toc-open'));
      if (document.body.classList.contains('toc-open')) {
        var first = toc.querySelector('a:not(.toc-close)');
        if (first) first.focus();
      }
    });
    toc.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('a');
      if (!a) return;
      if (a.classList.contains('toc-close')) {
        ev.preventDefault();
        menu.focus();
      }
      setOpen(false);
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && document.body.classList.contains('toc-open')) {
        setOpen(false);
        menu.focus();
      }
    });
  }
})();
