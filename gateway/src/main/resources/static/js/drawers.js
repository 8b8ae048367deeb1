// The side panels on narrow screens: one open at a time over the chat, modal (the rest of the page is inert
// meanwhile), closed by Escape, its Close button or a click beside it. On wide screens both panels are
// always shown and the toggles are hidden by CSS.

const REGIONS = ['.skip-link', '.topbar', '#key-form', '#chat', '#conversations', '#schema'];

export function drawers(toggles) {
  let openName = null;

  function set(name) {
    openName = name;
    document.body.dataset.drawer = name ?? '';
    for (const [key, toggle] of Object.entries(toggles)) toggle.setAttribute('aria-expanded', String(key === name));
    for (const region of REGIONS.map((css) => document.querySelector(css))) {
      region.inert = name !== null && region.id !== name;
    }
  }

  function close() {
    if (!openName) return;
    const toggle = toggles[openName];
    const active = document.activeElement;
    const hadFocus = !active || active === document.body || active.closest('.drawer');
    set(null);
    if (hadFocus && toggle.offsetParent !== null) toggle.focus();
  }

  for (const [name, toggle] of Object.entries(toggles)) {
    toggle.addEventListener('click', () => {
      set(name);
      document.getElementById(name).querySelector('button, [href], summary, input, textarea')?.focus();
    });
  }
  document.querySelectorAll('[data-closes]').forEach((button) => button.addEventListener('click', close));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && openName) close();
  });
  // a click beside an open drawer (on the dimmed page) closes it
  document.addEventListener('click', (e) => {
    if (openName && e.target.isConnected && !e.target.closest('.drawer, .drawer-toggle')) close();
  });
  // grown wide enough to show the panel in place: it is no longer a drawer
  window.addEventListener('resize', () => {
    if (openName && toggles[openName].offsetParent === null) set(null);
  });
  return { close };
}
