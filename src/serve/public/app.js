// The review page: uploads a document to /api/review and shows the verdict, the findings highlighted in
// the text, and the structure the tool read. Plain JavaScript, no build step; all text from the
// document is inserted as text (textContent, text nodes), never as HTML.

const SEVERITY = { error: 'fejl', warning: 'advarsel', info: 'info' };
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
const LEVEL = { off: 'slået fra', info: 'info', warning: 'advarsel', error: 'fejl' };
const DOC_TYPE = { minutes: 'referat', agenda: 'dagsorden', memo: 'notat/bilag', unknown: 'ukendt' };
const FORMAT = { pdf: 'PDF', docx: 'DOCX', html: 'HTML', txt: 'tekst' };
const OUTCOME = { approved: 'godkendt', noted: 'taget til efterretning', discussed: 'drøftet', rejected: 'ikke vedtaget', postponed: 'udsat', returned: 'sendt retur', other: 'andet' };
const SECTION = { resume: 'Resumé', sagsfremstilling: 'Sagsfremstilling', indstilling: 'Indstilling', beslutning: 'Beslutning', bilag: 'Bilag', absent: 'Fravær', other: 'Andet' };
const KIND = { beslutning: 'beslutningssag', orientering: 'orienteringssag', drøftelse: 'drøftelsessag' };

const $ = (id) => document.getElementById(id);

/** State of the page: the rules from the server, the user's changes, the current file and its review. */
const state = { serverRules: [], overrides: {}, file: null, review: null, segments: [], urls: [] };

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k === 'onclick') e.addEventListener('click', v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const kr = (n) => n.toLocaleString('da-DK') + ' kr.';
const dato = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

// ---- rules -------------------------------------------------------------------------------------

async function loadRules() {
  try {
    const res = await fetch('/api/rules');
    const body = await res.json();
    state.serverRules = body.rules;
    $('config-source').textContent = body.config ? `Serverens opsætning: ${body.config}.` : 'Serveren bruger reglernes standardniveauer.';
  } catch {
    $('config-source').textContent = 'Reglerne kunne ikke hentes fra serveren.';
  }
  renderRules();
}

function effectiveLevel(rule) {
  return state.overrides[rule.id] ?? rule.level;
}

function renderRules() {
  const body = $('rules').tBodies[0];
  body.replaceChildren();
  for (const rule of state.serverRules) {
    const select = el('select', { 'data-rule': rule.id, 'aria-label': `Niveau for ${rule.id}` });
    for (const [value, label] of Object.entries(LEVEL)) select.append(el('option', { value, text: label }));
    select.value = effectiveLevel(rule);
    select.addEventListener('change', () => {
      if (select.value === rule.level) delete state.overrides[rule.id];
      else state.overrides[rule.id] = select.value;
      renderRulesSummary();
      if (state.file) void check(state.file);
    });
    body.append(el('tr', {}, el('td', {}, el('code', { text: rule.id })), el('td', { text: rule.description }), el('td', { text: SEVERITY[rule.defaultSeverity] }), el('td', {}, select)));
  }
  renderRulesSummary();
}

function renderRulesSummary() {
  const off = state.serverRules.filter((r) => effectiveLevel(r) === 'off').length;
  const changed = Object.keys(state.overrides).length;
  const parts = [`${state.serverRules.length - off} af ${state.serverRules.length} regler`];
  if (changed) parts.push(`${changed} ændret for denne kontrol`);
  $('rules-summary').textContent = `(${parts.join(', ')})`;
}

$('reset-rules').addEventListener('click', () => {
  state.overrides = {};
  renderRules();
  if (state.file) void check(state.file);
});

// ---- upload ------------------------------------------------------------------------------------

$('file').addEventListener('change', () => {
  const f = $('file').files[0];
  if (f) void check(f);
});

const drop = $('drop');
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
}
for (const type of ['dragleave', 'drop']) document.addEventListener(type, () => drop.classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files?.[0];
  if (f) void check(f);
});

