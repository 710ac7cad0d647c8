// Tagging claims by selection. Without this file, each post's "claims" link opens a form where the words are
// typed; with it, selecting words in a post offers a "Tag as claim" link, placed right after the post's text so
// that the keyboard reaches it next (Tab), which opens that form with the words and their place filled in.
(() => {
  'use strict';

  const slug = document.querySelector('[data-thread]')?.dataset.thread;
  if (!slug) return;
  const signedIn = document.querySelector('a.claims-link') !== null;
  if (!signedIn) return;

  let offer = null;

  const removeOffer = () => {
    offer?.remove();
    offer = null;
  };

  // Where the selection starts, counted in the post text's characters: the offsets the server anchors on.
  const offsetIn = (body, range) => {
    const before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return before.toString().length;
  };

  const shorten = (text) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

  const showOffer = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return removeOffer();
    const range = selection.getRangeAt(0);
    const startBody = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement)?.closest('.post-body');
    const endBody = (range.endContainer.nodeType === Node.ELEMENT_NODE ? range.endContainer : range.endContainer.parentElement)?.closest('.post-body');
    if (!startBody || startBody !== endBody) return removeOffer();
    const article = startBody.closest('article[data-post-id]');
    const exact = range.toString();
    if (!article || exact.trim().length === 0) return removeOffer();

    // Leading and trailing blanks of a selection are not part of the claim.
    const lead = exact.length - exact.trimStart().length;
    const words = exact.trim();
    const start = offsetIn(startBody, range) + lead;
    const href = `/t/${encodeURIComponent(slug)}/p/${article.dataset.postId}/claims?exact=${encodeURIComponent(words)}&start=${start}`;

    if (!offer) {
      offer = document.createElement('p');
      offer.className = 'claim-offer';
      const link = document.createElement('a');
      link.className = 'claim-offer-link';
      offer.append(link);
    }
    const link = offer.querySelector('a');
    link.href = href;
    link.textContent = `Tag “${shorten(words)}” as claim`;
    if (offer.previousElementSibling !== startBody) startBody.after(offer);
  };

  let pending = 0;
  document.addEventListener('selectionchange', () => {
    // Wait for the selection to settle: a drag fires many changes.
    clearTimeout(pending);
    pending = setTimeout(showOffer, 150);
  });
})();
