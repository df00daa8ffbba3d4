// While someone types a title, show open requests like theirs, so they can support one instead of asking
// again. Progressive enhancement: without JavaScript, the next page shows the same list.
const input = document.getElementById('Title');
const target = document.getElementById('similar-suggestions');

if (input && target) {
  let timer;
  let asked = '';

  const show = (requests) => {
    target.replaceChildren();
    if (requests.length === 0) return;
    const box = document.createElement('div');
    box.className = 'govuk-inset-text';
    const heading = document.createElement('h2');
    heading.className = 'govuk-heading-s';
    heading.textContent = 'Is your request one of these?';
    const list = document.createElement('ul');
    list.className = 'govuk-list';
    for (const request of requests) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'govuk-link';
      link.href = `/requests/${request.id}`;
      link.textContent = request.title;
      item.append(link, ` (${request.supportCount} ${request.supportCount === 1 ? 'supporter' : 'supporters'})`);
      list.append(item);
    }
    const hint = document.createElement('p');
    hint.className = 'govuk-body-s';
    hint.textContent = 'If one of these is what you need, support it instead: publishers see how many people need each request.';
    box.append(heading, list, hint);
    target.append(box);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const title = input.value.trim();
      if (title === asked || title.length < 4) return;
      asked = title;
      try {
        const response = await fetch(`/api/v1/requests/similar?title=${encodeURIComponent(title)}`, { headers: { Accept: 'application/json' } });
        if (response.ok && title === asked) show(await response.json());
      } catch {
        // Suggestions are a help, not a step: without them the next page still checks.
      }
    }, 300);
  });
}
