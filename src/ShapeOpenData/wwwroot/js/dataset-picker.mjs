// Closing a request with a catalogue dataset: while someone types, show the datasets that match as radios to
// choose from. Progressive enhancement: without JavaScript, submitting the form shows the same radios.
const input = document.getElementById('DatasetSearch');
const target = document.getElementById('dataset-matches');

const show = (datasets) => {
  target.replaceChildren();
  if (datasets.length === 0) return;
  const group = document.createElement('div');
  group.className = 'govuk-form-group';
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'govuk-fieldset';
  const legend = document.createElement('legend');
  legend.className = 'govuk-fieldset__legend govuk-fieldset__legend--s';
  legend.textContent = 'Matching datasets';
  const radios = document.createElement('div');
  radios.className = 'govuk-radios govuk-radios--small';
  datasets.forEach((dataset, index) => {
    const item = document.createElement('div');
    item.className = 'govuk-radios__item';
    const radio = document.createElement('input');
    radio.className = 'govuk-radios__input';
    radio.type = 'radio';
    radio.name = 'DatasetSlug';
    radio.id = `DatasetSlug-${index}`;
    radio.value = dataset.slug;
    const label = document.createElement('label');
    label.className = 'govuk-label govuk-radios__label';
    label.htmlFor = radio.id;
    label.textContent = dataset.title;
    const hint = document.createElement('div');
    hint.className = 'govuk-hint govuk-radios__hint';
    hint.id = `${radio.id}-hint`;
    hint.textContent = dataset.publisherName;
    radio.setAttribute('aria-describedby', hint.id);
    item.append(radio, label, hint);
    radios.append(item);
  });
  fieldset.append(legend, radios);
  group.append(fieldset);
  target.append(group);
};

if (input && target) {
  let timer;
  let asked = input.value.trim();
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const words = input.value.trim();
      if (words === asked) return;
      asked = words;
      if (words.length < 3) {
        show([]);
        return;
      }
      try {
        const response = await fetch(`/api/v1/datasets?q=${encodeURIComponent(words)}&sort=title&pageSize=8`, { headers: { Accept: 'application/json' } });
        if (response.ok && words === asked) show((await response.json()).items);
      } catch {
        // Matches are a help: without them, submitting the form finds the dataset or lists the matches.
      }
    }, 250);
  });
}
