// Period and region inputs (Shared/_PeriodInput, Shared/_RegionInput). Progressive enhancement only: the text boxes
// work without this script (the server reads 2022年上半年 or 江阳 and redirects to the canonical URL).
(function () {
  'use strict';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // The canonical string of a month span, as StatPeriod writes it; null for spans no statistician publishes.
  function canonical(year, from, to) {
    if (!(year >= 1949 && year <= 2200) || from > to) { return null; }
    if (from === 1 && to === 12) { return String(year); }
    if (from === to) { return year + '-' + pad(from); }
    if (from === 1) { return year + '-01..' + pad(to); }
    if (from === 7 && to === 12) { return year + '-H2'; }
    if (to - from === 2 && from % 3 === 1) { return year + '-Q' + ((from + 2) / 3); }
    return null;
  }

  function setUpPeriod(root) {
    var text = root.querySelector('[data-period-text]');
    var picker = root.querySelector('[data-period-picker]');
    if (!text || !picker) { return; }
    var year = picker.querySelector('[data-part=year]');
    var from = picker.querySelector('[data-part=from]');
    var to = picker.querySelector('[data-part=to]');
    picker.hidden = false;
    if (!year.value) {
      var m = /^(\d{4})/.exec(text.value);
      year.value = m ? m[1] : String(new Date().getFullYear());
    }
    function write() {
      var c = canonical(parseInt(year.value, 10), parseInt(from.value, 10), parseInt(to.value, 10));
      if (c) {
        text.value = c;
        text.setCustomValidity('');
      } else {
        text.setCustomValidity(picker.dataset.invalid);
        text.reportValidity();
      }
      text.dispatchEvent(new Event('change', { bubbles: true }));
    }
    year.addEventListener('change', write);
    from.addEventListener('change', write);
    to.addEventListener('change', write);
    text.addEventListener('input', function () { text.setCustomValidity(''); });
    picker.querySelectorAll('button[data-from]').forEach(function (b) {
      b.addEventListener('click', function () {
        from.value = b.dataset.from;
        to.value = b.dataset.to;
        write();
      });
    });
    root.dataset.ready = 'true';
  }

  function setUpRegion(input) {
    var list = document.getElementById(input.getAttribute('list'));
    // The visible suggestions (Shared/_RegionInput): one button per region, named in full; a click puts its code in the box.
    var shown = document.getElementById(input.getAttribute('list').replace(/-choices$/, '-suggestions'));
    function show(items, head) {
      if (!shown) { return; }
      shown.replaceChildren.apply(shown, items.map(function (c) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'suggestion';
        b.dataset.code = c.code;
        b.textContent = c.fullName + '（' + c.code + '）' + (c.retired ? ' ×' : '');
        b.addEventListener('click', function () {
          input.value = head + c.code;
          asked = last(input.value);
          shown.replaceChildren();
          shown.hidden = true;
          input.dataset.picked = c.code;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          input.focus();
        });
        return b;
      }));
      shown.hidden = items.length === 0;
    }
    var multiple = input.dataset.regionSuggest === 'multiple';
    var timer = null;
    var asked = '';
    function last(value) {
      if (!multiple) { return value.trim(); }
      var parts = value.split(/[,，、]/);
      return parts[parts.length - 1].trim();
    }
    function ask() {
      var q = last(input.value);
      if (q === asked) { return; }
      asked = q;
      if (!q) { list.replaceChildren(); show([], ''); return; }
      fetch('/api/regions/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          if (q !== asked) { return; }
          var head = multiple ? input.value.slice(0, input.value.length - input.value.split(/[,，、]/).pop().length) : '';
          list.replaceChildren.apply(list, items.map(function (c) {
            var o = document.createElement('option');
            o.value = head + c.code;
            o.label = c.fullName + (c.retired ? ' ×' : '');
            o.textContent = c.fullName;
            return o;
          }));
          // A code already in the box needs no suggestion of itself.
          show(items.length === 1 && items[0].code === q ? [] : items, head);
          input.dataset.suggested = String(items.length);
        })
        .catch(function () { /* suggestions are a help only; the server resolves on submit */ });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
  }

  // A shared name refused on a posted form: each candidate button puts its value in the box (the form is not re-sent).
  document.querySelectorAll('.region-input').forEach(function (root) {
    var input = root.querySelector('input[data-region-suggest]');
    root.querySelectorAll('button.candidate[data-value]').forEach(function (b) {
      b.addEventListener('click', function () {
        input.value = b.dataset.value;
        input.removeAttribute('aria-invalid');
        input.focus();
      });
    });
  });

  document.querySelectorAll('[data-period-input]').forEach(setUpPeriod);
  document.querySelectorAll('input[data-region-suggest]').forEach(setUpRegion);
})();
