// Writing, enhanced. Without this file the reply and edit pages are plain forms that work as they are.
// This adds: quoting selected words of any post (a "Quote" button by the selection, or the q key), the
// reply form opened in place under a post, several linked quotes in one reply, and previews in place.
// A quote goes into the form as a "> " block and as hidden fields naming the span of the revision it was
// taken from: [start, end) of the post body's text content, which is the revision's stored plain text.
(() => {
  'use strict';

  const template = document.getElementById('reply-template');
  // The reply page has its form in the page; the thread pages open one from the template.
  const pageForm = document.querySelector('form.reply-form:not(.edit-form)');
  let openForm = pageForm;

  // --- Markdown that shows the quoted words exactly as they are -----------------------------------

  const escapeInline = (text) => text.replace(/[\\`*_[\]<>&~^|]/g, '\\$&');

  // What would open a block at the start of a line: a heading, a quote, a list item, a rule.
  const escapeLineStart = (line) => line.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([#>+\-=])/, '\\$1');

  const asBlockquote = (text) => text.split(/\n/)
    .map((line) => line.trim())
    .map((line) => (line.length === 0 ? '>' : `> ${escapeLineStart(escapeInline(line))}`))
    .join('\n');

  // --- The selection, as a span of one post's text ------------------------------------------------

  const spanOfSelection = () => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const startBody = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement)?.closest('.post-body');
    const endBody = (range.endContainer.nodeType === Node.ELEMENT_NODE ? range.endContainer : range.endContainer.parentElement)?.closest('.post-body');
    if (!startBody || startBody !== endBody || startBody.closest('form')) return null;
    const article = startBody.closest('article.post[data-revision-id]');
    if (!article || article.dataset.revisionId === '0') return null;

    const before = document.createRange();
    before.selectNodeContents(startBody);
    before.setEnd(range.startContainer, range.startOffset);
    const text = startBody.textContent;
    let start = before.toString().length;
    let end = start + range.toString().length;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (end <= start) return null;
    return {
      article,
      postId: article.dataset.postId,
      revisionId: article.dataset.revisionId,
      author: article.dataset.author ?? '',
      start,
      end,
      exact: text.slice(start, end),
      rect: range.getBoundingClientRect(),
    };
  };

  // --- The reply form ----------------------------------------------------------------------------

  const field = (form, name) => form.querySelector(`[name="${name}"]`);

  // Each opened form gets its own key, so the server stores a form sent twice (a double click) once. The thread
  // pages are cached for everyone, so the key is made here rather than in the page. A version 4 UUID by hand:
  // crypto.randomUUID exists only on https and localhost, and a plain-http install must get keys too.
  const newKey = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };

  /** Opens the form under a post (moving it there, with what it holds, when it is open elsewhere). */
  const openUnder = (article) => {
    if (pageForm) return pageForm;
    if (!openForm) {
      if (!template) return null;
      openForm = template.content.querySelector('form').cloneNode(true);
      field(openForm, 'Input.SubmissionKey').value = newKey();
    }
    const item = article.closest('.post-item') ?? article.parentElement;
    article.after(openForm);
    if (item) item.classList.add('is-replying');
    field(openForm, 'Input.ParentId').value = article.dataset.postId;
    const to = openForm.querySelector('.replying-to');
    if (to) to.textContent = article.dataset.author ?? '';
    return openForm;
  };

  const parentOf = (form) => (form === pageForm ? null : field(form, 'Input.ParentId')?.value);

  const renumber = (form) => {
    const items = form.querySelectorAll('.reply-quotes > li');
    items.forEach((item, index) => {
      item.dataset.quoteIndex = String(index);
      for (const input of item.querySelectorAll('input[type=hidden]')) {
        input.name = input.name.replace(/^Input\.Quotes\[\d+\]/, `Input.Quotes[${index}]`);
      }
      const number = item.querySelector('.quote-number');
      if (number) number.textContent = String(index + 1);
    });
  };

  const hidden = (name, value) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = String(value);
    return input;
  };

  const insertIntoText = (textarea, block) => {
    const value = textarea.value;
    const at = textarea.selectionStart === textarea.selectionEnd && document.activeElement === textarea ? textarea.selectionStart : value.length;
    const before = value.slice(0, at).replace(/\s*$/, '');
    const after = value.slice(at).replace(/^\s*/, '');
    const inserted = `${before.length ? '\n\n' : ''}${block}\n\n`;
    textarea.value = before + inserted + after;
    const caret = before.length + inserted.length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  };

  const addQuote = (form, span) => {
    const list = form.querySelector('.reply-quotes');
    const index = list.children.length;
    const item = document.createElement('li');
    item.className = 'reply-quote';
    const summary = document.createElement('span');
    summary.className = 'quote-summary';
    const number = document.createElement('span');
    number.className = 'quote-number';
    number.textContent = String(index + 1);
    const words = document.createElement('q');
    words.textContent = span.exact.length > 80 ? `${span.exact.slice(0, 77)}...` : span.exact;
    summary.append('Quote ', number, ` from ${span.author}: `, words);
    item.append(summary);
    const prefix = `Input.Quotes[${index}]`;
    item.append(
      hidden(`${prefix}.SourcePostId`, span.postId),
      hidden(`${prefix}.SourceRevisionId`, span.revisionId),
      hidden(`${prefix}.Start`, span.start),
      hidden(`${prefix}.End`, span.end),
      hidden(`${prefix}.Exact`, span.exact),
      hidden(`${prefix}.SourceAuthor`, span.author),
    );
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link-button remove-quote';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove quote from ${span.author}`);
    item.append(' ', remove);
    item.dataset.block = asBlockquote(span.exact);
    list.append(item);
    insertIntoText(form.querySelector('textarea'), item.dataset.block);
  };

  /** Quotes the span into the open form, or opens one under its post. `here` moves the form under the quoted post. */
  const quote = (span, here) => {
    const form = openForm && !here ? openForm : openUnder(span.article);
    if (!form) return;
    addQuote(form, span);
    hideButton();
    window.getSelection()?.removeAllRanges();
    form.scrollIntoView({ block: 'nearest' });
  };

  // --- The button by the selection ------------------------------------------------------------------

  let pending = null;
  const bar = document.createElement('div');
  bar.className = 'quote-bar';
  bar.hidden = true;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Quote the selected words');
  document.body.append(bar);

  const button = (label, action) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    // Pressing the button must not take the selection away first.
    element.addEventListener('mousedown', (event) => event.preventDefault());
    element.addEventListener('click', () => {
      if (pending) quote(pending, action === 'here');
    });
    return element;
  };

  const hideButton = () => {
    bar.hidden = true;
    pending = null;
  };

  const showButton = (span) => {
    pending = span;
    bar.replaceChildren();
    const elsewhere = openForm && openForm !== pageForm && parentOf(openForm) !== span.postId;
    if (elsewhere) {
      const to = openForm.querySelector('.replying-to')?.textContent ?? '';
      bar.append(button(`Quote in my reply to ${to}`, 'open'), button(`Quote and reply to ${span.author}`, 'here'));
    } else {
      bar.append(button('Quote', 'open'));
    }
    bar.hidden = false;
    // Above the selection, so the button hides none of the next line; below it when there is no room above.
    const above = span.rect.top - bar.offsetHeight - 6;
    bar.style.top = `${window.scrollY + (above > 0 ? above : span.rect.bottom + 6)}px`;
    bar.style.left = `${Math.max(8, window.scrollX + span.rect.left)}px`;
  };

  let timer = 0;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const span = spanOfSelection();
      if (span) showButton(span);
      else if (!bar.contains(document.activeElement)) hideButton();
    }, 120);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'q' && event.key !== 'Q') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || active.matches('input, textarea, select'))) return;
    const span = spanOfSelection();
    if (!span) return;
    event.preventDefault();
    // Shift+Q: reply to the quoted post, moving the open form there.
    quote(span, event.key === 'Q');
  });

  // --- Reply links, remove, cancel and preview ------------------------------------------------------

  document.addEventListener('click', async (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;

    const replyLink = target.closest('a.reply-link');
    if (replyLink && template && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const article = replyLink.closest('article.post');
      if (article) {
        event.preventDefault();
        openUnder(article).querySelector('textarea').focus();
      }
      return;
    }

    const remove = target.closest('.remove-quote');
    if (remove) {
      event.preventDefault();
      const form = remove.closest('form');
      const item = remove.closest('li');
      const textarea = form.querySelector('textarea');
      if (item.dataset.block && textarea.value.includes(item.dataset.block)) {
        textarea.value = textarea.value.replace(`${item.dataset.block}\n\n`, '').replace(item.dataset.block, '');
      }
      item.remove();
      renumber(form);
      textarea.focus();
      return;
    }

    if (target.closest('.cancel-reply')) {
      const form = target.closest('form');
      form.closest('.post-item')?.classList.remove('is-replying');
      form.remove();
      if (form === openForm) openForm = null;
      return;
    }

    const preview = target.closest('.preview-button');
    if (preview) {
      event.preventDefault();
      const form = preview.closest('form');
      const output = form.querySelector('.reply-preview');
      const data = new FormData();
      data.append('Input.Body', form.querySelector('textarea').value);
      data.append('__RequestVerificationToken', field(form, '__RequestVerificationToken').value);
      output.hidden = false;
      output.replaceChildren('Rendering the preview...');
      try {
        const response = await fetch(form.dataset.previewUrl, { method: 'POST', body: data, credentials: 'same-origin' });
        if (!response.ok) {
          output.replaceChildren(response.status === 429
            ? 'Too many requests: wait a minute before the next preview. Your text is kept.'
            : `The preview could not be made (${response.status}). Your text is kept.`);
          return;
        }
        const heading = document.createElement('h3');
        heading.textContent = 'Preview';
        const body = document.createElement('div');
        body.className = 'post-body';
        // The server rendered and sanitised this exactly as it will when the post is saved.
        body.innerHTML = await response.text();
        output.replaceChildren(heading, body);
      } catch {
        output.replaceChildren('The preview could not be made: the server did not answer. Your text is kept.');
      }
    }
  });

  // Quotes sent back with a refused reply page keep their block, so "Remove" can take it out of the text too.
  if (pageForm) {
    for (const item of pageForm.querySelectorAll('.reply-quote')) {
      const exact = item.querySelector('input[name$=".Exact"]')?.value;
      if (exact) item.dataset.block = asBlockquote(exact);
    }
  }
})();