let checking = 0;
async function check(file) {
  state.file = file;
  const ticket = ++checking;
  $('status').textContent = `Kontrollerer ${file.name} …`;
  $('error').hidden = true;
  document.body.classList.add('busy');
  const form = new FormData();
  form.append('file', file, file.name);
  if (Object.keys(state.overrides).length) form.append('rules', JSON.stringify(state.overrides));
  const t0 = performance.now();
  let res;
  let body;
  try {
    res = await fetch('/api/review', { method: 'POST', body: form });
    body = await res.json();
  } catch (e) {
    if (ticket !== checking) return;
    document.body.classList.remove('busy');
    showError(`${file.name}: serveren svarede ikke (${e.message})`);
    return;
  }
  if (ticket !== checking) return; // a newer check replaced this one
  document.body.classList.remove('busy');
  if (!res.ok) {
    showError(body.message ?? `${file.name}: HTTP ${res.status}`);
    return;
  }
  const ms = Math.round(performance.now() - t0);
  $('status').textContent = `${body.file} kontrolleret på ${ms} ms (heraf ${Math.round(body.timings.convertMs)} ms læsning og kontrol).`;
  render(body);
}

function showError(message) {
  $('status').textContent = '';
  $('result').hidden = true;
  const box = $('error');
  box.replaceChildren(el('strong', { text: 'Filen kunne ikke kontrolleres. ' }), el('span', { id: 'error-message', text: message }));
  box.hidden = false;
}

// ---- the review --------------------------------------------------------------------------------

function render(review) {
  state.review = review;
  $('result').hidden = false;
  renderSummary(review);
  const ranges = collectRanges(review);
  renderText(review.referat.text, ranges, review.pageStarts);
  renderFindings(review);
  renderStructure(review.referat);
  $('detail').hidden = true;
}

function renderSummary(review) {
  const r = review.report;
  $('file-name').textContent = review.file;
  const verdict = $('verdict');
  verdict.textContent = review.verdict.label;
  verdict.className = review.verdict.ready ? 'ready' : 'not-ready';
  verdict.dataset.ready = String(review.verdict.ready);
  $('count-error').textContent = r.errorCount;
  $('count-warning').textContent = r.warningCount;
  $('label-warning').textContent = r.warningCount === 1 ? 'advarsel' : 'advarsler';
  $('count-info').textContent = r.infoCount;
  const src = review.referat.source;
  const facts = [FORMAT[src.format] ?? src.format, DOC_TYPE[review.referat.documentType] ?? review.referat.documentType];
  if (src.pages != null) facts.push(`${src.pages} ${src.pages === 1 ? 'side' : 'sider'}`);
  facts.push(`${review.referat.items.length} punkter`);
  $('doc-facts').textContent = facts.join(' · ');
  const off = review.rules.filter((x) => x.level === 'off').map((x) => x.id);
  const regraded = review.rules.filter((x) => x.level !== 'off' && x.level !== x.defaultSeverity).map((x) => `${x.id}: ${LEVEL[x.level]}`);
  const bits = [`${review.rules.length - off.length} af ${review.rules.length} regler kørt`];
  if (off.length) bits.push(`slået fra: ${off.join(', ')}`);
  if (regraded.length) bits.push(`andet niveau: ${regraded.join(', ')}`);
  $('rules-in-force').textContent = bits.join('; ') + '.';

  for (const u of state.urls) URL.revokeObjectURL(u);
  const json = URL.createObjectURL(new Blob([JSON.stringify(review.referat, null, 2) + '\n'], { type: 'application/json' }));
  const sarif = URL.createObjectURL(new Blob([JSON.stringify(review.sarif, null, 2) + '\n'], { type: 'application/sarif+json' }));
  state.urls = [json, sarif];
  Object.assign($('download-json'), { href: json, download: `${review.file}.json` });
  Object.assign($('download-sarif'), { href: sarif, download: `${review.file}.sarif` });
}

