// The review screen: redact a selected span, search codes, keyboard shortcuts. Offsets are counted in characters
// of the paragraph's text container, which holds exactly the API's `text` (marks wrap pieces, add no characters).
(function () {
  'use strict';
  const root = document.querySelector('[data-review]');
  if (!root) { return; }
  const editable = root.dataset.editable === 'true';
  const dialog = document.getElementById('redact-dialog');
  const flash = document.getElementById('flash');

  function say(message) {
    flash.textContent = message;
    flash.hidden = false;
    setTimeout(function () { flash.hidden = true; }, 4000);
  }

  function container(node) {
    while (node && !(node.nodeType === 1 && node.classList.contains('review-text'))) { node = node.parentNode; }
    return node;
  }

  function offset(box, node, at) {
    const range = document.createRange();
    range.setStart(box, 0);
    range.setEnd(node, at);
    return range.toString().length;
  }

  /** The current selection as {box, paragraph, start, end, text}, or null when it is not inside one paragraph. */
  function selected() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    const range = sel.getRangeAt(0);
    const box = container(range.startContainer);
    if (!box || box !== container(range.endContainer)) { return null; }
    const start = offset(box, range.startContainer, range.startOffset);
    const end = offset(box, range.endContainer, range.endOffset);
    if (end <= start) { return null; }
    return { box: box, paragraph: box.dataset.address, start: start, end: end, text: range.toString() };
  }

  function openRedaction() {
    if (!editable || !dialog) { return; }
    const s = selected();
    if (!s) { say('Select text inside one paragraph first.'); return; }
    document.getElementById('redact-paragraph').value = s.paragraph;
    document.getElementById('redact-start').value = s.start;
    document.getElementById('redact-end').value = s.end;
    document.getElementById('redact-preview').textContent = s.text;
    dialog.showModal();
    document.getElementById('redact-codes').focus();
  }

  const button = document.getElementById('redact-selection');
  if (button) {
    // keep the selection: a click on the button must not clear it
    button.addEventListener('mousedown', function (e) { e.preventDefault(); });
    button.addEventListener('click', openRedaction);
  }
  const cancel = document.getElementById('redact-cancel');
  if (cancel) { cancel.addEventListener('click', function () { dialog.close(); }); }

  // the searchable code list: filter as one types, click to add a code
  const codes = document.getElementById('redact-codes');
  const list = document.getElementById('code-list');
  if (codes && list) {
    codes.addEventListener('input', function () {
      const parts = codes.value.split(',');
      const term = parts[parts.length - 1].trim().toLowerCase();
      list.querySelectorAll('li').forEach(function (li) {
        li.hidden = term !== '' && li.dataset.search.indexOf(term) < 0;
      });
    });
    list.addEventListener('click', function (e) {
      const li = e.target.closest('li');
      if (!li) { return; }
      const parts = codes.value.split(',').map(function (p) { return p.trim(); }).filter(Boolean);
      if (parts.length && !list.querySelector('li[data-code="' + CSS.escape(parts[parts.length - 1]) + '"]')) {
        parts.pop();
      }
      if (parts.indexOf(li.dataset.code) < 0) { parts.push(li.dataset.code); }
      codes.value = parts.join(', ');
      codes.focus();
    });
  }

  const paragraphs = Array.prototype.slice.call(document.querySelectorAll('.review-paragraph'));
  let current = -1;
  function go(step) {
    if (!paragraphs.length) { return; }
    current = Math.max(0, Math.min(paragraphs.length - 1, current + step));
    paragraphs.forEach(function (p, i) { p.classList.toggle('current', i === current); });
    paragraphs[current].focus();
    paragraphs[current].scrollIntoView({ block: 'center' });
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) {
      return;
    }
    if (dialog && dialog.open) { return; }
    switch (e.key) {
      case 'r': e.preventDefault(); openRedaction(); break;
      case 's': {
        const form = document.getElementById('submit-form');
        if (form && window.confirm('Submit this cable for approval?')) { form.requestSubmit(); }
        break;
      }
      case 'c': { const claim = document.getElementById('claim'); if (claim) { claim.click(); } break; }
      case 'j': go(1); break;
      case 'k': go(-1); break;
      case 'm': {
        const p = paragraphs[current];
        const reason = p && p.querySelector('.mark-form select');
        if (reason) { e.preventDefault(); reason.focus(); }
        break;
      }
      case '?': { const help = document.getElementById('help'); help.hidden = !help.hidden; break; }
      default: break;
    }
  });
  const helpToggle = document.getElementById('help-toggle');
  if (helpToggle) {
    helpToggle.addEventListener('click', function () {
      const help = document.getElementById('help');
      help.hidden = !help.hidden;
    });
  }
}());
