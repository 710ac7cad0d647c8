// Reading a thread, enhanced. Every feature here also works without this file: quotes and "quoted by"
// markers are plain links, collapsing is <details>, "more replies" links open the post's own page.
// This adds: remembered collapsing, highlighting all of a quoted span, quote previews on hover,
// loading more posts in place, and j / k to move between posts.
(() => {
  'use strict';

  const threadSlug = document.querySelector('[data-thread]')?.dataset.thread ?? location.pathname;
  const collapsedKey = `debate:collapsed:${threadSlug}`;

  // --- Collapsed subthreads, remembered per thread in localStorage --------------------------------

  const readCollapsed = () => {
    try {
      return new Set(JSON.parse(localStorage.getItem(collapsedKey) ?? '[]'));
    } catch {
      return new Set();
    }
  };

  const writeCollapsed = (ids) => {
    try {
      localStorage.setItem(collapsedKey, JSON.stringify([...ids]));
    } catch {
      // Storage full or refused (private mode): collapsing still works, it is just not remembered.
    }
  };

  const applyCollapsed = (root) => {
    const collapsed = readCollapsed();
    for (const details of root.querySelectorAll('details.replies[data-post-id]')) {
      if (collapsed.has(details.dataset.postId)) details.open = false;
    }
  };

  // 'toggle' does not bubble; listen in the capture phase to hear every <details>.
  document.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.matches('details.replies[data-post-id]')) return;
    const collapsed = readCollapsed();
    if (details.open) collapsed.delete(details.dataset.postId);
    else collapsed.add(details.dataset.postId);
    writeCollapsed(collapsed);
  }, true);

  // --- Following quotes both ways: highlight every piece of the quoted words -----------------------

  const openAround = (element) => {
    for (let details = element.closest('details'); details; details = details.parentElement?.closest('details')) {
      details.open = true;
    }
  };

  const highlight = (id) => {
    for (const old of document.querySelectorAll('.is-highlighted')) old.classList.remove('is-highlighted');
    const target = id && document.getElementById(id);
    if (!target) return null;
    openAround(target);
    const span = target.dataset.span;
    const pieces = span ? document.querySelectorAll(`[data-span="${CSS.escape(span)}"]`) : [target];
    for (const piece of pieces) piece.classList.add('is-highlighted');
    return target;
  };

  // A hand-typed address may hold a bad escape (#100%): it names no element, and must not stop the script.
  const hashId = () => {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return location.hash.slice(1);
    }
  };

  const highlightFromHash = () => highlight(hashId());

  window.addEventListener('hashchange', highlightFromHash);

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-target]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const id = link.dataset.target;
    const target = document.getElementById(id);
    // A target on another page (a post not loaded here): let the link take the reader there.
    if (!target) return;
    event.preventDefault();
    hidePreview();
    openAround(target);
    if (location.hash === `#${id}`) {
      target.scrollIntoView({ block: 'start' });
      highlight(id);
    } else {
      location.hash = id; // scrolls, sets :target and fires hashchange, which highlights
    }
  });

  // --- Previews of a quote's source on hover or focus ----------------------------------------------

  const previews = new Map();
  let preview = null;
  let showTimer = 0;
  let hideTimer = 0;

  const hidePreview = () => {
    clearTimeout(showTimer);
    if (preview) {
      document.querySelector(`[aria-describedby="${preview.id}"]`)?.removeAttribute('aria-describedby');
      preview.remove();
      preview = null;
    }
  };

  const loadPreview = (url) => {
    if (!previews.has(url)) {
      previews.set(url, fetch(url, { headers: { Accept: 'text/html' } }).then((response) => (response.ok ? response.text() : null)).catch(() => null));
    }
    return previews.get(url);
  };

  const showPreview = async (link) => {
    const html = await loadPreview(link.dataset.preview);
    if (!html || !link.isConnected) return;
    hidePreview();
    const template = document.createElement('template');
    template.innerHTML = html;
    // The source may also stand on this page: ids must stay unique, so the copy has none.
    for (const element of template.content.querySelectorAll('[id]')) element.removeAttribute('id');
    for (const element of template.content.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
    preview = document.createElement('div');
    preview.className = 'quote-preview';
    preview.id = 'quote-preview';
    preview.setAttribute('role', 'tooltip');
    preview.append(template.content);
    const words = preview.querySelectorAll(`[data-span="${CSS.escape(link.dataset.target ?? '')}"]`);
    for (const word of words) word.classList.add('is-highlighted');
    document.body.append(preview);
    const box = link.getBoundingClientRect();
    preview.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - preview.offsetWidth - 8))}px`;
    preview.style.top = `${window.scrollY + box.bottom + 6}px`;
    link.setAttribute('aria-describedby', preview.id);
    // Scroll the preview itself (not the page) to the quoted words.
    if (words[0] instanceof HTMLElement) preview.scrollTop = Math.max(0, words[0].offsetTop - preview.clientHeight / 3);
    preview.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    preview.addEventListener('mouseleave', () => { hideTimer = setTimeout(hidePreview, 200); });
  };

  const previewLink = (event) => (event.target instanceof Element ? event.target.closest('a.quote-source[data-preview]') : null);

  const schedulePreview = (event) => {
    const link = previewLink(event);
    if (!link) return;
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(() => showPreview(link), 250);
  };

  const schedulePreviewEnd = (event) => {
    if (!previewLink(event)) return;
    clearTimeout(showTimer);
    hideTimer = setTimeout(hidePreview, 200);
  };

  document.addEventListener('mouseover', schedulePreview);
  document.addEventListener('focusin', schedulePreview);
  document.addEventListener('mouseout', schedulePreviewEnd);
  document.addEventListener('focusout', schedulePreviewEnd);

  // --- More posts and more replies, loaded in place -----------------------------------------------

  document.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.more-link[data-fragment]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const item = link.closest('li.more');
    if (!item || item.getAttribute('aria-busy') === 'true') return;
    item.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(link.dataset.fragment, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(`${response.status}`);
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      const items = [...(template.content.querySelector('ol.post-list')?.children ?? [])];
      applyCollapsed(template.content);
      item.replaceWith(...items);
      items.find((li) => li.matches('li.post-item'))?.querySelector('article.post')?.focus({ preventScroll: true });
    } catch {
      location.assign(link.href); // the page the link names shows the same posts
    }
  });

  // --- j / k: next and previous post ---------------------------------------------------------------

  const visiblePosts = () => [...document.querySelectorAll('article.post')].filter((post) => post.getClientRects().length > 0);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'j' && event.key !== 'k') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || active.matches('input, textarea, select'))) return;
    const posts = visiblePosts();
    if (posts.length === 0) return;
    const current = active?.closest('article.post');
    let index = current ? posts.indexOf(current) : -1;
    if (index < 0) {
      // Nothing focused yet: start from where the reader is looking.
      const below = posts.findIndex((post) => post.getBoundingClientRect().top > 1);
      index = event.key === 'j' ? (below < 0 ? posts.length : below) - 1 : (below < 0 ? posts.length : below);
    }
    const next = posts[Math.max(0, Math.min(posts.length - 1, index + (event.key === 'j' ? 1 : -1)))];
    event.preventDefault();
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'start' });
  });

  // --- On load ------------------------------------------------------------------------------------

  applyCollapsed(document);
  if (location.hash) {
    highlightFromHash()?.scrollIntoView({ block: 'start' });
  } else {
    // A post's own page opens at the post, with the posts it answers above for context.
    const focus = document.querySelector('article.post.focus');
    if (focus && document.querySelector('.context-list')) {
      focus.focus({ preventScroll: true });
      focus.scrollIntoView({ block: 'start' });
    }
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hidePreview();
  });
  // --- Words a search result matched: ?hl=words marks them in the post the address points at ------

  const markSearchWords = () => {
    const words = new URLSearchParams(location.search).get('hl')?.split(/\s+/).filter((w) => w.length > 0) ?? [];
    const post = location.hash && document.getElementById(hashId());
    const body = post?.querySelector('.post-body');
    if (!body || words.length === 0) return;
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    for (const node of texts) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const pieces = document.createDocumentFragment();
      let at = 0;
      for (const match of text.matchAll(pattern)) {
        pieces.append(text.slice(at, match.index));
        const mark = document.createElement('mark');
        mark.className = 'search-term';
        mark.textContent = match[0];
        pieces.append(mark);
        at = match.index + match[0].length;
      }
      pieces.append(text.slice(at));
      node.replaceWith(pieces);
    }
    body.querySelector('mark.search-term')?.scrollIntoView({ block: 'center' });
  };

  markSearchWords();
})();
