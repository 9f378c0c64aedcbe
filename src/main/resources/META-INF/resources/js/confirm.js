/*
 * Asks before a weighty action (issue 19): a form with data-confirm="question" opens a dialog; Cancel does nothing,
 * Confirm sends the form with confirm=yes. A mark form with data-banner-level (U, C, S or T) asks only when the chosen level is above
 * the banner's (data-banner names it). Without this script the server asks on a page of its own.
 */
(function () {
  'use strict';
  var RANK = { U: 0, C: 1, S: 2, T: 3 };
  var dialog = null;
  var pending = null;

  function build() {
    dialog = document.createElement('dialog');
    dialog.id = 'confirm-dialog';
    dialog.className = 'card confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-dialog-text');
    var p = document.createElement('p');
    p.id = 'confirm-dialog-text';
    var row = document.createElement('div');
    row.className = 'row-buttons';
    var yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'button small';
    yes.id = 'confirm-dialog-yes';
    yes.textContent = 'Confirm';
    var no = document.createElement('button');
    no.type = 'button';
    no.className = 'button small secondary';
    no.id = 'confirm-dialog-cancel';
    no.textContent = 'Cancel';
    row.appendChild(yes);
    row.appendChild(document.createTextNode(' '));
    row.appendChild(no);
    dialog.appendChild(p);
    dialog.appendChild(row);
    document.body.appendChild(dialog);
    no.addEventListener('click', function () { pending = null; dialog.close(); });
    dialog.addEventListener('cancel', function () { pending = null; });
    yes.addEventListener('click', function () {
      var form = pending;
      pending = null;
      dialog.close();
      if (form) {
        var field = form.querySelector('input[name="confirm"]');
        if (!field) {
          field = document.createElement('input');
          field.type = 'hidden';
          field.name = 'confirm';
          form.appendChild(field);
        }
        field.value = 'yes';
        form.submit();
      }
    });
  }

  function question(form) {
    if (form.dataset.bannerLevel !== undefined) {
      var select = form.querySelector('select[name="level"]');
      var chosen = select ? RANK[select.value.charAt(0)] : undefined;
      var banner = RANK[form.dataset.bannerLevel];
      if (chosen === undefined || banner === undefined || chosen <= banner) {
        return null;
      }
      return 'Marking this paragraph ' + select.value + ' raises the banner above ' + form.dataset.banner
        + '. Raise it?';
    }
    return form.dataset.confirm || null;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var text = question(form);
    if (!text) {
      return;
    }
    event.preventDefault();
    if (!dialog) {
      build();
    }
    pending = form;
    dialog.querySelector('#confirm-dialog-text').textContent = text;
    dialog.showModal();
  }, true);
}());