/** Every span the text shows: the findings (always) and the layers the checkboxes turn on. */
function collectRanges(review) {
  const ref = review.referat;
  const ranges = [];
  review.report.diagnostics.forEach((d, i) => {
    if (d.span) ranges.push({ start: d.span.start, end: d.span.end, kind: 'finding', index: i, severity: d.severity });
  });
  for (const a of ref.amounts) ranges.push({ start: a.span.start, end: a.span.end, kind: 'amount' });
  for (const d of ref.dates) ranges.push({ start: d.span.start, end: d.span.end, kind: 'date' });
  for (const item of ref.items) {
    if (item.decision) ranges.push({ start: item.decision.span.start, end: item.decision.span.end, kind: 'decision' });
    for (const s of item.sections) if (s.type === 'absent') ranges.push({ start: s.span.start, end: s.span.end, kind: 'absence' });
    ranges.push({ start: item.span.start, end: item.span.start, kind: 'anchor' });
    for (const s of item.sections) ranges.push({ start: s.span.start, end: s.span.start, kind: 'anchor' });
  }
  for (const p of ref.participants) if (p.status === 'absent') ranges.push({ start: p.span.start, end: p.span.end, kind: 'absence' });
  return ranges;
}

/**
 * The text as a sequence of segments between the boundaries of all ranges; a segment covered by a range
 * is an element with the range's classes, so a finding or a value can be highlighted by its offsets.
 */
function renderText(text, ranges, pageStarts) {
  const container = $('text');
  const n = text.length;
  const points = new Set([0, n]);
  for (const r of ranges) {
    r.start = Math.max(0, Math.min(n, r.start));
    r.end = Math.max(r.start, Math.min(n, r.end));
    points.add(r.start);
    points.add(r.end);
  }
  const pages = new Map();
  (pageStarts ?? []).forEach((p, i) => {
    pages.set(Math.min(p, n), i + 1);
    points.add(Math.min(p, n));
  });
  const sorted = [...points].sort((a, b) => a - b);
  const byStart = [...ranges].sort((a, b) => a.start - b.start);
  const frag = document.createDocumentFragment();
  const segments = [];
  let active = [];
  let next = 0;
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    if (pages.has(a)) frag.append(el('span', { class: 'page-mark', 'data-page': String(pages.get(a)), 'aria-label': `Side ${pages.get(a)}` }));
    while (next < byStart.length && byStart[next].start <= a) active.push(byStart[next++]);
    active = active.filter((r) => r.end > a || (r.start === a && r.end === a));
    // findings without extent are a marker at their place
    for (const r of active) if (r.kind === 'finding' && r.start === r.end && r.start === a) {
      const mark = el('span', { class: `f f-point f-${r.severity}`, 'data-f': String(r.index), title: 'fund' });
      segments.push({ start: a, end: a, el: mark, findings: [r.index] });
      frag.append(mark);
    }
    if (k === sorted.length - 1) break;
    const b = sorted[k + 1];
    const piece = text.slice(a, b);
    const covering = active.filter((r) => r.end > a);
    if (!covering.length) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const classes = new Set();
    const findings = [];
    let worst = null;
    for (const r of covering) {
      if (r.kind === 'finding') {
        findings.push(r.index);
        if (!worst || SEVERITY_RANK[r.severity] > SEVERITY_RANK[worst]) worst = r.severity;
      } else if (r.kind !== 'anchor') classes.add(`l-${r.kind}`);
    }
    if (worst) {
      classes.add('f');
      classes.add(`f-${worst}`);
    }
    const span = el('span', { class: [...classes].join(' ') || null, text: piece });
    if (findings.length) {
      span.dataset.f = findings.join(' ');
      span.addEventListener('click', () => selectFinding(findings[findings.length - 1], false));
    }
    segments.push({ start: a, end: b, el: span, findings });
    frag.append(span);
  }
  container.replaceChildren(frag);
  state.segments = segments;
}

/** The elements that make up [start, end) of the text (every range's ends are segment boundaries). */
function elementsIn(start, end) {
  return state.segments.filter((s) => (s.start >= start && s.end <= end && s.end > s.start) || (start === end && s.start === start));
}

function clearMarks(cls) {
  for (const e of document.querySelectorAll(`#text .${cls}`)) e.classList.remove(cls);
}

