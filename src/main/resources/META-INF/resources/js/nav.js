// The main navigation collapses behind a "Menu" button on narrow screens (issue 19). Without JavaScript the
// navigation simply wraps; the button shows only when this script runs.
(function () {
  var button = document.getElementById('nav-toggle');
  var nav = document.getElementById('mainnav');
  if (!button || !nav) {
    return;
  }
  button.hidden = false;
  document.documentElement.classList.add('js-nav');
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
})();
// The current section's link says so (aria-current), for the eye and for screen readers.
(function () {
  var path = window.location.pathname;
  var links = document.querySelectorAll('#mainnav a[href^="/"]');
  var best = null;
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute('href');
    if ((path === href || path.indexOf(href + '/') === 0) && (!best || href.length > best.getAttribute('href').length)) {
      best = links[i];
    }
  }
  if (best) {
    best.setAttribute('aria-current', 'page');
  }
})();
