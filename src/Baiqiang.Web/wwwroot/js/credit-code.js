// 统一社会信用代码 checked as typed (GB 32100-2015): a hint only; the server checks again with Core's validator.
(function () {
  'use strict';
  var alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  function fill(template, values) {
    return template.replace(/\{(\w)\}/g, function (_, k) { return values[k]; });
  }

  function check(input, hint) {
    var t = input.value.trim().toUpperCase();
    var msg = '';
    var ok = false;
    for (var i = 0; i < t.length && i < 18; i++) {
      var c = t.charAt(i);
      if (alphabet.indexOf(c) < 0 || (i >= 2 && i < 8 && !/[0-9]/.test(c))) {
        msg = fill(input.dataset.msgChar, { i: i + 1, c: c });
        break;
      }
    }
    if (!msg && t.length !== 18) {
      msg = t.length === 0 ? '' : fill(input.dataset.msgLength, { n: t.length });
    } else if (!msg) {
      var sum = 0;
      for (var j = 0; j < 17; j++) { sum += alphabet.indexOf(t.charAt(j)) * weights[j]; }
      var v = 31 - (sum % 31);
      var expected = alphabet.charAt(v === 31 ? 0 : v);
      if (t.charAt(17) !== expected) {
        msg = fill(input.dataset.msgCheck, { e: expected });
      } else {
        msg = input.dataset.msgOk;
        ok = true;
      }
    }
    hint.textContent = msg;
    hint.className = ok ? 'ok' : (msg ? 'errors' : 'muted');
    input.setCustomValidity('');
    input.setAttribute('aria-invalid', msg && !ok ? 'true' : 'false');
  }

  document.querySelectorAll('input[data-credit-code]').forEach(function (input) {
    var hint = document.getElementById(input.id + '-hint');
    if (!hint) { return; }
    input.addEventListener('input', function () { check(input, hint); });
    check(input, hint);
  });
})();