function scrollToRange(start, end, cls) {
  clearMarks(cls);
  let els = elementsIn(start, end).map((s) => s.el);
  if (!els.length) {
    // a place without a highlight of its own: the segment that contains it
    const seg = state.segments.find((s) => s.start <= start && start < s.end);
    els = seg ? [seg.el] : [];
  }
  for (const e of els) e.classList.add(cls);
  els[0]?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return els;
}

function renderFindings(review) {
  const list = $('findings');
  list.replaceChildren();
  $('no-findings').hidden = review.report.diagnostics.length > 0;
  review.report.diagnostics.forEach((d, i) => {
    const where = [];
    if (d.span?.page != null) where.push(`side ${d.span.page}`);
    if (d.item != null) where.push(`punkt ${d.item}`);
    if (d.line != null) where.push(`linje ${d.line}`);
    const button = el(
      'button',
      { type: 'button', class: `finding sev-${d.severity}`, 'data-index': String(i), onclick: () => selectFinding(i, true) },
      el('span', { class: 'finding-head' }, el('span', { class: 'sev', text: SEVERITY[d.severity] }), ' ', el('code', { text: d.code }), where.length ? ` · ${where.join(', ')}` : ''),
      el('span', { class: 'finding-msg', text: d.message }),
    );
    list.append(el('li', {}, button));
  });
}

function selectFinding(i, scroll) {
  const d = state.review.report.diagnostics[i];
  for (const b of document.querySelectorAll('#findings .finding.selected')) b.classList.remove('selected');
  const button = document.querySelector(`#findings .finding[data-index="${i}"]`);
  button?.classList.add('selected');
  if (!scroll) button?.scrollIntoView({ block: 'nearest' });
  clearMarks('active');
  if (d.span) {
    const els = elementsIn(d.span.start, d.span.end).map((s) => s.el);
    for (const e of els) e.classList.add('active');
    if (scroll) els[0]?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }
  const rule = state.review.rules.find((r) => r.id === d.code);
  const where = [];
  if (d.span?.page != null) where.push(`side ${d.span.page}`);
  if (d.item != null) where.push(`punkt ${d.item}`);
  if (d.line != null) where.push(`linje ${d.line}, kolonne ${d.column}`);
  const box = $('detail');
  box.className = `sev-${d.severity}`;
  box.replaceChildren(
    el('p', { class: 'detail-head' }, el('span', { class: 'sev', text: SEVERITY[d.severity] }), ' ', el('code', { text: d.code }), where.length ? ` · ${where.join(', ')}` : ' · hele dokumentet'),
    rule ? el('p', { class: 'rule-text' }, el('strong', { text: 'Reglen: ' }), rule.description) : null,
    el('p', { id: 'detail-message' }, el('strong', { text: 'Fundet og hvad der skal gøres: ' }), d.message),
    d.quote ? el('p', { class: 'quote' }, el('strong', { text: 'Citat: ' }), el('q', { id: 'detail-quote', text: d.quote })) : null,
    el('button', { type: 'button', class: 'close', text: 'Luk', onclick: () => { box.hidden = true; clearMarks('active'); } }),
  );
  box.hidden = false;
}

// ---- the structure -----------------------------------------------------------------------------

function jump(start, end) {
  return () => scrollToRange(start, end, 'flash');
}

