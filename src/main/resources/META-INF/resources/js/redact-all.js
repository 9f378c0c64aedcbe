// "Redact all" on the review screen: the selected text becomes the phrase of the redact-all form, which previews
// every occurrence. Without JavaScript the form works as it is (type the phrase); this only fills it in.
(function () {
  'use strict';
  const button = document.getElementById('redact-all-selection');
  const details = document.getElementById('redact-all');
  const form = document.getElementById('redact-all-form');
  const text = document.getElementById('redact-all-text');
  if (!button || !details || !form || !text) { return; }
  button.hidden = false;
  // keep the selection: a click on the button must not clear it
  button.addEventListener('mousedown', function (e) { e.preventDefault(); });
  button.addEventListener('click', function () {
    const sel = window.getSelection();
    const chosen = sel ? sel.toString().replace(/\s+/g, ' ').trim() : '';
    details.open = true;
    if (!chosen) { text.focus(); return; }
    text.value = chosen;
    form.requestSubmit();
  });
}());