function renderStructure(ref) {
  const m = ref.meeting;
  const meeting = $('meeting');
  meeting.replaceChildren();
  const row = (label, value) => {
    meeting.append(el('dt', { text: label }), el('dd', { class: value == null ? 'missing' : null, text: value ?? 'ikke fundet' }));
  };
  row('Dokumenttype', DOC_TYPE[ref.documentType] ?? ref.documentType);
  if (m) {
    row('Titel', m.title);
    row('Forum', m.body ? (m.level ? `${m.body} (${m.level})` : m.body) : null);
    row('Dato', m.date ? dato(m.date) : null);
    row('Tid', m.startTime ? (m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime) : null);
    row('Sted', m.location);
    if (m.span) meeting.append(el('dd', { class: 'link' }, el('button', { type: 'button', class: 'link', text: 'Vis mødehovedet i teksten', onclick: jump(m.span.start, m.span.start) })));
  }

  const present = ref.participants.filter((p) => p.status === 'present');
  const absent = ref.participants.filter((p) => p.status === 'absent');
  $('participants-count').textContent = `(${present.length} til stede, ${absent.length} fraværende)`;
  const person = (p) => {
    const extra = [p.affiliation, p.role, p.substituteFor ? `stedfortræder for ${p.substituteFor}` : null].filter(Boolean).join(', ');
    return el('li', {}, el('button', { type: 'button', class: 'link', text: p.name + (extra ? ` (${extra})` : ''), onclick: jump(p.span.start, p.span.end) }));
  };
  $('participants').replaceChildren(
    el('h4', { text: 'Til stede' }), present.length ? el('ul', {}, ...present.map(person)) : el('p', { class: 'missing', text: 'ingen fundet' }),
    el('h4', { text: 'Fraværende' }), absent.length ? el('ul', {}, ...absent.map(person)) : el('p', { class: 'missing', text: 'ingen fundet' }),
  );

  $('items-count').textContent = `(${ref.items.length})`;
  $('items').replaceChildren(
    ...ref.items.map((item) => {
      const tags = [item.kind ? KIND[item.kind] : null, item.closed ? 'lukket punkt' : null, item.caseNumber ? `sag ${item.caseNumber}` : null, item.numberInferred ? 'nummer udledt' : null].filter(Boolean);
      const sections = el('ul', { class: 'sections' }, ...item.sections.map((s) =>
        el('li', {}, el('button', { type: 'button', class: 'link', text: `${SECTION[s.type] ?? s.type}${s.heading && s.heading !== SECTION[s.type] ? `: ${s.heading}` : ''}`, onclick: jump(s.span.start, s.span.start) })),
      ));
      const decision = item.decision
        ? el('p', { class: 'decision' }, el('strong', { text: `Beslutning (${OUTCOME[item.decision.outcome] ?? item.decision.outcome}): ` }),
            el('button', { type: 'button', class: 'link', text: short(item.decision.text, 140), onclick: jump(item.decision.span.start, item.decision.span.end) }))
        : el('p', { class: 'decision missing', text: 'Ingen beslutning fundet' });
      const absentText = item.absent.length ? el('p', { class: 'absent' }, el('strong', { text: 'Fraværende: ' }), item.absent.join(', ')) : null;
      return el('li', { class: 'item' },
        el('button', { type: 'button', class: 'link item-title', text: `${item.number}. ${item.title}`, onclick: jump(item.span.start, item.span.start) }),
        tags.length ? el('span', { class: 'tags', text: ` ${tags.join(' · ')}` }) : null,
        sections, decision, absentText);
    }),
  );

  $('amounts-count').textContent = `(${ref.amounts.length})`;
  $('amounts').replaceChildren(...ref.amounts.map((a) =>
    el('li', {}, el('button', { type: 'button', class: 'link', text: `${a.raw} → ${a.approximate ? 'ca. ' : ''}${kr(a.value)}${a.item != null ? ` (punkt ${a.item})` : ''}`, onclick: jump(a.span.start, a.span.end) }))));
  $('dates-count').textContent = `(${ref.dates.length})`;
  $('dates').replaceChildren(...ref.dates.map((d) =>
    el('li', {}, el('button', { type: 'button', class: 'link', text: `${d.raw} → ${dato(d.date)}${d.end ? `–${dato(d.end)}` : ''}${d.yearInferred ? ' (år udledt)' : ''}${d.item != null ? ` (punkt ${d.item})` : ''}`, onclick: jump(d.span.start, d.span.end) }))));
}

function short(s, max) {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

// ---- layers and print --------------------------------------------------------------------------

for (const box of document.querySelectorAll('.layers input[data-layer]')) {
  box.addEventListener('change', () => $('text').classList.toggle(`show-${box.dataset.layer}`, box.checked));
}
$('print').addEventListener('click', () => window.print());
// the print view shows every section of the structure; those the user had closed close again after
let closedForPrint = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll('#structure-panel details:not([open])')];
  for (const d of closedForPrint) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
});

void loadRules();
